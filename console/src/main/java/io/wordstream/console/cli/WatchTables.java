package io.wordstream.console.cli;

import io.wordstream.console.model.ResultRow;
import io.wordstream.console.model.WindowCounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides when {@code watch} prints, so one micro-batch gives one table per window it changed. The job writes a
 * batch's rows to the results topic from several tasks, and they arrive over several polls; after the batch it
 * announces on the metrics topic that the batch has ended. The rule: the windows changed by the rows read so far
 * are printed once the results have been read up to the end offsets the results topic had when a batch end was
 * announced. While the history is read, each window is printed once, when it has all been read. Without batch
 * announcements (no metrics topic), rows are printed after {@link #QUIET_NANOS} without new rows.
 * Not thread-safe: the caller synchronises.
 */
final class WatchTables {
    static final long QUIET_NANOS = 1_000_000_000L;

    private final WindowCounts model;
    private final boolean announced;
    private final Set<Instant> touched = new TreeSet<>();
    private Map<Integer, Long> due;
    private boolean historyRead;
    private long lastRowNanos;

    /** @param announced whether batch ends are announced (the metrics topic is read) */
    WatchTables(WindowCounts model, boolean announced) {
        this.model = model;
        this.announced = announced;
    }

    /** A micro-batch ended; its rows are all below these end offsets of the results topic. */
    void batchEnded(Map<Integer, Long> resultsEnd) {
        due = resultsEnd;
    }

    /**
     * One poll of the results topic: its rows, the positions reached, whether the history has been read.
     *
     * @return the windows to print now, oldest first; empty when it is not time yet
     */
    List<WindowCounts.Window> polled(List<ResultRow> rows, Map<Integer, Long> positions, boolean caughtUp,
                                     long now) {
        for (ResultRow row : rows) {
            if (model.apply(row)) {
                touched.add(row.windowStart());
            }
        }
        if (!rows.isEmpty()) {
            lastRowNanos = now;
        }
        if (!caughtUp) {
            return List.of();
        }
        boolean print;
        if (!historyRead) {
            historyRead = true;
            print = true;
        } else if (announced) {
            print = due != null && reached(positions, due);
        } else {
            print = now - lastRowNanos >= QUIET_NANOS;
        }
        if (!print || touched.isEmpty() && due == null) {
            return List.of();
        }
        if (announced && due != null && reached(positions, due)) {
            due = null;
        }
        List<WindowCounts.Window> out = new ArrayList<>();
        for (Instant start : touched) {
            WindowCounts.Window w = model.window(start);
            if (w != null) {
                out.add(w);
            }
        }
        touched.clear();
        return out;
    }

    private static boolean reached(Map<Integer, Long> positions, Map<Integer, Long> targets) {
        for (Map.Entry<Integer, Long> t : targets.entrySet()) {
            if (positions.getOrDefault(t.getKey(), 0L) < t.getValue()) {
                return false;
            }
        }
        return true;
    }
}

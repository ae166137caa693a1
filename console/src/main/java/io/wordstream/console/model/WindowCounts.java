package io.wordstream.console.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The counts the console knows, per window, dimension and key, for a bounded number of the most recent windows.
 *
 * <p>A key's count in a window only grows in the job's output (Update mode emits running totals), so the highest
 * count seen is the latest: that makes the model indifferent to the duplicates an at-least-once sink writes and to
 * rows read out of order. Not thread-safe: one thread owns it.
 */
public final class WindowCounts {
    /** One key's count. */
    public record Count(String key, long count) {
    }

    /** A window's bounds and its counts, by dimension then key. */
    public record Window(Instant start, Instant end, Map<String, Map<String, Long>> counts) {
        /** The keys of one dimension, highest count first, then alphabetically; at most {@code limit}. */
        public List<Count> top(String dimension, int limit) {
            List<Count> all = new ArrayList<>();
            counts.getOrDefault(dimension, Map.of()).forEach((k, c) -> all.add(new Count(k, c)));
            all.sort(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key));
            return all.subList(0, Math.min(limit, all.size()));
        }

        /** The sum of a dimension's counts: for {@code word}, the number of words in the window. */
        public long total(String dimension) {
            return counts.getOrDefault(dimension, Map.of()).values().stream().mapToLong(Long::longValue).sum();
        }

        /** How many distinct keys the dimension has in the window. */
        public int distinct(String dimension) {
            return counts.getOrDefault(dimension, Map.of()).size();
        }
    }

    private final int maxWindows;
    private final NavigableMap<Instant, Window> windows = new TreeMap<>();

    /** @param maxWindows how many of the most recent windows to keep; older ones are dropped */
    public WindowCounts(int maxWindows) {
        if (maxWindows < 1) {
            throw new IllegalArgumentException("maxWindows must be at least 1");
        }
        this.maxWindows = maxWindows;
    }

    /** Takes one result row; true when it changed what the model shows. */
    public boolean apply(ResultRow row) {
        Window w = windows.get(row.windowStart());
        if (w == null) {
            if (windows.size() >= maxWindows && row.windowStart().isBefore(windows.firstKey())) {
                return false; // older than everything kept: it would be evicted at once
            }
            w = new Window(row.windowStart(), row.windowEnd(), new HashMap<>());
            windows.put(row.windowStart(), w);
            while (windows.size() > maxWindows) {
                windows.pollFirstEntry();
            }
        }
        Map<String, Long> keys = w.counts().computeIfAbsent(row.dimension(), d -> new HashMap<>());
        Long old = keys.get(row.key());
        if (old != null && old >= row.count()) {
            return false;
        }
        keys.put(row.key(), row.count());
        return true;
    }

    /** Window starts, oldest first. */
    public List<Instant> windowStarts() {
        return new ArrayList<>(windows.keySet());
    }

    public Window window(Instant start) {
        return windows.get(start);
    }

    /** The newest window, or null when there is none. */
    public Window newest() {
        return windows.isEmpty() ? null : windows.lastEntry().getValue();
    }

    public int size() {
        return windows.size();
    }

    public void clear() {
        windows.clear();
    }
}

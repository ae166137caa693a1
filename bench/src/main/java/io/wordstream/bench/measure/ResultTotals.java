package io.wordstream.bench.measure;

import io.wordstream.common.Dimension;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The latest count of every (window, dimension, key) a system has written, summed per dimension. A repeated or
 * older row (the Kafka sink is at-least-once; Complete mode rewrites every row) changes nothing, so the totals equal
 * what was sent exactly when every record has been counted once.
 */
public final class ResultTotals {
    private final Map<String, Long> latest = new HashMap<>();
    private long words;
    private long letters;
    private long lengths;
    private DimensionTotals target;
    private long reachedAtNanos;
    private long lastChangeNanos;

    public synchronized void accept(Count c, long nowNanos) {
        String id = c.windowStartMs() + "\u0000" + c.dimension() + "\u0000" + c.key();
        Long old = latest.get(id);
        if (old != null && old >= c.count()) {
            return;
        }
        latest.put(id, c.count());
        lastChangeNanos = nowNanos;
        long delta = c.count() - (old == null ? 0 : old);
        if (c.dimension().equals(Dimension.WORD.id())) {
            words += delta;
        } else if (c.dimension().equals(Dimension.LETTER.id())) {
            letters += delta;
        } else if (c.dimension().equals(Dimension.LENGTH.id())) {
            lengths += delta;
        }
        if (target != null && reachedAtNanos == 0 && totals().covers(target)) {
            reachedAtNanos = nowNanos;
            notifyAll();
        }
    }

    public synchronized DimensionTotals totals() {
        return new DimensionTotals(words, letters, lengths);
    }

    /** Distinct (window, dimension, key) rows seen. */
    public synchronized int rows() {
        return latest.size();
    }

    /**
     * Waits until the totals reach {@code target}, and says when that happened (the time the row that completed it
     * was read), or empty when {@code timeout} passed first. Totals that already cover it when the wait begins give
     * the time of the latest row that changed them, not the time of asking.
     */
    public synchronized Optional<Long> awaitTotals(DimensionTotals target, Duration timeout)
            throws InterruptedException {
        this.target = target;
        if (totals().covers(target)) {
            this.reachedAtNanos = lastChangeNanos != 0 ? lastChangeNanos : System.nanoTime();
        } else {
            this.reachedAtNanos = 0;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (reachedAtNanos == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            wait(Math.max(1, left / 1_000_000));
        }
        this.target = null;
        return Optional.of(reachedAtNanos);
    }
}

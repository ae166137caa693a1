package io.wordstream.console.model;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Records per second over the last {@link #span}: the records seen in that span divided by its length, so one
 * record reads as a small rate for one span and then as zero, never as the rate of a single short batch. Times
 * are {@code System.nanoTime()} values given by the caller. Not thread-safe: one thread owns it.
 */
public final class RateWindow {
    /** The span every rate on screen is averaged over. */
    public static final Duration DEFAULT_SPAN = Duration.ofSeconds(10);

    private record Sample(long atNanos, long records) {
    }

    private final Duration span;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private long inSpan;
    private long lastTotal = -1;

    public RateWindow(Duration span) {
        if (span.isZero() || span.isNegative()) {
            throw new IllegalArgumentException("the span must be positive");
        }
        this.span = span;
    }

    public Duration span() {
        return span;
    }

    /** {@code records} more were seen at {@code now}. */
    public void add(long records, long now) {
        if (records > 0) {
            samples.addLast(new Sample(now, records));
            inSpan += records;
        }
        expire(now);
    }

    /**
     * A counter that only grows (the sum of a topic's end offsets) read at {@code now}: what it grew by since the
     * last reading is added. The first reading only sets the start; a counter that went back (a topic deleted and
     * made again) starts over from its new value.
     */
    public void total(long total, long now) {
        if (lastTotal >= 0 && total > lastTotal) {
            add(total - lastTotal, now);
        } else {
            expire(now);
        }
        lastTotal = total;
    }

    /** True once anything has been given: before that there is no rate to show. */
    public boolean known() {
        return lastTotal >= 0 || !samples.isEmpty();
    }

    /** Records per second over the span ending at {@code now}. */
    public double perSecond(long now) {
        expire(now);
        return inSpan / (span.toNanos() / 1e9);
    }

    private void expire(long now) {
        long oldest = now - span.toNanos();
        while (!samples.isEmpty() && samples.peekFirst().atNanos() <= oldest) {
            inSpan -= samples.pollFirst().records();
        }
    }
}

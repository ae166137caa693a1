package io.wordstream.bench.soak;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Whether a quantity sampled once per window stays flat: the median of the last third of the samples against the
 * median of the middle third. The first third is start-up (state filling its first windows, heaps growing into
 * their size) and is left out.
 */
public record Trend(long middle, long last) {
    /** Growth up to this ratio counts as flat: GC timing and window edges move single samples by a few percent. */
    public static final double FLAT = 1.10;

    public static Trend of(List<Long> samples) {
        if (samples.size() < 3) {
            throw new IllegalArgumentException("a trend needs at least 3 samples, got " + samples.size());
        }
        int third = samples.size() / 3;
        return new Trend(median(samples.subList(third, samples.size() - third)),
                median(samples.subList(samples.size() - third, samples.size())));
    }

    /** Last over middle; 1 when both are zero. */
    public double growth() {
        if (middle == 0) {
            return last == 0 ? 1.0 : Double.POSITIVE_INFINITY;
        }
        return (double) last / middle;
    }

    public boolean flat() {
        return growth() <= FLAT;
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}

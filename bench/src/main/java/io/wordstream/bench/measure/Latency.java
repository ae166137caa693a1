package io.wordstream.bench.measure;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * A latency distribution in milliseconds, read from an HdrHistogram (three significant digits): what the report
 * prints of each rate.
 *
 * @param n    how many latencies were recorded
 * @param p999 the 99.9th percentile
 */
public record Latency(long n, double p50, double p95, double p99, double p999, double max) {
    public static final Latency EMPTY = new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Longest latency the histogram holds exactly; a longer one is recorded as this (an hour is a failure anyway). */
    private static final long HIGHEST_MICROS = 3_600_000_000L;

    /** The distribution of latencies given in nanoseconds. */
    public static Latency ofNanos(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return EMPTY;
        }
        Histogram h = new Histogram(HIGHEST_MICROS, 3);
        for (long ns : nanos) {
            h.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, ns / 1_000)));
        }
        return new Latency(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(95)),
                ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}

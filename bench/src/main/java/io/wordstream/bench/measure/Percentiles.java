package io.wordstream.bench.measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Order statistics by the nearest-rank method: every reported value is one that was measured. */
public final class Percentiles {
    /** A distribution in one line. Values are in the unit they were given in. */
    public record Summary(int n, double p50, double p95, double p99, double max) {
        public static final Summary EMPTY = new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private Percentiles() {
    }

    public static Summary summarize(List<Double> values) {
        if (values.isEmpty()) {
            return Summary.EMPTY;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return new Summary(sorted.size(), rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted.get(sorted.size() - 1));
    }

    public static double median(List<Double> values) {
        return summarize(values).p50();
    }

    /** The smallest value with at least {@code percent}% of the values at or below it. */
    static double rank(List<Double> sorted, double percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}

package io.wordstream.console.model;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The recent history of the pipeline's figures, one sample per {@link #EVERY} over {@link #SPAN}, for the
 * sparklines of the cluster view. Times are {@code System.nanoTime()} values given by the caller. Not thread-safe.
 */
public final class MetricHistory {
    /** The figures kept. */
    public enum Metric { INPUT_RATE, PROCESSED_RATE, BATCH_MS, STATE_ROWS, LAG }

    /** How often a sample is kept. */
    public static final Duration EVERY = Duration.ofSeconds(5);
    /** How far back the history reaches: ten minutes and a margin. */
    public static final Duration SPAN = Duration.ofMinutes(12);
    static final int SAMPLES = (int) (SPAN.toSeconds() / EVERY.toSeconds());

    private final Map<Metric, Deque<Double>> series = new EnumMap<>(Metric.class);
    private long lastAt = Long.MIN_VALUE;
    private Map<Metric, Double> current = Map.of();

    public MetricHistory() {
        for (Metric m : Metric.values()) {
            series.put(m, new ArrayDeque<>());
        }
    }

    /**
     * The figures at {@code now} (NaN for unknown): they are the current ones, and are kept as a sample when one is
     * due; returns whether they were kept.
     */
    public boolean offer(long now, Map<Metric, Double> values) {
        current = Map.copyOf(values);
        if (lastAt != Long.MIN_VALUE && now - lastAt < EVERY.toNanos()) {
            return false;
        }
        lastAt = now;
        for (Metric m : Metric.values()) {
            Deque<Double> d = series.get(m);
            d.addLast(values.getOrDefault(m, Double.NaN));
            if (d.size() > SAMPLES) {
                d.removeFirst();
            }
        }
        return true;
    }

    /** The samples of {@code m}, oldest first. */
    public List<Double> series(Metric m) {
        return new ArrayList<>(series.get(m));
    }

    /** The latest figure of {@code m}, sampled or not, or NaN before the first. */
    public double current(Metric m) {
        return current.getOrDefault(m, Double.NaN);
    }

    public int size() {
        return series.get(Metric.LAG).size();
    }
}

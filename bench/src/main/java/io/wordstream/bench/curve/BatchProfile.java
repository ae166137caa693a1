package io.wordstream.bench.curve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a micro-batch engine's time went during one step: the median of each phase Spark reports per batch with
 * input ({@code durationMs} of its query progress), and how many such batches there were.
 *
 * @param batches  batches with input during the step
 * @param medianMs phase name to its median milliseconds, by name
 * @param p95Ms    the 95th percentile of a whole batch's time ({@code triggerExecution}), NaN without batches
 * @param maxMs    the longest batch, NaN without batches
 */
public record BatchProfile(int batches, Map<String, Double> medianMs, double p95Ms, double maxMs) {
    public static final BatchProfile EMPTY = new BatchProfile(0, Map.of(), Double.NaN, Double.NaN);
    /** The phase that spans the whole batch. */
    public static final String WHOLE = "triggerExecution";

    /** The phases Spark 3.5 reports, in the order a batch runs them. */
    public static final List<String> PHASES = List.of("latestOffset", "queryPlanning", "getBatch", "addBatch",
            "walCommit", "commitOffsets", "triggerExecution");

    public static BatchProfile of(List<Map<String, Long>> batches) {
        if (batches.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<Long>> byPhase = new TreeMap<>();
        for (Map<String, Long> b : batches) {
            b.forEach((phase, ms) -> byPhase.computeIfAbsent(phase, k -> new ArrayList<>()).add(ms));
        }
        Map<String, Double> medians = new TreeMap<>();
        byPhase.forEach((phase, values) -> medians.put(phase, median(values)));
        List<Long> whole = byPhase.getOrDefault(WHOLE, List.of()).stream().sorted().toList();
        return new BatchProfile(batches.size(), Map.copyOf(medians),
                whole.isEmpty() ? Double.NaN : whole.get(Math.max(0, (int) Math.ceil(0.95 * whole.size()) - 1)),
                whole.isEmpty() ? Double.NaN : whole.get(whole.size() - 1));
    }

    /** The middle value, or the mean of the two middle ones. */
    static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}

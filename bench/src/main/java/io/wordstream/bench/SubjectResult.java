package io.wordstream.bench;

import io.wordstream.bench.curve.Curve;
import io.wordstream.bench.curve.RateStep;
import io.wordstream.bench.measure.Latency;
import io.wordstream.bench.measure.Percentiles;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What was measured of one system. Times in seconds, latencies in milliseconds, memory in bytes.
 *
 * @param readySeconds    from launch to the system saying it is ready (wordstream's {@code ready} line)
 * @param firstRowSeconds from launch to the first sentence's first result row
 * @param latencyMs       scheduled-send-to-result latencies of the probe sentences at the latency phase's rate
 * @param lostProbes      probes whose result never came
 * @param curve           the latency-throughput curve, the latency phase first
 * @param throughputWps   words per second of each burst, end to end
 * @param peakRss         peak resident memory by process role
 * @param failure         why the measurement stopped early, if it did
 */
public record SubjectResult(String name, Optional<Double> readySeconds, Optional<Double> firstRowSeconds,
                            Latency latencyMs, int lostProbes, List<RateStep> curve, List<Double> throughputWps,
                            Map<String, Long> peakRss, Optional<String> failure) {

    /** The highest rate of the curve with p99 at most 1 s and no growing backlog. */
    public OptionalInt sustainableRate() {
        return Curve.sustainable(curve);
    }

    public Optional<Double> medianThroughput() {
        return throughputWps.isEmpty() ? Optional.empty() : Optional.of(Percentiles.median(throughputWps));
    }
}

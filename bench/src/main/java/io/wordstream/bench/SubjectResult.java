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
 * @param firstRowSeconds from launch, with a sentence already waiting in its input topic, to its first result row
 * @param latencyMs       scheduled-send-to-result latencies of the probe sentences at the latency phase's rate
 * @param lostProbes      probes whose result never came
 * @param curve           the latency-throughput curve, the latency phase first
 * @param throughputWps   words per second of each burst, end to end
 * @param peakRss         peak resident memory by process role (the shared broker's while this system ran)
 * @param failure         why the measurement stopped early, if it did
 */
public record SubjectResult(String name, Optional<Double> readySeconds, Optional<Double> firstRowSeconds,
                            Latency latencyMs, int lostProbes, List<RateStep> curve, List<Double> throughputWps,
                            Map<String, Long> peakRss, Optional<String> failure) {

    /** The highest rate of the curve whose backlog did not grow (Karimov et al.'s sustainable throughput). */
    public OptionalInt sustainableRate() {
        return Curve.sustainable(curve);
    }

    /** The highest sustained rate of the curve with p99 at most 1 s. */
    public OptionalInt p99BoundedRate() {
        return Curve.p99Bounded(curve);
    }

    public Optional<Double> medianThroughput() {
        return throughputWps.isEmpty() ? Optional.empty() : Optional.of(Percentiles.median(throughputWps));
    }
}

package io.wordstream.bench;

import io.wordstream.bench.measure.Percentiles;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What was measured of one system. Times in seconds, latencies in milliseconds, memory in bytes.
 *
 * @param readySeconds    from launch to the system saying it is ready (wordstream's {@code ready} line)
 * @param firstRowSeconds from launch to the first sentence's first result row
 * @param latencyMs       send-to-result latencies of the probe sentences
 * @param lostProbes      probes whose result never came
 * @param throughputWps   words per second of each burst, end to end
 * @param peakRss         peak resident memory by process role
 * @param failure         why the measurement stopped early, if it did
 */
public record SubjectResult(String name, Optional<Double> readySeconds, Optional<Double> firstRowSeconds,
                            Percentiles.Summary latencyMs, int lostProbes, List<Double> throughputWps,
                            Map<String, Long> peakRss, Optional<String> failure) {

    public Optional<Double> medianThroughput() {
        return throughputWps.isEmpty() ? Optional.empty() : Optional.of(Percentiles.median(throughputWps));
    }
}

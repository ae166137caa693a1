package io.wordstream.console.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wordstream.common.HostPort;
import io.wordstream.common.JobConfig;
import io.wordstream.console.launch.Ports;
import io.wordstream.console.settings.Settings;
import io.wordstream.testsupport.Poll;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongBiFunction;

/** Settings of the embedded default for integration tests: a free broker port and the given data dir. */
final class ItSettings {
    private ItSettings() {
    }

    static Settings embedded(Path dataDir, JobConfig.Source source, Optional<HostPort> socket, int localCluster) {
        return embedded(dataDir, source, socket, localCluster, Ports.freePort(Settings.LOOPBACK));
    }

    static Settings embedded(Path dataDir, JobConfig.Source source, Optional<HostPort> socket, int localCluster,
                             int brokerPort) {
        return Settings.builder().dataDir(dataDir).brokerPort(brokerPort).inputPartitions(1).source(source)
                .socket(socket).localCluster(localCluster).build();
    }

    /**
     * Polls {@code counts} until each expected word has at least its count ({@code countOf}), then asserts each has
     * exactly it. Every word asserted is waited for: the rows of one micro-batch reach a reader over several reads.
     */
    static Map<String, Long> awaitWordCounts(Duration timeout, Supplier<Map<String, Long>> counts,
                                             ToLongBiFunction<Map<String, Long>, String> countOf,
                                             Map<String, Long> expected, String what) {
        Map<String, Long> seen = Poll.until(timeout, counts, c -> expected.entrySet().stream()
                .allMatch(e -> countOf.applyAsLong(c, e.getKey()) >= e.getValue()), what);
        expected.forEach((word, count) -> assertEquals(count.longValue(), countOf.applyAsLong(seen, word),
                word + " in " + seen));
        return seen;
    }

    /** The sum over all windows of one word's latest counts. */
    static long total(Map<String, Long> counts, String word) {
        return counts.entrySet().stream().filter(e -> e.getKey().endsWith(" word " + word))
                .mapToLong(Map.Entry::getValue).sum();
    }
}

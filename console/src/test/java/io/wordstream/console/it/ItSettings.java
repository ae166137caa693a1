package io.wordstream.console.it;

import io.wordstream.common.HostPort;
import io.wordstream.common.JobConfig;
import io.wordstream.console.launch.Ports;
import io.wordstream.console.settings.Settings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

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

    /** The sum over all windows of one word's latest counts. */
    static long total(Map<String, Long> counts, String word) {
        return counts.entrySet().stream().filter(e -> e.getKey().endsWith(" word " + word))
                .mapToLong(Map.Entry::getValue).sum();
    }
}

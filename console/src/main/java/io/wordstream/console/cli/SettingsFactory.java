package io.wordstream.console.cli;

import io.wordstream.common.HostPort;
import io.wordstream.common.JobConfig;
import io.wordstream.console.UserError;
import io.wordstream.console.settings.Settings;
import java.nio.file.Files;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns parsed options into the one {@link Settings} object the rest of the console takes. */
final class SettingsFactory {
    private SettingsFactory() {
    }

    /** Settings for commands that only talk to Kafka ('send', 'watch'). */
    static Settings forClient(KafkaOptions kafka) {
        return kafkaSettings(kafka).build();
    }

    static Settings forRun(KafkaOptions kafka, PipelineOptions pipeline, LaunchOptions launch) {
        if (launch.partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1");
        }
        if (launch.localCluster < 0 || launch.localCluster > 16) {
            throw new IllegalArgumentException("--local-cluster takes a number of workers from 1 to 16, got "
                    + launch.localCluster);
        }
        Optional<HostPort> socket = Optional.ofNullable(launch.socket).filter(s -> !s.isBlank())
                .map(s -> HostPort.parse(s, "--socket"));
        if (socket.isPresent() && launch.source != JobConfig.Source.SOCKET) {
            throw new IllegalArgumentException("--socket goes with --source socket");
        }
        return kafkaSettings(kafka)
                .inputPartitions(launch.partitions)
                .pipeline(pipeline.toSettings())
                .trigger(pipeline.trigger)
                .master(launch.master)
                .driverMemory(checkDriverMemory(launch.driverMemory.strip()))
                .sparkConf(launch.sparkConf)
                .source(launch.source)
                .socket(socket)
                .localCluster(launch.localCluster)
                .startTimeout(launch.startTimeout)
                .build();
    }

    private static Settings.Builder kafkaSettings(KafkaOptions kafka) {
        if (kafka.kafkaConfig != null && !Files.isRegularFile(kafka.kafkaConfig)) {
            throw new UserError("--kafka-config " + kafka.kafkaConfig + " is not a readable file");
        }
        if (kafka.topics == null || kafka.topics.stream().allMatch(String::isBlank)) {
            throw new IllegalArgumentException("--topics must name at least one topic");
        }
        return Settings.builder()
                .dataDir(kafka.dataDir)
                .bootstrapServers(kafka.bootstrapServer)
                .brokerPort(kafka.brokerPort)
                .kafkaConfig(Optional.ofNullable(kafka.kafkaConfig))
                .inputTopics(kafka.topics.stream().map(String::strip).filter(s -> !s.isEmpty()).toList())
                .resultsTopic(kafka.resultsTopic)
                .metricsTopic(kafka.metricsTopic);
    }

    private static final Pattern DRIVER_MEMORY = Pattern.compile("(\\d{1,9})([mMgG])");
    private static final long MIN_DRIVER_MEMORY_MB = 512;

    /**
     * The heap goes to the JVM as -Xmx and -Xms, which take a number and a unit. Spark's memory manager refuses a
     * heap under 450 MB, but only once the driver has started: the operator should hear it before anything starts.
     */
    private static String checkDriverMemory(String size) {
        Matcher m = DRIVER_MEMORY.matcher(size);
        if (!m.matches()) {
            throw new IllegalArgumentException("--driver-memory takes a size such as 512m or 2g, got '" + size + "'");
        }
        long mb = Long.parseLong(m.group(1)) * (m.group(2).equalsIgnoreCase("g") ? 1024 : 1);
        if (mb < MIN_DRIVER_MEMORY_MB) {
            throw new IllegalArgumentException("--driver-memory must be at least " + MIN_DRIVER_MEMORY_MB
                    + "m (Spark's driver needs 450 MB), got " + size);
        }
        return size;
    }
}

package io.wordstream.console.cli;

import io.wordstream.common.HostPort;
import io.wordstream.common.JobConfig;
import io.wordstream.console.errors.UserError;
import io.wordstream.console.settings.CheckpointLocation;
import io.wordstream.console.settings.RecordedKafka;
import io.wordstream.console.settings.Settings;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Turns parsed options into the one {@link Settings} object the rest of the console takes. */
final class SettingsFactory {
    private SettingsFactory() {
    }

    /** Settings of a command that only talks to Kafka, and where its Kafka's address came from. */
    record Client(Settings settings, String origin) {
        /** What to do when that Kafka does not answer: such a command starts no broker. */
        String wayOut() {
            return "start the pipeline on this data dir with 'wordstream run' or the console, or give"
                    + " --bootstrap-server HOST:PORT of a running Kafka";
        }
    }

    /**
     * Settings for commands that only talk to Kafka ('send', 'watch'). Without an address from the flags, the
     * settings files or the environment, they use the one the pipeline recorded in the data dir.
     */
    static Client forClient(KafkaOptions kafka, CommandLine.ParseResult parsed) {
        Settings.Builder b = kafkaSettings(kafka);
        if (parsed.hasMatchedOption("--bootstrap-server")) {
            return new Client(b.build(), "from --bootstrap-server");
        }
        if (parsed.hasMatchedOption("--broker-port")) {
            return new Client(b.build(), "from --broker-port");
        }
        if (kafka.bootstrapServer != null || kafka.brokerPort != Settings.DEFAULT_BROKER_PORT) {
            return new Client(b.build(), "from the settings files or the WORDSTREAM_ environment variables");
        }
        Optional<String> recorded = RecordedKafka.read(kafka.dataDir);
        if (recorded.isPresent()) {
            return new Client(b.bootstrapServers(recorded).build(), "recorded in " + kafka.dataDir
                    + " by the pipeline last started there");
        }
        return new Client(b.build(), "the default: no pipeline has recorded its Kafka in " + kafka.dataDir);
    }

    static Settings forRun(KafkaOptions kafka, PipelineOptions pipeline, LaunchOptions launch, ClusterOptions cluster) {
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
        if (launch.startTimeout.isZero() || launch.startTimeout.isNegative()) {
            throw new IllegalArgumentException("--start-timeout must be longer than zero (default: "
                    + Settings.DEFAULT_START_TIMEOUT_TEXT + ")");
        }
        // The operator's --conf wins over what --driver-host stands for.
        Map<String, String> sparkConf = new LinkedHashMap<>(cluster.sparkConf());
        sparkConf.putAll(launch.sparkConf);
        Settings settings = kafkaSettings(kafka)
                .inputPartitions(launch.partitions)
                .pipeline(pipeline.toSettings())
                .trigger(pipeline.trigger)
                .master(launch.master)
                .driverMemory(checkDriverMemory(launch.driverMemory.strip()))
                .sparkConf(sparkConf)
                .source(launch.source)
                .socket(socket)
                .localCluster(launch.localCluster)
                .startTimeout(launch.startTimeout)
                .resultsRetention(Optional.ofNullable(launch.resultsRetention))
                .build();
        boolean remoteExecutors = !settings.sparkOnLoopback();
        if (launch.source == JobConfig.Source.KAFKA && (cluster.checkpoint().isPresent() || remoteExecutors)) {
            String checkpoint = CheckpointLocation.resolve(cluster.checkpoint(), settings.dataDir(),
                    settings.sparkOnLoopback());
            return settings.toBuilder().checkpoint(Optional.of(checkpoint)).build();
        }
        return settings;
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
    private static final long MIN_DRIVER_MEMORY_MB = 288;

    /**
     * The heap goes to the JVM as -Xmx and -Xms, which take a number and a unit. Under 288m the job has not been
     * measured (its launch lowers Spark's own floor of 450 MiB, launch/JobMemory), and Spark would only say so once
     * the driver has started: the operator should hear it before anything starts.
     */
    private static String checkDriverMemory(String size) {
        Matcher m = DRIVER_MEMORY.matcher(size);
        if (!m.matches()) {
            throw new IllegalArgumentException("--driver-memory takes a size such as 512m or 2g, got '" + size + "'");
        }
        long mb = Long.parseLong(m.group(1)) * (m.group(2).equalsIgnoreCase("g") ? 1024 : 1);
        if (mb < MIN_DRIVER_MEMORY_MB) {
            throw new IllegalArgumentException("--driver-memory must be at least " + MIN_DRIVER_MEMORY_MB
                    + "m (the smallest heap the Spark job is measured with), got " + size);
        }
        return size;
    }
}

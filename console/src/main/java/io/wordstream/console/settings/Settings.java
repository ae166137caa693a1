package io.wordstream.console.settings;

import io.wordstream.common.HostPort;
import io.wordstream.common.JobConfig;
import io.wordstream.common.PipelineSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of one console run, typed and validated, built once from defaults, config files, environment and
 * flags (in that order of precedence), then passed down to whatever needs it.
 *
 * @param dataDir          where all state lives: broker data, the Spark checkpoint, logs
 * @param bootstrapServers an external Kafka to use; empty to start the embedded broker
 * @param brokerPort       the embedded broker's port on 127.0.0.1
 * @param kafkaConfig      a Kafka client properties file for every Kafka client (console and job)
 * @param inputTopics      topics the sentences go to and the job reads
 * @param resultsTopic     topic the job writes counts to
 * @param metricsTopic     topic the job writes its progress to
 * @param inputPartitions  partitions of input topics the console creates
 * @param pipeline         what the job counts and over which windows
 * @param trigger          micro-batch interval; zero for as fast as possible
 * @param master           Spark master URL ({@code local[2]}, {@code spark://...}, {@code yarn}, {@code k8s://...})
 * @param driverMemory     the Spark driver's heap
 * @param sparkConf        extra Spark settings, which win over wordstream's own
 * @param source           where the job reads sentences
 * @param socket           the TCP server of the socket source; empty for one the console serves itself
 * @param localCluster     workers of a Spark standalone cluster the console starts on 127.0.0.1; 0 for none
 */
public record Settings(Path dataDir, Optional<String> bootstrapServers, int brokerPort, Optional<Path> kafkaConfig,
                       List<String> inputTopics, String resultsTopic, String metricsTopic, int inputPartitions,
                       PipelineSettings pipeline, Duration trigger, String master, String driverMemory,
                       Map<String, String> sparkConf, JobConfig.Source source, Optional<HostPort> socket,
                       int localCluster) {

    /** Settings with the Kafka source and no local cluster: the embedded default's shape. */
    public Settings(Path dataDir, Optional<String> bootstrapServers, int brokerPort, Optional<Path> kafkaConfig,
                    List<String> inputTopics, String resultsTopic, String metricsTopic, int inputPartitions,
                    PipelineSettings pipeline, Duration trigger, String master, String driverMemory,
                    Map<String, String> sparkConf) {
        this(dataDir, bootstrapServers, brokerPort, kafkaConfig, inputTopics, resultsTopic, metricsTopic,
                inputPartitions, pipeline, trigger, master, driverMemory, sparkConf, JobConfig.Source.KAFKA,
                Optional.empty(), 0);
    }

    public static final String LOOPBACK = "127.0.0.1";

    /**
     * The driver heap when nothing names one. 512 MB, not 1 GB: the job's live heap stays under 150 MB, and a larger
     * heap only lets G1 keep more garbage resident (a 30-window soak's driver grew toward 1.1 GB under 1g).
     */
    public static final String DEFAULT_DRIVER_MEMORY = "512m";

    public Settings {
        inputTopics = List.copyOf(inputTopics);
        sparkConf = Map.copyOf(sparkConf);
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** True when the console must start and own the Kafka broker. */
    public boolean embeddedBroker() {
        return bootstrapServers.isEmpty();
    }

    public String bootstrap() {
        return bootstrapServers.orElse(LOOPBACK + ":" + brokerPort);
    }

    public boolean localSpark() {
        return master.startsWith("local");
    }

    /** True when every Spark process runs on this machine, so all of them can listen on loopback only. */
    public boolean sparkOnLoopback() {
        return localSpark() || localCluster > 0 || master.matches("spark://(127(\\.\\d+){3}|localhost):\\d+");
    }

    /** The same settings with the master the console decided on at run time (a local cluster's URL). */
    public Settings withMaster(String url) {
        return new Settings(dataDir, bootstrapServers, brokerPort, kafkaConfig, inputTopics, resultsTopic,
                metricsTopic, inputPartitions, pipeline, trigger, url, driverMemory, sparkConf, source, socket,
                localCluster);
    }

    /** The same settings with the socket the console serves itself. */
    public Settings withSocket(HostPort server) {
        return new Settings(dataDir, bootstrapServers, brokerPort, kafkaConfig, inputTopics, resultsTopic,
                metricsTopic, inputPartitions, pipeline, trigger, master, driverMemory, sparkConf, source,
                Optional.of(server), localCluster);
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path brokerDir() {
        return dataDir.resolve("kafka");
    }

    /**
     * Where Spark keeps offsets and state. The socket source cannot replay what it read, so its checkpoint is
     * scratch space of one run, apart from the Kafka pipeline's.
     */
    public Path checkpointDir() {
        return source == JobConfig.Source.SOCKET ? runDir().resolve("socket-checkpoint") : dataDir.resolve("checkpoint");
    }

    public Path runDir() {
        return dataDir.resolve("run");
    }

    /** The job's arguments for this run. */
    public JobConfig jobConfig(Path stopFile, long watchPid) {
        return new JobConfig(bootstrap(), inputTopics, resultsTopic, metricsTopic, checkpointDir().toString(), trigger,
                stopFile.toString(), watchPid, kafkaConfig.map(Path::toString).orElse(""), source,
                socket.map(HostPort::toString).orElse(""), pipeline);
    }

    /** The per-user default data directory: {@code $XDG_DATA_HOME/wordstream}, else ~/.local/share/wordstream. */
    public static Path defaultDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("wordstream");
    }
}

package io.wordstream.console.settings;

import io.wordstream.common.Durations;
import io.wordstream.common.HostPort;
import io.wordstream.common.JobConfig;
import io.wordstream.common.PipelineSettings;
import io.wordstream.console.security.ClusterSecurity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of one console run, typed and validated, built once from defaults, config files, environment and
 * flags (in that order of precedence), then passed down to whatever needs it. Built only through {@link Builder},
 * whose fields hold each default once, so a new setting cannot shift the others.
 *
 * <p>Over 300 lines only because every setting has a field, an accessor and a builder method; nothing else lives here.
 */
public final class Settings {
    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_BROKER_PORT = 9092;
    public static final String DEFAULT_MASTER = "local[2]";
    /**
     * The job's live heap stays under 150 MB, and a larger heap only lets G1 keep more garbage while the whole heap
     * stays resident; under Spark's own floor of 450 MiB with the launch's smaller margin (launch/JobMemory;
     * docs/benchmarks.md).
     */
    public static final String DEFAULT_DRIVER_MEMORY = "288m";
    public static final int DEFAULT_PARTITIONS = 2;
    public static final String DEFAULT_START_TIMEOUT_TEXT = "180s";
    public static final Duration DEFAULT_START_TIMEOUT = Durations.parse(DEFAULT_START_TIMEOUT_TEXT);

    private final Path dataDir;
    private final Optional<String> bootstrapServers;
    private final int brokerPort;
    private final Optional<Path> kafkaConfig;
    private final List<String> inputTopics;
    private final String resultsTopic;
    private final String metricsTopic;
    private final int inputPartitions;
    private final PipelineSettings pipeline;
    private final Duration trigger;
    private final String master;
    private final String driverMemory;
    private final Map<String, String> sparkConf;
    private final JobConfig.Source source;
    private final Optional<HostPort> socket;
    private final int localCluster;
    private final Duration startTimeout;
    private final Optional<String> checkpoint;
    private final Optional<Duration> resultsRetention;
    private final ClusterSecurity security;

    private Settings(Builder b) {
        this.dataDir = b.dataDir.toAbsolutePath().normalize();
        this.bootstrapServers = b.bootstrapServers.map(String::strip).filter(s -> !s.isEmpty());
        this.brokerPort = b.brokerPort;
        this.kafkaConfig = b.kafkaConfig;
        this.inputTopics = List.copyOf(b.inputTopics);
        this.resultsTopic = b.resultsTopic;
        this.metricsTopic = b.metricsTopic;
        this.inputPartitions = b.inputPartitions;
        this.pipeline = b.pipeline;
        this.trigger = b.trigger;
        this.master = b.master;
        this.driverMemory = b.driverMemory;
        this.sparkConf = Map.copyOf(b.sparkConf);
        this.source = b.source;
        this.socket = b.socket;
        this.localCluster = b.localCluster;
        this.startTimeout = b.startTimeout;
        this.checkpoint = b.checkpoint;
        this.resultsRetention = b.resultsRetention;
        this.security = b.security;
    }

    /** Settings with every default: the embedded broker on 127.0.0.1:9092, Spark in local mode. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder().dataDir(dataDir).bootstrapServers(bootstrapServers).brokerPort(brokerPort)
                .kafkaConfig(kafkaConfig).inputTopics(inputTopics).resultsTopic(resultsTopic)
                .metricsTopic(metricsTopic).inputPartitions(inputPartitions).pipeline(pipeline).trigger(trigger)
                .master(master).driverMemory(driverMemory).sparkConf(sparkConf).source(source).socket(socket)
                .localCluster(localCluster).startTimeout(startTimeout).checkpoint(checkpoint)
                .resultsRetention(resultsRetention).security(security);
    }

    /** Where all state lives: broker data, the Spark checkpoint, logs. */
    public Path dataDir() {
        return dataDir;
    }

    /** An external Kafka to use; empty to start the embedded broker. */
    public Optional<String> bootstrapServers() {
        return bootstrapServers;
    }

    /** The embedded broker's port on 127.0.0.1. */
    public int brokerPort() {
        return brokerPort;
    }

    /** A Kafka client properties file for every Kafka client (console and job). */
    public Optional<Path> kafkaConfig() {
        return kafkaConfig;
    }

    /** Topics the sentences go to and the job reads. */
    public List<String> inputTopics() {
        return inputTopics;
    }

    public String resultsTopic() {
        return resultsTopic;
    }

    public String metricsTopic() {
        return metricsTopic;
    }

    /** Partitions of the input topics the console creates. */
    public int inputPartitions() {
        return inputPartitions;
    }

    /** What the job counts and over which windows. */
    public PipelineSettings pipeline() {
        return pipeline;
    }

    /** Micro-batch interval; zero for as fast as possible. */
    public Duration trigger() {
        return trigger;
    }

    /** Spark master URL ({@code local[2]}, {@code spark://...}). */
    public String master() {
        return master;
    }

    /** The Spark driver's heap. */
    public String driverMemory() {
        return driverMemory;
    }

    /** Extra Spark settings, which win over wordstream's own. */
    public Map<String, String> sparkConf() {
        return sparkConf;
    }

    /** Where the job reads sentences. */
    public JobConfig.Source source() {
        return source;
    }

    /** The TCP server of the socket source; empty for one the console serves itself. */
    public Optional<HostPort> socket() {
        return socket;
    }

    /** Workers of a Spark standalone cluster the console starts on 127.0.0.1; 0 for none. */
    public int localCluster() {
        return localCluster;
    }

    /** How long the job may take to complete its first micro-batch. */
    public Duration startTimeout() {
        return startTimeout;
    }

    /** How long the results topic keeps rows; empty for what the console's history needs (see ResultsHistory). */
    public Optional<Duration> resultsRetention() {
        return resultsRetention;
    }

    /** How this run's links are secured: the Kafka, Spark and HTTPS settings every part asks of it. */
    public ClusterSecurity security() {
        return security;
    }

    /** Where the Kafka pipeline's checkpoint is when not under the data dir: a shared path or an hdfs:// URI. */
    public Optional<String> checkpoint() {
        return checkpoint;
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
        return toBuilder().master(url).build();
    }

    /** The same settings with the socket the console serves itself. */
    public Settings withSocket(HostPort server) {
        return toBuilder().socket(Optional.of(server)).build();
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
        if (source == JobConfig.Source.SOCKET) {
            return runDir().resolve("socket-checkpoint");
        }
        return checkpoint.filter(c -> !c.contains("://")).map(Path::of).orElse(dataDir.resolve("checkpoint"));
    }

    /** The checkpoint as the job gets it: a local path, or the URI of a shared file system. */
    private String checkpointForJob() {
        return source == JobConfig.Source.KAFKA && checkpoint.isPresent() ? checkpoint.get()
                : checkpointDir().toString();
    }

    public Path runDir() {
        return dataDir.resolve("run");
    }

    /** The job's arguments for this run. */
    public JobConfig jobConfig(Path stopFile, long watchPid) {
        return new JobConfig(bootstrap(), inputTopics, resultsTopic, metricsTopic, checkpointForJob(), trigger,
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

    /** Builds {@link Settings}; each field starts at its default, so callers set only what differs. */
    public static final class Builder {
        private Path dataDir = defaultDataDir();
        private Optional<String> bootstrapServers = Optional.empty();
        private int brokerPort = DEFAULT_BROKER_PORT;
        private Optional<Path> kafkaConfig = Optional.empty();
        private List<String> inputTopics = List.of(JobConfig.DEFAULT_INPUT_TOPIC);
        private String resultsTopic = JobConfig.DEFAULT_RESULTS_TOPIC;
        private String metricsTopic = JobConfig.DEFAULT_METRICS_TOPIC;
        private int inputPartitions = DEFAULT_PARTITIONS;
        private PipelineSettings pipeline = PipelineSettings.defaults();
        private Duration trigger = Duration.ZERO;
        private String master = DEFAULT_MASTER;
        private String driverMemory = DEFAULT_DRIVER_MEMORY;
        private Map<String, String> sparkConf = Map.of();
        private JobConfig.Source source = JobConfig.Source.KAFKA;
        private Optional<HostPort> socket = Optional.empty();
        private int localCluster;
        private Duration startTimeout = DEFAULT_START_TIMEOUT;
        private Optional<String> checkpoint = Optional.empty();
        private Optional<Duration> resultsRetention = Optional.empty();
        private ClusterSecurity security = ClusterSecurity.loopback();

        private Builder() {
        }

        public Builder dataDir(Path value) {
            this.dataDir = value;
            return this;
        }

        public Builder bootstrapServers(Optional<String> value) {
            this.bootstrapServers = value;
            return this;
        }

        public Builder bootstrapServers(String value) {
            return bootstrapServers(Optional.ofNullable(value));
        }

        public Builder brokerPort(int value) {
            this.brokerPort = value;
            return this;
        }

        public Builder kafkaConfig(Optional<Path> value) {
            this.kafkaConfig = value;
            return this;
        }

        public Builder inputTopics(List<String> value) {
            this.inputTopics = value;
            return this;
        }

        public Builder resultsTopic(String value) {
            this.resultsTopic = value;
            return this;
        }

        public Builder metricsTopic(String value) {
            this.metricsTopic = value;
            return this;
        }

        public Builder inputPartitions(int value) {
            this.inputPartitions = value;
            return this;
        }

        public Builder pipeline(PipelineSettings value) {
            this.pipeline = value;
            return this;
        }

        public Builder trigger(Duration value) {
            this.trigger = value;
            return this;
        }

        public Builder master(String value) {
            this.master = value;
            return this;
        }

        public Builder driverMemory(String value) {
            this.driverMemory = value;
            return this;
        }

        public Builder sparkConf(Map<String, String> value) {
            this.sparkConf = value;
            return this;
        }

        public Builder source(JobConfig.Source value) {
            this.source = value;
            return this;
        }

        public Builder socket(Optional<HostPort> value) {
            this.socket = value;
            return this;
        }

        public Builder localCluster(int value) {
            this.localCluster = value;
            return this;
        }

        public Builder startTimeout(Duration value) {
            this.startTimeout = value;
            return this;
        }

        public Builder resultsRetention(Optional<Duration> value) {
            this.resultsRetention = value;
            return this;
        }

        public Builder security(ClusterSecurity value) {
            this.security = value;
            return this;
        }

        public Builder checkpoint(Optional<String> value) {
            this.checkpoint = value;
            return this;
        }

        public Settings build() {
            return new Settings(this);
        }
    }
}

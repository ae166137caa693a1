package io.wordstream.console.cli;

import io.wordstream.common.JobConfig;
import io.wordstream.console.settings.Settings;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Where Kafka is, the topics, and where this console keeps its state: shared by every command. */
public final class KafkaOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where all state lives: broker data, the Spark checkpoint, logs (default: ${DEFAULT-VALUE}).")
    Path dataDir = Settings.defaultDataDir();

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "Use this Kafka cluster; without it, 'run' starts an embedded broker on 127.0.0.1.")
    String bootstrapServer;

    @Option(names = "--broker-port", paramLabel = "PORT", defaultValue = "" + Settings.DEFAULT_BROKER_PORT,
            description = "Port of the embedded broker on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int brokerPort;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties (security settings, for instance) for every Kafka client, the"
                    + " job's included. Secrets stay in the file, never on a command line.")
    Path kafkaConfig;

    @Option(names = "--topics", paramLabel = "TOPIC[,TOPIC...]", split = ",",
            description = "Input topics; 'send' writes to the first (default: " + JobConfig.DEFAULT_INPUT_TOPIC + ").")
    List<String> topics = List.of(JobConfig.DEFAULT_INPUT_TOPIC);

    @Option(names = "--results-topic", paramLabel = "TOPIC", defaultValue = JobConfig.DEFAULT_RESULTS_TOPIC,
            description = "Topic of the counts (default: ${DEFAULT-VALUE}).")
    String resultsTopic;

    @Option(names = "--metrics-topic", paramLabel = "TOPIC", defaultValue = JobConfig.DEFAULT_METRICS_TOPIC,
            description = "Topic of the job's progress (default: ${DEFAULT-VALUE}).")
    String metricsTopic;
}

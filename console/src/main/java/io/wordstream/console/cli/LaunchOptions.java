package io.wordstream.console.cli;

import io.wordstream.common.JobConfig;
import io.wordstream.console.settings.Settings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** How the Spark job is launched. */
public final class LaunchOptions {
    @Option(names = "--master", paramLabel = "URL", defaultValue = Settings.DEFAULT_MASTER,
            description = "Spark master: local[N] or spark://HOST:PORT (default: ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--driver-memory", paramLabel = "SIZE", defaultValue = Settings.DEFAULT_DRIVER_MEMORY,
            description = "Heap of the Spark driver, taken whole at start; at least 288m (default: ${DEFAULT-VALUE}).")
    String driverMemory;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "A Spark setting for the job, as spark-submit's --conf; may be repeated.")
    Map<String, String> sparkConf = new LinkedHashMap<>();

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + Settings.DEFAULT_PARTITIONS,
            description = "Partitions of the input topics the console creates (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--start-timeout", paramLabel = "DURATION", defaultValue = Settings.DEFAULT_START_TIMEOUT_TEXT,
            description = "How long to wait for the job's first micro-batch (default: ${DEFAULT-VALUE}).")
    Duration startTimeout;

    @Option(names = "--results-retention", paramLabel = "DURATION",
            description = "How long the results topic keeps counts (cleanup.policy=compact,delete); an existing topic"
                    + " is updated (default: the console's 360 windows, plus the window and the watermark).")
    Duration resultsRetention;

    @Option(names = "--local-cluster", paramLabel = "N", defaultValue = "0",
            description = "Start a Spark standalone master and N workers on 127.0.0.1 and run the job there"
                    + " (default: 0, Spark in local mode).")
    int localCluster;

    @Option(names = "--source", paramLabel = "SOURCE", defaultValue = "kafka", converter = TypedOptions.Source.class,
            completionCandidates = TypedOptions.SourceNames.class,
            description = "One of ${COMPLETION-CANDIDATES}. kafka: read the input topics (event time); socket: read"
                    + " lines from a TCP server, as the original read 'nc -lk 9999' (processing time)"
                    + " (default: kafka).")
    JobConfig.Source source;

    @Option(names = "--socket", paramLabel = "HOST:PORT",
            description = "The TCP server of the socket source; without it the console serves 127.0.0.1 itself and"
                    + " sends each line typed on its standard input.")
    String socket;

    @Option(names = "--reset",
            description = "Delete the job's checkpoint and the results topic first (after asking), so every retained"
                    + " input sentence is counted again under the current settings.")
    boolean reset;
}

package io.wordstream.console.launch;

import io.wordstream.console.settings.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The settings that decide how soon a job on a cluster of several hosts counts again after a host is lost, each set
 * once here with Spark's or Kafka's own default and the reason; docs/failover.md ("Losing a host") has what each one
 * measurably changes. The Spark ones apply only where every Spark process does not run on this machine: the job's
 * under the operator's {@code --conf}; the standalone daemons' ahead of the operator's own {@code SPARK_MASTER_OPTS}
 * and {@code SPARK_WORKER_OPTS}, which therefore win. The broker role's is its {@code --session-timeout}.
 */
public final class HostLossTimeouts {
    /**
     * One setting.
     *
     * @param key          the Spark setting
     * @param ours         wordstream's value
     * @param sparkDefault Spark's own default, which the benchmark gives back to measure the difference
     */
    public record Setting(String key, String ours, String sparkDefault) {
    }

    /** The job's: its driver's and executors'. */
    public static final List<Setting> JOB = List.of(
            // A state or Kafka partition whose executor is gone waited 3 s at each locality level (6-7 s measured
            // after a host loss) before it ran anywhere. With no wait, a task still goes to its preferred executor
            // whenever that one has a free core when the stage is offered.
            new Setting("spark.locality.wait", "0s", "3s"),
            // A host that goes silent (power lost, cable cut) closes no connection: the driver removes its executors
            // only when their heartbeats stop for this long, checked this often, and they beat this often.
            new Setting("spark.storage.blockManagerHeartbeatTimeoutMs", "15000", "120000"),
            new Setting("spark.network.timeoutInterval", "3s", "60s"),
            new Setting("spark.executor.heartbeatInterval", "3s", "10s"));

    /**
     * The standalone master's and workers' (both need it: a worker beats every quarter of it, and the master gives a
     * worker up after it): a silent host's worker is given up, and its executors with it, after this many seconds.
     */
    public static final List<Setting> DAEMONS = List.of(new Setting("spark.worker.timeout", "15", "60"));

    /**
     * The broker role's {@code --session-timeout}: a node of a cluster over several hosts that dies is fenced, and its
     * partitions get new leaders, this long after its last heartbeat. Kafka's 9 s was most of what losing a host cost
     * (kill to next row 10-13 s); every client waits for it.
     */
    public static final String BROKER_SESSION_TIMEOUT = "6s";
    /** Kafka's own {@code broker.session.timeout.ms}, which the benchmark gives back. */
    public static final String KAFKA_BROKER_SESSION_TIMEOUT = "9s";

    private HostLossTimeouts() {
    }

    /** The job's settings for {@code settings}: none when every Spark process runs on this machine. */
    public static Map<String, String> jobConf(Settings settings) {
        return settings.sparkOnLoopback() ? Map.of() : values(JOB);
    }

    /** A master's or worker's JVM options ({@code -Dkey=value ...}) for one bound to {@code host}; none on loopback. */
    public static String daemonOptions(String host) {
        return host.startsWith("127.") || host.equals("localhost") ? "" : javaOptions(values(DAEMONS));
    }

    /** {@code settings} as JVM system properties. */
    public static String javaOptions(Map<String, String> settings) {
        return settings.entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    /** {@code settings} as a map of wordstream's values. */
    public static Map<String, String> values(List<Setting> settings) {
        Map<String, String> m = new LinkedHashMap<>();
        settings.forEach(s -> m.put(s.key(), s.ours()));
        return m;
    }

    /** {@code settings} as a map of Spark's defaults. */
    public static Map<String, String> sparkDefaults(List<Setting> settings) {
        Map<String, String> m = new LinkedHashMap<>();
        settings.forEach(s -> m.put(s.key(), s.sparkDefault()));
        return m;
    }
}

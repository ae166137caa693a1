package io.wordstream.console.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A certs dir as Spark settings: the cluster secret for {@code spark.authenticate}, AES on every RPC channel, and
 * the UI's kill links off. They go to each JVM in an owner-only properties file, never on a command line: Spark's
 * standalone daemons and applications want the secret in their configuration (SecurityManager.initializeAuth), and
 * a worker hands it to its executors in their environment, which only their owner can read.
 */
public final class SparkSecurity {
    /**
     * Spark's default redaction, plus Kafka's inline PEM settings: the job's Kafka options hold its client key, and
     * Spark masks matching settings and options in its UI, its logs and its plans.
     */
    public static final String REDACTION = "(?i)secret|password|token|access[.]?key"
            + "|ssl[.](keystore[.]key|keystore[.]certificate[.]chain|truststore[.]certificates)";

    private SparkSecurity() {
    }

    /**
     * The application's settings: the shared ones, and its shuffle and spill files encrypted on the executors' disks,
     * which cost nothing measurable here (docs/security.md).
     */
    static Map<String, String> application(ClusterCredentials credentials) {
        Map<String, String> conf = common(credentials);
        conf.put("spark.io.encryption.enabled", "true");
        return conf;
    }

    /** Settings every Spark JVM of the cluster shares: master, workers, the application and its executors. */
    static Map<String, String> common(ClusterCredentials credentials) {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.authenticate", "true");
        credentials.sparkSecret().ifPresent(secret -> conf.put("spark.authenticate.secret", secret));
        conf.put("spark.network.crypto.enabled", "true");
        // Anyone who can open a UI could otherwise stop applications and stages from it.
        conf.put("spark.ui.killEnabled", "false");
        conf.put("spark.redaction.regex", REDACTION);
        return conf;
    }
}

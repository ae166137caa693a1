package io.wordstream.console.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one command's links are secured, decided once by {@link SecureMode} and handed down in its settings: the
 * only thing {@code roles}, {@code launch}, {@code kafka} and {@code gateway} ask for Kafka, Spark and HTTPS
 * settings. Without a certs dir it adds nothing, and every link is as plain as before.
 */
public final class ClusterSecurity {
    private static final ClusterSecurity LOOPBACK = new ClusterSecurity(Mode.LOOPBACK, Optional.empty());
    private static final ClusterSecurity INSECURE = new ClusterSecurity(Mode.INSECURE, Optional.empty());

    /** How a command's links are secured. */
    public enum Mode {
        /** Everything on loopback, no certs dir: the embedded default. */
        LOOPBACK,
        /** Off loopback in the clear, because the operator said {@code --insecure}. */
        INSECURE,
        /** TLS with client certificates for Kafka, authentication and encryption for Spark. */
        CERTS
    }

    private final Mode mode;
    private final Optional<ClusterCredentials> credentials;
    /** Built once: every Kafka client of the command adds them. */
    private final Map<String, String> kafkaClient;

    private ClusterSecurity(Mode mode, Optional<ClusterCredentials> credentials) {
        this.mode = mode;
        this.credentials = credentials;
        this.kafkaClient = credentials.filter(ClusterCredentials::hasClient)
                .map(c -> Map.copyOf(KafkaTls.client(c, c.client()))).orElse(Map.of());
    }

    /** No certs dir, every link on loopback. */
    public static ClusterSecurity loopback() {
        return LOOPBACK;
    }

    static ClusterSecurity insecure() {
        return INSECURE;
    }

    static ClusterSecurity certs(ClusterCredentials credentials) {
        return new ClusterSecurity(Mode.CERTS, Optional.of(credentials));
    }

    public Mode mode() {
        return mode;
    }

    /** True when the links are secured with a certs dir. */
    public boolean secured() {
        return mode == Mode.CERTS;
    }

    public Optional<ClusterCredentials> credentials() {
        return credentials;
    }

    /** Settings every Kafka client of this command adds to its own: TLS with its client certificate, or none. */
    public Map<String, String> kafkaClient() {
        return kafkaClient;
    }

    /** The embedded broker's TLS arguments (file paths only); none without a node certificate. */
    public List<String> brokerArguments() {
        return credentials.flatMap(c -> c.node().map(n -> KafkaTls.brokerArguments(c, n))).orElse(List.of());
    }

    /** Spark settings of the application, the secret among them: they belong in an owner-only file. */
    public Map<String, String> sparkConf() {
        return credentials.map(SparkSecurity::application).orElse(Map.of());
    }

    /** One line for the console's header and the ready line: what protects this session's links. */
    public String summary() {
        return switch (mode) {
            case CERTS -> credentials.map(c -> c.hasSparkSecret() ? "secured: TLS with client certificates, Spark"
                    + " authentication" : "secured: TLS with client certificates").orElse("secured");
            case INSECURE -> "NOT secured (--insecure)";
            case LOOPBACK -> "loopback only, not secured";
        };
    }

    /** The console header's word on it: secured and how, or NOT secured; nothing on loopback. */
    public String badge() {
        return switch (mode) {
            case CERTS -> credentials.map(c -> c.hasSparkSecret() ? "secured: TLS+certificates, Spark auth"
                    : "secured: TLS+certificates").orElse("secured");
            case INSECURE -> "NOT secured (--insecure)";
            case LOOPBACK -> "";
        };
    }

    @Override
    public String toString() {
        return "ClusterSecurity[" + mode + credentials.map(c -> " " + c.dir()).orElse("") + "]";
    }
}

package io.wordstream.console.kafka;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Whether an external Kafka, which nothing here can restart, still answers: each {@link #check} says when that
 * changed since the last one, so the operator hears of an outage and of its end once each.
 */
public final class KafkaHealth implements AutoCloseable {
    /** A check gives up after this long: a live broker answers in milliseconds. */
    private static final Duration CHECK_TIMEOUT = Duration.ofMillis(1500);

    private final Properties clientProperties;
    private final String bootstrap;
    private TopicAdmin admin;
    private boolean up = true;

    public KafkaHealth(Properties clientProperties) {
        this.clientProperties = clientProperties;
        this.bootstrap = clientProperties.getProperty("bootstrap.servers");
    }

    /** Kafka started or stopped answering; {@code message} says so for the operator. */
    public record Change(boolean answers, String message) {
    }

    /** Asks Kafka once; returns the change since the last call, if any. */
    public synchronized Optional<Change> check() {
        if (admin == null) {
            admin = new TopicAdmin(clientProperties);
        }
        boolean now = admin.reachable(CHECK_TIMEOUT);
        if (now == up) {
            return Optional.empty();
        }
        up = now;
        return Optional.of(new Change(now, now ? "Kafka at " + bootstrap + " answers again"
                : "Kafka at " + bootstrap + " does not answer: what is sent meanwhile waits and is retried,"
                        + " and the job waits for it"));
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}

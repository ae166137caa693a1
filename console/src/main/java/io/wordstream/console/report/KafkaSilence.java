package io.wordstream.console.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Raises an alert when Kafka has not answered for longer than a limit ({@code --alert-kafka-down}), once per
 * outage, and another when it answers again after such an alert. Fed by whatever checks Kafka's health.
 */
public final class KafkaSilence {
    private final Duration limit;
    private final Alerts alerts;
    private final Clock clock;
    private Instant silentSince;
    private boolean alerted;
    private String bootstrap;

    public KafkaSilence(Duration limit, Alerts alerts, Clock clock) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("--alert-kafka-down must be longer than zero");
        }
        this.limit = limit;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** A health check got no answer from {@code bootstrap}, or the supervisor says Kafka stopped answering. */
    public synchronized void unanswered(String bootstrap) {
        if (silentSince == null) {
            silentSince = clock.instant();
            this.bootstrap = bootstrap;
        }
        check();
    }

    /** Raises the alert if Kafka has been silent for longer than the limit: call it now and then during silence. */
    public synchronized void check() {
        if (silentSince == null) {
            return;
        }
        Duration silent = Duration.between(silentSince, clock.instant());
        if (!alerted && silent.compareTo(limit) > 0) {
            alerted = true;
            alerts.raise("kafka", "Kafka at " + bootstrap + " has not answered for " + silent.toSeconds() + " s",
                    "Kafka at " + bootstrap + " has not answered since " + silentSince + ". Sentences sent meanwhile"
                            + " wait in the producers; counts resume when it answers.");
        }
    }

    /** A health check got an answer. */
    public synchronized void answered(String bootstrap) {
        if (alerted) {
            alerts.raise("kafka-back", "Kafka at " + bootstrap + " answers again", "Kafka at " + bootstrap
                    + " answers again, after no answer from " + silentSince + " to " + clock.instant() + ".");
        }
        silentSince = null;
        alerted = false;
    }
}

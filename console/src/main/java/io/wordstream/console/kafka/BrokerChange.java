package io.wordstream.console.kafka;

import java.time.Duration;
import java.util.Locale;

/** What changed in a Kafka cluster's brokers, as {@link BrokerWatch} observes it, with the line that says so. */
public sealed interface BrokerChange {
    /** A broker of the cluster, by its node id and the address it advertises. */
    record Broker(int id, String address) {
        @Override
        public String toString() {
            return "broker " + id + " (" + address + ")";
        }
    }

    /** The operator's line. */
    String message();

    /**
     * A broker stopped answering, {@code down} ago (its first missed check); partitions it led have no leader until
     * Kafka elects another.
     */
    record Lost(Broker broker, Duration down) implements BrokerChange {
        @Override
        public String message() {
            return "Kafka " + broker + " does not answer: counting waits until Kafka has elected new leaders for"
                    + " its partitions (Kafka notices a dead broker within its session timeout, 9 s by default)";
        }
    }

    /** A broker is still down; {@code countingWaits} while no batch has completed since the loss. */
    record StillDown(Broker broker, Duration down, boolean countingWaits) implements BrokerChange {
        @Override
        public String message() {
            return "Kafka " + broker + " has not answered for " + seconds(down)
                    + (countingWaits ? ": counting still waits for a new leader" : "; counting goes on without it");
        }
    }

    /** A lost broker answers again. */
    record Back(Broker broker, Duration downFor) implements BrokerChange {
        @Override
        public String message() {
            return "Kafka " + broker + " answers again after " + seconds(downFor);
        }
    }

    /** The job completed a batch it started after the loss: counting goes on. */
    record CountingResumed(Broker lost, Duration afterLoss) implements BrokerChange {
        @Override
        public String message() {
            return "counting resumed " + seconds(afterLoss) + " after Kafka " + lost + " was lost";
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}

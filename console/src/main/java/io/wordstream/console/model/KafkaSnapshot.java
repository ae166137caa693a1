package io.wordstream.console.model;

import java.util.List;

/**
 * One reading of the Kafka cluster by the admin client: its brokers, the input topics' partitions with their end
 * offsets, and how many records the results topic holds; or, when Kafka did not answer, why.
 *
 * @param brokers        the brokers the cluster lists now
 * @param controller     the id of the active controller, or -1 when unknown
 * @param partitions     the input topics' partitions
 * @param resultsRecords the records the results topic holds (end minus start offsets), or -1 when unknown
 * @param error          empty when Kafka answered; else the reason, in one line
 */
public record KafkaSnapshot(List<Node> brokers, int controller, List<Partition> partitions, long resultsRecords,
                            String error) {
    /** A broker as the cluster lists it. */
    public record Node(int id, String address) {
    }

    /**
     * One partition of an input topic.
     *
     * @param leader the leader's broker id, or -1 for none
     * @param isr    the ids of the in-sync replicas
     * @param end    the end offset: every record it ever received
     */
    public record Partition(String topic, int partition, int leader, List<Integer> isr, long end) {
    }

    public static KafkaSnapshot unanswered(String reason) {
        return new KafkaSnapshot(List.of(), -1, List.of(), -1, reason);
    }

    public boolean answered() {
        return error.isEmpty();
    }
}

package io.wordstream.bench.failover;

/**
 * What a failover drill counts on and takes parts of away: a Kafka cluster whose parts are numbered from 1 (a Kafka
 * node, or a whole host with its broker and its Spark worker), each lost at once and brought back on demand.
 */
public interface DrillCluster extends AutoCloseable {
    /** Every broker's client address, comma-separated, for {@code --bootstrap-server}. */
    String bootstrap();

    /** The cluster's brokers, as a drill asks them about topics. */
    KafkaTopics topics();

    /** Part {@code id} in words, for messages: "node 2", "host 2 (10.210.4.3)". */
    default String name(int id) {
        return "node " + id;
    }

    /** Loses part {@code id} at once, by SIGKILL, as when its host dies; returns once it is gone. */
    void kill(int id);

    /** Starts part {@code id} again; it rejoins the cluster a few seconds later. */
    void start(int id);

    /** Stops everything the cluster started. */
    @Override
    void close();
}

package io.wordstream.console.kafka;

import io.wordstream.console.settings.Settings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The topics a pipeline needs, with their partitions, replication and settings: decided here once, created by
 * {@link TopicAdmin#ensureTopics}.
 */
public final class TopicPlan {
    /** Replicas kept of each partition when the cluster has that many brokers. */
    static final int MAX_REPLICATION = 3;
    /** With three replicas, a write needs two: one broker may be lost without losing an acknowledged record. */
    static final int MIN_IN_SYNC = 2;
    /** Metrics are live values: an hour is plenty. */
    static final Duration METRICS_RETENTION = Duration.ofHours(1);

    private TopicPlan() {
    }

    /** One topic to create: its partitions, replication factor and topic settings. */
    public record Topic(String name, int partitions, short replication, Map<String, String> configs) {
    }

    /** The input, results and metrics topics of {@code settings} on a cluster of {@code brokers} brokers. */
    public static Map<String, Topic> of(Settings settings, int brokers) {
        short replication = (short) Math.max(1, Math.min(MAX_REPLICATION, brokers));
        Map<String, String> durability = replication >= MAX_REPLICATION
                ? Map.of("min.insync.replicas", Integer.toString(MIN_IN_SYNC)) : Map.of();
        Map<String, Topic> topics = new LinkedHashMap<>();
        for (String input : settings.inputTopics()) {
            topics.put(input, new Topic(input, settings.inputPartitions(), replication, durability));
        }
        // Keyed by (window, dimension, key): compaction keeps the latest count of each, which is all a console
        // needs to rebuild its charts after a restart; deletion drops the windows no console keeps any more.
        topics.put(settings.resultsTopic(), new Topic(settings.resultsTopic(), 1, replication,
                merge(durability, ResultsHistory.topicConfigs(settings))));
        topics.put(settings.metricsTopic(), new Topic(settings.metricsTopic(), 1, replication,
                merge(durability, Map.of("retention.ms", Long.toString(METRICS_RETENTION.toMillis())))));
        return topics;
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }
}

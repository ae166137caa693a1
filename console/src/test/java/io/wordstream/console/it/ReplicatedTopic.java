package io.wordstream.console.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** A topic on a cluster of brokers under test: how well it is replicated, and what it holds. */
final class ReplicatedTopic {
    private ReplicatedTopic() {
    }

    /** The fewest in-sync replicas of any partition of {@code topic}; 0 while it cannot be described. */
    static int inSync(Admin admin, String topic) {
        try {
            TopicDescription t = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic);
            return t.partitions().stream().mapToInt(p -> p.isr().size()).min().orElse(0);
        } catch (Exception e) {
            return 0;
        }
    }

    /** Every value of {@code topic}, read from its start with the client properties {@code props}. */
    static List<String> values(Properties props, String topic) {
        return values(props, topic, 1);
    }

    /**
     * The values of {@code topic} from its start, read until there are at least {@code atLeast} and then to the end
     * its partitions had when they were assigned, or for 60 s.
     */
    static List<String> values(Properties props, String topic, int atLeast) {
        Properties p = new Properties();
        p.putAll(props);
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (var info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((values.size() < atLeast || ends.entrySet().stream()
                    .anyMatch(e -> consumer.position(e.getKey()) < e.getValue()))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
            return values;
        }
    }
}

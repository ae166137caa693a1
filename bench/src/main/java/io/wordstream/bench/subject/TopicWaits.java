package io.wordstream.bench.subject;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/** The partitions of a topic, once it exists (a system under test may create its topics as it starts). */
final class TopicWaits {
    private TopicWaits() {
    }

    /** Asks until the topic has partitions, or returns an empty list once {@code stillWanted} turns false. */
    static List<TopicPartition> partitionsOf(Consumer<?, ?> consumer, String topic, BooleanSupplier stillWanted) {
        while (stillWanted.getAsBoolean()) {
            try {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(2));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
                }
            } catch (TimeoutException e) {
                // No broker yet: the metadata request itself was the wait.
                continue;
            }
            // The broker answered that the topic does not exist yet: ask again shortly, not in a tight loop that
            // would take CPU from the system starting beside it.
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        return List.of();
    }
}

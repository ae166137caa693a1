package io.wordstream.console.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/** Asks Kafka for the end offsets of topics: how many records each partition has received so far. */
public final class EndOffsets implements AutoCloseable {
    private final Admin admin;
    private final Duration timeout;

    public EndOffsets(Properties clientProperties, Duration timeout) {
        this.admin = KafkaClients.admin(clientProperties, "wordstream-offsets", timeout, timeout);
        this.timeout = timeout;
    }

    /**
     * The end offset of every partition of {@code topics}.
     *
     * @throws IllegalStateException when Kafka does not answer within the timeout, or a topic is missing
     */
    public Map<TopicPartition, Long> of(Collection<String> topics) {
        try {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            described.values().forEach(d -> d.partitions().forEach(
                    p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answer = admin.listOffsets(request).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> out = new HashMap<>();
            answer.forEach((tp, info) -> out.put(tp, info.offset()));
            return out;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topics + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading end offsets", e);
        }
    }

    /** The end offset of each partition of {@code topic}, by partition number. */
    public Map<Integer, Long> ofTopic(String topic) {
        Map<Integer, Long> out = new HashMap<>();
        of(List.of(topic)).forEach((tp, offset) -> out.put(tp.partition(), offset));
        return out;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}

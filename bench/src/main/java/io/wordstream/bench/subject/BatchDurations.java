package io.wordstream.bench.subject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * wordstream's micro-batches as its job reports them on the metrics topic: for each batch that read input, Spark's
 * own split of its time ({@code durationMs}: latestOffset, queryPlanning, addBatch, walCommit, ...). The benchmark
 * keeps them per step of the curve, to show where a batch's time goes at each rate.
 */
public final class BatchDurations implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private final List<Map<String, Long>> batches = new ArrayList<>();
    private volatile boolean running = true;

    BatchDurations(Properties kafka, String topic) {
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(p);
        this.thread = new Thread(() -> run(topic), "bench-batches-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(String topic) {
        try {
            List<TopicPartition> partitions = TopicWaits.partitionsOf(consumer, topic, () -> running);
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (running) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    parse(r.value()).ifPresent(this::add);
                }
            }
        } catch (WakeupException e) {
            // close() asked.
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private synchronized void add(Map<String, Long> batch) {
        batches.add(batch);
    }

    /** The batches with input reported since the last call, and forgets them. */
    public synchronized List<Map<String, Long>> drain() {
        List<Map<String, Long>> out = List.copyOf(batches);
        batches.clear();
        return out;
    }

    /** A progress event of a batch that read input: its phases in milliseconds. */
    static Optional<Map<String, Long>> parse(String json) {
        try {
            JsonNode e = JSON.readTree(json);
            JsonNode phases = e.path("durationMs");
            if (!"progress".equals(e.path("type").asText()) || e.path("inputRows").asLong() <= 0
                    || !phases.isObject()) {
                return Optional.empty();
            }
            Map<String, Long> out = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = phases.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                out.put(f.getKey(), f.getValue().asLong());
            }
            return Optional.of(out);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.wordstream.bench.subject;

import io.wordstream.bench.measure.Count;
import io.wordstream.common.DimensionRules;
import io.wordstream.common.PipelineSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The limit: one plain consumer that reads the input topic, splits each sentence and counts in a hash map, with no
 * state store, no checkpoint, no output topic and no fault tolerance. Nothing that reads Kafka can be faster by
 * much; the ratio to it says how much of the machine the pipeline's guarantees cost.
 */
public final class PlainConsumerSubject implements Subject {
    private static final String INPUT = "limit-sentences";

    private final SharedBroker kafka;
    private final PipelineSettings pipeline = PipelineSettings.defaults();
    private volatile boolean running = true;
    private KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public PlainConsumerSubject(SharedBroker kafka) {
        this.kafka = kafka;
    }

    @Override
    public String name() {
        return "plain consumer (limit)";
    }

    @Override
    public void prepare() {
        kafka.createTopics(INPUT, Optional.empty());
    }

    @Override
    public void start(ResultSink sink) {
        Properties p = new Properties();
        p.putAll(kafka.properties());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        consumer = new KafkaConsumer<>(p);
        thread = new Thread(() -> run(sink), "bench-limit-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(ResultSink sink) {
        DimensionRules rules = new DimensionRules(pipeline);
        long windowMs = pipeline.window().toMillis();
        Map<String, Long> counts = new HashMap<>();
        try {
            List<TopicPartition> partitions = TopicWaits.partitionsOf(consumer, INPUT, () -> running);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    if (r.value() == null) {
                        continue;
                    }
                    long window = Math.floorDiv(r.timestamp(), windowMs) * windowMs;
                    long now = System.nanoTime();
                    for (DimensionRules.Entry e : rules.entries(new String(r.value(), StandardCharsets.UTF_8))) {
                        long n = counts.merge(window + "\u0000" + e.dimension() + "\u0000" + e.key(), 1L, Long::sum);
                        sink.accept(new Count(window, e.dimension(), e.key(), n), now);
                    }
                }
            }
        } catch (WakeupException e) {
            // close() asked.
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public Input input() {
        return new Input(kafka.properties(), INPUT);
    }

    /** It runs inside the benchmark's JVM. */
    @Override
    public Map<String, Long> peakMemory() {
        return Map.of();
    }

    @Override
    public void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

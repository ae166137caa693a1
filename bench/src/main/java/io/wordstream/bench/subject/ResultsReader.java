package io.wordstream.bench.subject;

import io.wordstream.bench.measure.Count;
import io.wordstream.console.model.ResultRow;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a results topic of wordstream's JSON rows (every system under test writes that format) from its beginning,
 * on a thread of its own, and hands each row to a sink.
 */
final class ResultsReader implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    ResultsReader(Properties kafka, String topic, ResultSink sink) {
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A row is read the moment the broker has it, not after a fetch wait.
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        this.consumer = new KafkaConsumer<>(p);
        this.thread = new Thread(() -> run(topic, sink), "bench-results-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(String topic, ResultSink sink) {
        try {
            List<TopicPartition> partitions = TopicWaits.partitionsOf(consumer, topic, () -> running);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    ResultRow.parse(r.value()).ifPresent(row -> sink.accept(new Count(
                            row.windowStart().toEpochMilli(), row.dimension(), row.key(), row.count()), now));
                }
            }
        } catch (WakeupException e) {
            // close() asked.
        } finally {
            consumer.close(Duration.ofSeconds(5));
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

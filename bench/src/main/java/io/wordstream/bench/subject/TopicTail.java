package io.wordstream.bench.subject;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows every partition of one topic on a thread of its own, without a consumer group, and hands each record's
 * value to a reader until closed.
 */
final class TopicTail implements AutoCloseable {
    /** Where the tail starts on each partition. */
    enum From {
        BEGINNING,
        END
    }

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    TopicTail(Properties kafka, Map<String, String> consumerConfig, String topic, From from, Duration poll,
            String threadName, Consumer<String> reader) {
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.putAll(consumerConfig);
        this.consumer = new KafkaConsumer<>(p);
        this.thread = new Thread(() -> run(topic, from, poll, reader), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(String topic, From from, Duration poll, Consumer<String> reader) {
        try {
            List<TopicPartition> partitions = TopicWaits.partitionsOf(consumer, topic, () -> running);
            consumer.assign(partitions);
            if (from == From.BEGINNING) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            while (running) {
                for (ConsumerRecord<String, String> r : consumer.poll(poll)) {
                    reader.accept(r.value());
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

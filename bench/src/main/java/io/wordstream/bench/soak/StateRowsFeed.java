package io.wordstream.bench.soak;

import io.wordstream.console.model.JobEvent;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Follows the job's metrics topic and keeps the state rows of its latest micro-batch. */
final class StateRowsFeed implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final AtomicLong stateRows = new AtomicLong(-1);
    private final Thread thread;
    private volatile boolean closed;

    StateRowsFeed(Properties kafka, String topic) {
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "wordstream-soak-" + ProcessHandle.current().pid());
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        thread = new Thread(this::run, "soak-metrics");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (!closed) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    take(r.value());
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void take(String value) {
        JobEvent.parse(value).filter(e -> "progress".equals(e.type()) && e.json().has("stateRows")).ifPresent(e -> {
            stateRows.set(e.metric("stateRows"));
        });
    }

    /** State rows after the latest micro-batch, or -1 before the first. */
    long stateRows() {
        return stateRows.get();
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

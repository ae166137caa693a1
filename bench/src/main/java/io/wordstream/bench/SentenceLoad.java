package io.wordstream.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Sends sentences as an operator's producer would: acknowledged by all replicas, idempotent, never blocking. */
public final class SentenceLoad implements AutoCloseable {
    /** How records are batched: one at a time for latency, in large batches for a burst. */
    public enum Shape { STEADY, BURST }

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    public SentenceLoad(Properties kafka, String topic, Shape shape) {
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        if (shape == Shape.STEADY) {
            p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        } else {
            p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
            p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        }
        this.producer = new KafkaProducer<>(p);
        this.topic = topic;
    }

    public void send(String sentence) {
        send(sentence.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a sentence already encoded as UTF-8. */
    public void send(byte[] sentence) {
        // The callback counts a failure; the future send returns would only repeat it.
        var unused = producer.send(new ProducerRecord<>(topic, sentence), (meta, error) -> {
            if (error != null) {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, error.toString());
            }
        });
    }

    /** Fetches the topic's metadata now, so that the first send does not wait for it. */
    public void awaitTopic(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (!producer.partitionsFor(topic).isEmpty()) {
                    return;
                }
            } catch (TimeoutException e) {
                // Not there yet: the call itself waited.
            }
            LockSupport.parkNanos(100_000_000L);
        }
    }

    public void flush() {
        producer.flush();
    }

    /** Sends that Kafka refused: a run with any is not a fair measurement. */
    public long failed() {
        return failed.get();
    }

    public String firstFailure() {
        return firstFailure.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}

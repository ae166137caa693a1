package io.wordstream.console.kafka;

import io.wordstream.common.KafkaTimeouts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends sentences to the input topic, one record each, as UTF-8 text. Every send is idempotent and acknowledged
 * by all in-sync replicas, so a sentence the operator sees acknowledged is never lost nor written twice.
 */
public final class SentenceSender implements AutoCloseable {
    private static final long LINGER_MS = 5;
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;

    public SentenceSender(Properties clientProperties, String topic) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, Long.toString(LINGER_MS));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "wordstream-sender");
        // A broker that restarts (a minute at most, measured 5-15 s) is waited out: a sentence sent meanwhile is
        // held and retried, its metadata awaited for up to a minute; only a longer outage fails the send, with
        // Kafka's reason on screen. Request, metadata and delivery timeouts: KafkaTimeouts.
        p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "60000");
        p.putAll(KafkaTimeouts.consoleProducer(KafkaClients.strings(p), LINGER_MS));
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** Sends one sentence; the future completes when Kafka has acknowledged it, or fails with the reason. */
    public CompletableFuture<RecordMetadata> send(String sentence) {
        return send(sentence, null);
    }

    /** Sends one sentence with an explicit event time (epoch milliseconds), or the current time when null. */
    public CompletableFuture<RecordMetadata> send(String sentence, Long timestampMs) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(topic, null, timestampMs, null,
                    sentence.getBytes(StandardCharsets.UTF_8)), (meta, error) -> {
                        if (error != null) {
                            acked.completeExceptionally(error);
                        } else {
                            acked.complete(meta);
                        }
                    });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}

package io.wordstream.console.kafka;

import io.wordstream.common.KafkaTimeouts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
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
        this(clientProperties, topic, Map.of());
    }

    /**
     * A sender whose producer takes {@code overrides} last (batching and timeouts, as the HTTP gateway needs them);
     * acknowledgement by all replicas and idempotence stay whatever the overrides say.
     */
    public SentenceSender(Properties clientProperties, String topic, Map<String, String> overrides) {
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
        p.putAll(overrides);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** Sends one sentence; completes with where Kafka put it, in words ("partition 0, offset 12"). */
    public CompletableFuture<String> sendTelling(String sentence) {
        return send(sentence).thenApply(meta -> "partition " + meta.partition() + ", offset " + meta.offset());
    }

    /** Sends one sentence; the future completes when Kafka has acknowledged it, or fails with the reason. */
    public CompletableFuture<RecordMetadata> send(String sentence) {
        return send(sentence, null);
    }

    /** Sends one sentence with an explicit event time (epoch milliseconds), or the current time when null. */
    public CompletableFuture<RecordMetadata> send(String sentence, Long timestampMs) {
        return send(sentence, timestampMs, null);
    }

    /** Sends one sentence to one partition of the topic (the partitioner's choice when null). */
    public CompletableFuture<RecordMetadata> send(String sentence, Long timestampMs, Integer partition) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        try {
            // The callback completes acked; the future send returns would only repeat it.
            var unused = producer.send(new ProducerRecord<>(topic, partition, timestampMs, null,
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

    /** How many partitions the topic has, from the producer's metadata (asked of Kafka the first time). */
    public int partitions() {
        return producer.partitionsFor(topic).size();
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}

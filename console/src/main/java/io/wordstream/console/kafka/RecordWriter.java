package io.wordstream.console.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes the records of one request to the input topic, all or none: it first asks Kafka whether it answers and
 * knows the topic, then appends every record to one partition and sends them as one batch, which Kafka appends
 * to its log as a unit. Requests are written one at a time, so no other request's flush splits a batch.
 */
public final class RecordWriter implements AutoCloseable {
    /** Where one record landed. */
    public record Written(int partition, long offset) {
    }

    /** Kafka did not take the request: why, and whether some of it may have been written anyway. */
    public static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String reason) {
            super(reason);
        }
    }

    private static final Duration REACHABLE_WITHIN = Duration.ofSeconds(5);
    /** The producer's own limit on a request's delivery, its retries included; waited a little longer here. */
    private static final int DELIVERY_TIMEOUT_MS = 30_000;

    private final TopicAdmin admin;
    private final SentenceSender sender;
    private final String bootstrap;
    private int next;

    public RecordWriter(Properties clientProperties, String topic, int batchBytes) {
        this.bootstrap = clientProperties.getProperty("bootstrap.servers");
        this.admin = new TopicAdmin(clientProperties);
        this.sender = new SentenceSender(clientProperties, topic, Map.of(
                // A batch leaves on flush(), which each request calls once all its records are appended; lingering
                // up to 20 s keeps the sender thread from taking a batch half-filled.
                ProducerConfig.LINGER_MS_CONFIG, "20000",
                ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(batchBytes),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(batchBytes + 4096),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000",
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(DELIVERY_TIMEOUT_MS),
                ProducerConfig.CLIENT_ID_CONFIG, "wordstream-gateway"));
    }

    /** Writes {@code records} in one batch and returns where each landed, in order, once Kafka acknowledged them. */
    public synchronized List<Written> write(List<String> records) throws Unavailable, InterruptedException {
        if (!admin.reachable(REACHABLE_WITHIN)) {
            throw new Unavailable("Kafka at " + bootstrap + " did not answer within " + REACHABLE_WITHIN.toSeconds()
                    + " s; nothing was written, send it again later");
        }
        int partitions;
        try {
            partitions = sender.partitions();
        } catch (RuntimeException e) {
            throw new Unavailable("Kafka at " + bootstrap + " did not give the input topic's partitions ("
                    + e.getMessage() + "); nothing was written, send it again later");
        }
        int partition = Math.floorMod(next++, partitions);
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (String r : records) {
            acks.add(sender.send(r, null, partition));
        }
        sender.flush();
        List<Written> written = new ArrayList<>(records.size());
        for (CompletableFuture<RecordMetadata> ack : acks) {
            try {
                RecordMetadata m = ack.get(DELIVERY_TIMEOUT_MS + 5000L, TimeUnit.MILLISECONDS);
                written.add(new Written(m.partition(), m.offset()));
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new Unavailable("Kafka at " + bootstrap + " did not acknowledge the " + records.size()
                        + " record(s) (" + cause.getMessage() + "); they went as one batch, so all or none of them"
                        + " were written");
            }
        }
        return written;
    }

    @Override
    public void close() {
        sender.close();
        admin.close();
    }
}

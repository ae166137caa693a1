package io.wordstream.bench.subject;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Traffic through a broker that has just started, before any system is measured on it: transactions written and
 * read back committed, a consumer group committing its offsets. A broker that has only answered its first request
 * still compiles its hot paths and creates its internal topics on first use (the transaction log's 50 partitions
 * for the first transactional producer); without this, whichever system ran first on it paid for that in its
 * start-up, and the next one did not.
 *
 * @param transactions   transactions committed
 * @param recordsRead    records read back, committed ones only
 * @param seconds        how long it took
 */
public record BrokerWarmUp(int transactions, long recordsRead, double seconds) {
    static final String TOPIC = "bench-broker-warm-up";
    private static final int RECORDS_PER_TRANSACTION = 100;

    /**
     * Sends to {@link #TOPIC}, which must exist, and reads back for {@code length}, then until every committed record
     * was read or as long again.
     */
    static BrokerWarmUp run(Properties kafka, Duration length) {
        long start = System.nanoTime();
        int transactions = 0;
        long read = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(kafka));
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(kafka))) {
            consumer.subscribe(List.of(TOPIC));
            producer.initTransactions();
            long sendUntil = start + length.toNanos();
            long readUntil = sendUntil + length.toNanos();
            byte[] value = "warm up the broker".getBytes(StandardCharsets.UTF_8);
            while (System.nanoTime() < sendUntil
                    || (read < (long) transactions * RECORDS_PER_TRANSACTION && System.nanoTime() < readUntil)) {
                if (System.nanoTime() < sendUntil) {
                    producer.beginTransaction();
                    for (int i = 0; i < RECORDS_PER_TRANSACTION; i++) {
                        // The commit below flushes them all and fails if any of them failed.
                        var unused = producer.send(new ProducerRecord<>(TOPIC, value));
                    }
                    producer.commitTransaction();
                    transactions++;
                }
                read += consumer.poll(Duration.ofMillis(20)).count();
                consumer.commitSync();
            }
        }
        // The topic stays: deleting it would leave the broker deleting its files while the first system starts.
        return new BrokerWarmUp(transactions, read, (System.nanoTime() - start) / 1e9);
    }

    private static Properties producerProperties(Properties kafka) {
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-broker-warm-up");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    private static Properties consumerProperties(Properties kafka) {
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-broker-warm-up");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }
}

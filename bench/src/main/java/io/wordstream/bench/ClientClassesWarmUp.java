package io.wordstream.bench;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Loads the Kafka client classes of the benchmark's own JVM before any system starts. Otherwise the first system's
 * start-up would be measured while this JVM loads them on the same two cores, and its first sentence would wait for
 * the benchmark's producer and consumer to come up.
 */
final class ClientClassesWarmUp {
    private ClientClassesWarmUp() {
    }

    static void run() {
        // Nothing listens on the discard port of loopback: the clients are built and closed, never connected.
        Properties producer = new Properties();
        producer.put("bootstrap.servers", "127.0.0.1:9");
        Properties consumer = new Properties();
        consumer.putAll(producer);
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        new KafkaProducer<byte[], byte[]>(producer).close(Duration.ZERO);
        new KafkaConsumer<byte[], byte[]>(consumer).close(Duration.ZERO);
    }
}

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
        Properties p = new Properties();
        // Nothing listens on the discard port of loopback: the clients are built and closed, never connected.
        p.put("bootstrap.servers", "127.0.0.1:9");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerOnly(p));
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerOnly(p))) {
            producer.close(Duration.ZERO);
            consumer.close(Duration.ZERO);
        }
    }

    private static Properties producerOnly(Properties all) {
        Properties p = new Properties();
        all.stringPropertyNames().stream().filter(k -> !k.endsWith(".deserializer"))
                .forEach(k -> p.put(k, all.getProperty(k)));
        return p;
    }

    private static Properties consumerOnly(Properties all) {
        Properties p = new Properties();
        all.stringPropertyNames().stream().filter(k -> !k.endsWith(".serializer"))
                .forEach(k -> p.put(k, all.getProperty(k)));
        return p;
    }
}

package io.wordstream.console.it;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A Kafka client run on a host of a test ({@code ip netns exec}), with the settings of a file: it asks the brokers
 * for metadata, produces to a topic, consumes it from the start and asks the controllers for their quorum, and prints
 * one line per try, {@code probe TRY in DETAIL} or {@code probe TRY refused DETAIL}. It never decides: the test does.
 */
public final class KafkaProbe {
    static final String PRODUCED = "an intruder was here";
    private static final int WAIT_MS = 8000;

    private KafkaProbe() {
    }

    /** Arguments: the settings file, the topic, the controllers' addresses, and which tries ({@code produce}...). */
    public static void main(String[] args) throws IOException {
        Properties settings = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            settings.load(in);
        }
        String topic = args[1];
        String controllers = args[2];
        for (String attempt : List.of(args).subList(3, args.length)) {
            String outcome;
            try {
                outcome = "in " + attempt(attempt, settings, topic, controllers);
            } catch (Exception | OutOfMemoryError e) {
                // Out of memory: a plaintext client took a TLS alert for the length of a reply and could not hold it.
                Throwable cause = e.getCause() == null ? e : e.getCause();
                outcome = "refused " + cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage());
            }
            System.out.println("probe " + attempt + " " + outcome);
        }
        System.out.flush();
        // Kafka's client threads may linger: what this JVM had to say is said.
        Runtime.getRuntime().halt(0);
    }

    private static String attempt(String attempt, Properties settings, String topic, String controllers)
            throws Exception {
        switch (attempt) {
            case "metadata":
                try (Admin admin = Admin.create(admin(settings))) {
                    return admin.describeCluster().nodes().get(WAIT_MS, TimeUnit.MILLISECONDS).size() + " brokers";
                }
            case "quorum":
                Properties quorum = admin(settings);
                quorum.remove(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
                quorum.put(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, controllers);
                try (Admin admin = Admin.create(quorum)) {
                    return admin.describeMetadataQuorum().quorumInfo().get(WAIT_MS, TimeUnit.MILLISECONDS)
                            .voters().size() + " voters";
                }
            case "produce":
                return produce(settings, topic);
            case "consume":
                return consume(settings, topic);
            default:
                throw new IllegalArgumentException("no such try: " + attempt);
        }
    }

    private static String produce(Properties settings, String topic) throws Exception {
        Properties p = new Properties();
        p.putAll(settings);
        p.put("max.block.ms", Integer.toString(WAIT_MS));
        p.put("request.timeout.ms", "4000");
        p.put("delivery.timeout.ms", Integer.toString(WAIT_MS));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            return "offset " + producer.send(new ProducerRecord<>(topic, PRODUCED)).get(2L * WAIT_MS,
                    TimeUnit.MILLISECONDS).offset();
        }
    }

    private static String consume(Properties settings, String topic) {
        Properties p = new Properties();
        p.putAll(settings);
        p.put("enable.auto.commit", "false");
        p.put("default.api.timeout.ms", Integer.toString(WAIT_MS));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
            while (System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    return records.count() + " records";
                }
            }
            throw new IllegalStateException("no record in " + WAIT_MS + " ms");
        }
    }

    private static Properties admin(Properties settings) {
        Properties p = new Properties();
        p.putAll(settings);
        p.put("request.timeout.ms", "4000");
        p.put("default.api.timeout.ms", Integer.toString(WAIT_MS));
        return p;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}

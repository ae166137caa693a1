package io.wordstream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.wordstream.common.JobConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientConfigTest {

    @Test
    void theSourceGetsShortFetchWaitsAndLargePolls() {
        Map<String, String> options = new KafkaClientConfig(config()).sourceOptions(Map.of());
        assertEquals("10", options.get("kafka.fetch.max.wait.ms"));
        assertEquals("20000", options.get("kafka.max.poll.records"));
        assertEquals("127.0.0.1:9092", options.get("kafka.bootstrap.servers"));
        // Consumer-only settings stay out of the sink's producer.
        Map<String, String> sink = new KafkaClientConfig(config()).sinkOptions(Map.of());
        assertFalse(sink.containsKey("kafka.max.poll.records"));
        assertFalse(sink.containsKey("kafka.fetch.max.wait.ms"));
    }

    @Test
    void everyClientOfTheJobGetsTheTimeoutsOfALivePipeline() {
        KafkaClientConfig kafka = new KafkaClientConfig(config());
        Map<String, String> source = kafka.sourceOptions(Map.of());
        assertEquals("3000", source.get("kafka.default.api.timeout.ms"));
        assertEquals("3000", source.get("kafka.request.timeout.ms"));
        assertEquals("5000", source.get("kafka.metadata.max.age.ms"));
        assertEquals("60", source.get("fetchOffset.numRetries"));
        assertEquals("100", source.get("fetchOffset.retryIntervalMs"));
        Map<String, String> sink = kafka.sinkOptions(Map.of());
        assertEquals("3000", sink.get("kafka.request.timeout.ms"));
        assertEquals("5000", sink.get("kafka.metadata.max.age.ms"));
        // A producer has no API timeout; Spark's sink would pass it on and Kafka would warn about it.
        assertFalse(sink.containsKey("kafka.default.api.timeout.ms"));
        Properties publisher = kafka.clientProperties();
        assertEquals("3000", publisher.getProperty("request.timeout.ms"));
        assertEquals("5000", publisher.getProperty("metadata.max.age.ms"));
        assertFalse(publisher.containsKey("default.api.timeout.ms"));
    }

    @Test
    void theOperatorsPropertiesFileWinsOverTheSourceDefaults(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "max.poll.records=300\nfetch.max.wait.ms=100\nsecurity.protocol=SASL_PLAINTEXT\n"
                + "metadata.max.age.ms=60000\n");
        KafkaClientConfig kafka = new KafkaClientConfig(config("--kafka-config", file.toString()));
        Map<String, String> source = kafka.sourceOptions(Map.of());
        assertEquals("300", source.get("kafka.max.poll.records"));
        assertEquals("100", source.get("kafka.fetch.max.wait.ms"));
        assertEquals("SASL_PLAINTEXT", source.get("kafka.security.protocol"));
        assertEquals("60000", source.get("kafka.metadata.max.age.ms"));
        assertEquals("SASL_PLAINTEXT", kafka.sinkOptions(Map.of()).get("kafka.security.protocol"));
        assertEquals("60000", kafka.clientProperties().getProperty("metadata.max.age.ms"));
    }

    @Test
    void anOperatorsLongerRequestTimeoutRaisesTheApiTimeoutTheAdminClientNeedsAbove(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "request.timeout.ms=30000\n");
        Map<String, String> source = new KafkaClientConfig(config("--kafka-config", file.toString()))
                .sourceOptions(Map.of());
        assertEquals("30000", source.get("kafka.request.timeout.ms"));
        assertEquals("30000", source.get("kafka.default.api.timeout.ms"));
    }

    @Test
    void sparkSettingsOfTheSourceAndTheSinkWinOverTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "default.api.timeout.ms=20000\nrequest.timeout.ms=10000\n");
        KafkaClientConfig kafka = new KafkaClientConfig(config("--kafka-config", file.toString()));
        Map<String, String> source = kafka.sourceOptions(Map.of("kafka.default.api.timeout.ms", "7000",
                "fetchOffset.numRetries", "5"));
        assertEquals("7000", source.get("kafka.default.api.timeout.ms"));
        assertEquals("10000", source.get("kafka.request.timeout.ms"));
        assertEquals("5", source.get("fetchOffset.numRetries"));
        assertEquals("100", source.get("fetchOffset.retryIntervalMs"));
        Map<String, String> sink = kafka.sinkOptions(Map.of("kafka.request.timeout.ms", "4000"));
        assertEquals("4000", sink.get("kafka.request.timeout.ms"));
    }

    private static JobConfig config(String... extra) {
        String[] base = {"--bootstrap-server", "127.0.0.1:9092", "--checkpoint", "/tmp/cp"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return JobConfig.fromArgs(args);
    }
}

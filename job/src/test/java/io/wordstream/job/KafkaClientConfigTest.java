package io.wordstream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.wordstream.common.JobConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientConfigTest {

    @Test
    void theSourceGetsShortFetchWaitsAndLargePolls() {
        Map<String, String> options = new KafkaClientConfig(config()).sourceOptions();
        assertEquals("10", options.get("kafka.fetch.max.wait.ms"));
        assertEquals("20000", options.get("kafka.max.poll.records"));
        assertEquals("127.0.0.1:9092", options.get("kafka.bootstrap.servers"));
        // Consumer-only settings stay out of the sink's producer.
        Map<String, String> sink = new KafkaClientConfig(config()).sparkOptions();
        assertFalse(sink.containsKey("kafka.max.poll.records"));
        assertFalse(sink.containsKey("kafka.fetch.max.wait.ms"));
    }

    @Test
    void theOperatorsPropertiesFileWinsOverTheSourceDefaults(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "max.poll.records=300\nfetch.max.wait.ms=100\nsecurity.protocol=SASL_PLAINTEXT\n");
        KafkaClientConfig kafka = new KafkaClientConfig(config("--kafka-config", file.toString()));
        Map<String, String> source = kafka.sourceOptions();
        assertEquals("300", source.get("kafka.max.poll.records"));
        assertEquals("100", source.get("kafka.fetch.max.wait.ms"));
        assertEquals("SASL_PLAINTEXT", source.get("kafka.security.protocol"));
        assertEquals("SASL_PLAINTEXT", kafka.sparkOptions().get("kafka.security.protocol"));
    }

    private static JobConfig config(String... extra) {
        String[] base = {"--bootstrap-server", "127.0.0.1:9092", "--checkpoint", "/tmp/cp"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return JobConfig.fromArgs(args);
    }
}

package io.wordstream.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobConfigTest {
    @Test
    void argumentsReadBackIntoAnEqualConfig() {
        PipelineSettings pipeline = new PipelineSettings(Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofSeconds(5), List.of("A", "b"), List.of(3, 4), TokenizerMode.SEED, "text");
        JobConfig config = new JobConfig("127.0.0.1:9092", List.of("a", "b"), "out", "metrics", "/tmp/cp",
                Duration.ofMillis(250), "/tmp/stop", 1234, "/tmp/kafka.properties", JobConfig.Source.KAFKA, "",
                pipeline);
        assertEquals(config, JobConfig.fromArgs(config.toArgs().toArray(String[]::new)));
        JobConfig socket = new JobConfig("127.0.0.1:9092", List.of("a"), "out", "metrics", "/tmp/cp",
                Duration.ZERO, "", 0, "", JobConfig.Source.SOCKET, "localhost:9999", pipeline);
        assertEquals(socket, JobConfig.fromArgs(socket.toArgs().toArray(String[]::new)));
    }

    @Test
    void theSocketSourceNeedsAnAddress() {
        assertEquals("--socket takes HOST:PORT, got ''", assertThrows(IllegalArgumentException.class,
                () -> JobConfig.fromArgs(new String[] {"--bootstrap-server", "h:1", "--checkpoint", "/cp",
                        "--source", "socket"})).getMessage());
        assertEquals("--socket takes a port from 1 to 65535, got 70000", assertThrows(IllegalArgumentException.class,
                () -> HostPort.parse("h:70000", "--socket")).getMessage());
        assertEquals("'udp' is not a source (choose kafka or socket)", assertThrows(IllegalArgumentException.class,
                () -> JobConfig.Source.fromCliName("udp")).getMessage());
        assertEquals(new HostPort("::1", 9999), HostPort.parse("::1:9999", "--socket"));
    }

    @Test
    void optionalArgumentsMayBeLeftOut() {
        JobConfig config = JobConfig.fromArgs(new String[] {"--bootstrap-server", "h:1", "--checkpoint", "/cp"});
        assertEquals(List.of("sentences"), config.inputTopics());
        assertEquals(PipelineSettings.defaults(), config.pipeline());
        assertEquals("", config.stopFile());
        assertEquals(Duration.ZERO, config.trigger());
    }

    @Test
    void unknownAndMissingArgumentsAreNamed() {
        assertEquals("unknown job argument --colour", assertThrows(IllegalArgumentException.class,
                () -> JobConfig.fromArgs(new String[] {"--bootstrap-server", "h:1", "--checkpoint", "/cp",
                        "--colour", "red"})).getMessage());
        assertEquals("missing job argument --checkpoint", assertThrows(IllegalArgumentException.class,
                () -> JobConfig.fromArgs(new String[] {"--bootstrap-server", "h:1"})).getMessage());
    }

    @Test
    void settingsThatCannotWorkAreRefusedWithTheOptionNamed() {
        Duration w = Duration.ofSeconds(10);
        assertEquals("--slide must be between 1s and the window (10s); use it only for sliding windows",
                assertThrows(IllegalArgumentException.class, () -> new PipelineSettings(w, Duration.ofSeconds(20), w,
                        List.of("S"), List.of(6), TokenizerMode.UNICODE, "resumo")).getMessage());
        assertEquals("--window must be a whole number of seconds, got 1500ms (result rows carry window bounds to"
                        + " the second)",
                assertThrows(IllegalArgumentException.class, () -> new PipelineSettings(Duration.ofMillis(1500),
                        Duration.ofMillis(1500), w, List.of(), List.of(), TokenizerMode.UNICODE, "r")).getMessage());
        assertEquals("--letters takes single letters separated by commas, got 'ab'",
                assertThrows(IllegalArgumentException.class, () -> new PipelineSettings(w, w, w, List.of("ab"),
                        List.of(), TokenizerMode.UNICODE, "r")).getMessage());
        assertEquals("--lengths takes whole numbers separated by commas, got 'x'",
                assertThrows(IllegalArgumentException.class, () -> JobConfig.parseLengths("6,x")).getMessage());
    }
}

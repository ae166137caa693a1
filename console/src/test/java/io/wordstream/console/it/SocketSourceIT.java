package io.wordstream.console.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.common.HostPort;
import io.wordstream.common.JobConfig;
import io.wordstream.console.errors.PipelineFailure;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.launch.Ports;
import io.wordstream.console.settings.Settings;
import io.wordstream.testsupport.Poll;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The original's first part: lines from a TCP server, counted in processing-time windows. */
class SocketSourceIT {
    @TempDir
    Path dataDir;

    @Test
    void countsLinesServedByARealNetcat() throws Exception {
        // Chosen together: netcat binds its port only a moment after it starts.
        List<Integer> ports = Ports.freePorts(Settings.LOOPBACK, 2, Set.of());
        int port = ports.get(0);
        Process netcat = new ProcessBuilder("nc", "-lk", Settings.LOOPBACK, Integer.toString(port))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            Settings settings = ItSettings.embedded(dataDir, JobConfig.Source.SOCKET,
                    Optional.of(new HostPort(Settings.LOOPBACK, port)), 0, ports.get(1));
            try (StartedPipeline pipeline = StartedPipeline.start(settings);
                 ResultsReader reader = new ResultsReader(KafkaClients.base(settings), "wordcounts",
                         "wordstream-metrics")) {
                assertTrue(pipeline.readyLine().contains(" source=socket socket=127.0.0.1:" + port + " "),
                        pipeline.readyLine());
                OutputStream typed = netcat.getOutputStream();
                typed.write("spark streaming with netcat\nnetcat serves lines\n\n".getBytes(StandardCharsets.UTF_8));
                typed.flush();
                reader.awaitWordTotals(Duration.ofSeconds(90), Map.of("netcat", 2L, "lines", 1L, "spark", 1L,
                        "serves", 1L), "the lines' words");
                long rejected = Poll.until(Duration.ofSeconds(30),
                        () -> reader.events().stream().mapToLong(e -> e.metric("rejected")).sum(), n -> n >= 1,
                        "the blank line counted as rejected");
                assertEquals(1, rejected);
            }
        } finally {
            netcat.destroy();
        }
    }

    @Test
    void theConsoleServesTheSocketItselfWhenNoneIsGiven() throws Exception {
        Settings settings = ItSettings.embedded(dataDir, JobConfig.Source.SOCKET, Optional.empty(), 0);
        try (StartedPipeline pipeline = StartedPipeline.start(settings);
             ResultsReader reader = new ResultsReader(KafkaClients.base(settings), "wordcounts",
                     "wordstream-metrics")) {
            assertEquals(1, pipeline.lineServer().connections(), "the job's socket source is connected");
            pipeline.lineServer().send("typed without netcat");
            pipeline.lineServer().send("typed again");
            reader.awaitWordTotals(Duration.ofSeconds(90), Map.of("typed", 2L, "again", 1L, "netcat", 1L),
                    "the typed words");
        }
        assertEquals(List.of(), ProcessHandle.current().descendants().map(ProcessHandle::pid).toList());
    }

    @Test
    void aSocketThatNobodyServesIsNamed() {
        List<Integer> ports = Ports.freePorts(Settings.LOOPBACK, 2, Set.of());
        int closed = ports.get(0);
        Settings settings = ItSettings.embedded(dataDir, JobConfig.Source.SOCKET,
                Optional.of(new HostPort(Settings.LOOPBACK, closed)), 0, ports.get(1));
        // The job is what fails here, so 'run' exits 1 for it.
        PipelineFailure e = assertThrows(PipelineFailure.class, () -> StartedPipeline.start(settings).close());
        assertTrue(e.getMessage().startsWith("the Spark job failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
        assertEquals(List.of(), ProcessHandle.current().descendants().map(ProcessHandle::pid).toList());
    }
}

package io.wordstream.console.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wordstream.common.JobConfig;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.kafka.SentenceSender;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on a real Spark standalone cluster of two workers, started by the console on 127.0.0.1. */
class ClusterIT {
    @TempDir
    Path dataDir;

    @Test
    void runsOnTwoExecutorsOfALocalStandaloneClusterWithExactCounts() throws Exception {
        Settings settings = ItSettings.embedded(dataDir, JobConfig.Source.KAFKA, Optional.empty(), 2);
        List<ProcessHandle> processes = new ArrayList<>();
        try (StartedPipeline pipeline = StartedPipeline.start(settings.toBuilder()
                .startTimeout(Duration.ofSeconds(240)).build())) {
            String master = pipeline.settings().master();
            assertTrue(master.matches("spark://127\\.0\\.0\\.1:\\d+"), master);
            assertTrue(pipeline.readyLine().contains(" master=" + master + " "), pipeline.readyLine());

            // The master's JSON status page: two live workers, and the application holding one core on each.
            JsonNode status = pipeline.cluster().status();
            assertEquals(2, status.path("aliveworkers").asInt(), status.toString());
            JsonNode app = status.path("activeapps").get(0);
            assertEquals(pipeline.appId(), app.path("id").asText());
            assertEquals(2, app.path("cores").asInt(), "two single-core executors: " + app);
            int busyWorkers = 0;
            for (JsonNode worker : status.path("workers")) {
                busyWorkers += worker.path("coresused").asInt() > 0 ? 1 : 0;
            }
            assertEquals(2, busyWorkers, "one executor on each worker: " + status.path("workers"));

            Instant w = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1));
            try (SentenceSender sender = new SentenceSender(KafkaClients.base(settings), "sentences");
                 ResultsReader reader = new ResultsReader(KafkaClients.base(settings), "wordcounts",
                         "wordstream-metrics")) {
                sender.send("spark cluster of workers", w.plusSeconds(1).toEpochMilli()).get();
                sender.send("spark reads partitions", w.plusSeconds(2).toEpochMilli()).get();
                String at = ResultsReader.label(w, "", "").substring(0, 8);
                Map<String, Long> expected = new TreeMap<>(Map.of(
                        at + " word spark", 2L, at + " word cluster", 1L, at + " word of", 1L,
                        at + " word workers", 1L, at + " word reads", 1L, at + " word partitions", 1L,
                        at + " letter S", 2L, at + " letter R", 1L, at + " letter P", 1L));
                assertEquals(expected, ResultsReader.await(Duration.ofSeconds(120), reader::counts,
                        expected::equals, "the exact counts computed on the cluster"));
            }
            processes.addAll(pipeline.cluster().handles());
            processes.addAll(ProcessHandle.current().descendants().toList());
        }
        for (ProcessHandle p : processes) {
            // An exited child may stay visible for a moment until it is reaped: poll, do not race.
            ResultsReader.await(Duration.ofSeconds(15), p::isAlive, alive -> !alive,
                    "pid " + p.pid() + " " + p.info().command().orElse("") + " to be gone");
        }
        assertEquals(List.of(), ProcessHandle.current().descendants().map(ProcessHandle::pid).toList());
    }
}

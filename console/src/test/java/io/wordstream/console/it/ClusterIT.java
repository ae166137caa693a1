package io.wordstream.console.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wordstream.common.JobConfig;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.kafka.SentenceSender;
import io.wordstream.console.launch.SparkDaemons;
import io.wordstream.console.model.ClusterState;
import io.wordstream.console.model.MasterSnapshot;
import io.wordstream.console.settings.Settings;
import io.wordstream.testsupport.Poll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a real Spark standalone cluster of two workers, started by the console on 127.0.0.1; and the
 * cluster view's model on it: workers and executors, lag while the driver is stopped, the broker killed and back.
 */
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
                assertEquals(expected, Poll.until(Duration.ofSeconds(120), reader::counts,
                        expected::equals, "the exact counts computed on the cluster"));
                executorsKeepTheirBlocksInTheWorkersOwnDirectory();
                try (ClusterWatching watch = new ClusterWatching(pipeline, reader)) {
                    theClusterViewListsTheWorkersAndExecutors(watch, pipeline);
                    lagRisesWhileTheDriverIsStoppedAndFallsToZeroAfter(watch, pipeline, sender, w);
                    theKilledBrokerShowsDownThenUpWhenTheConsoleHasRestartedIt(watch, pipeline);
                }
            }
            processes.addAll(pipeline.cluster().handles());
            processes.addAll(ProcessHandle.current().descendants().toList());
        }
        for (ProcessHandle p : processes) {
            // An exited child may stay visible for a moment until it is reaped: poll, do not race.
            Poll.until(Duration.ofSeconds(15), p::isAlive, alive -> !alive,
                    "pid " + p.pid() + " " + p.info().command().orElse("") + " to be gone");
        }
        assertEquals(List.of(), ProcessHandle.current().descendants().map(ProcessHandle::pid).toList());
    }

    /** Each worker's executor has its block manager under the worker's scratch dir, which only its owner reads. */
    private void executorsKeepTheirBlocksInTheWorkersOwnDirectory() throws IOException {
        for (int worker = 1; worker <= 2; worker++) {
            Path scratch = SparkDaemons.scratchDir(dataDir.resolve("spark-work").resolve("worker-" + worker));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(scratch)));
            try (Stream<Path> files = Files.walk(scratch)) {
                List<String> blocks = files.map(f -> f.getFileName().toString())
                        .filter(name -> name.startsWith("blockmgr-")).toList();
                assertEquals(1, blocks.size(), "one executor's block manager in " + scratch + ": " + blocks);
            }
        }
    }

    /** The cluster view's model under --local-cluster 2: the master, its two workers, the job's two executors. */
    private static void theClusterViewListsTheWorkersAndExecutors(ClusterWatching watch, StartedPipeline pipeline) {
        ClusterState c = Poll.until(Duration.ofSeconds(30), watch::refresh,
                s -> s.master().map(MasterSnapshot::alive).orElse(0L) == 2 && workerExecutors(s).size() == 2
                        && s.lag().isPresent(), "two workers and two executors in the cluster view's model");
        MasterSnapshot m = c.master().orElseThrow();
        assertEquals(List.of(pipeline.settings().master(), "ALIVE", ""), List.of(m.url(), m.state(), m.error()));
        for (MasterSnapshot.Worker w : m.workers()) {
            assertTrue(w.host().startsWith("127.0.0.1:") && w.cores() == 1 && w.coresUsed() == 1, w.toString());
        }
        for (ClusterState.Executor e : workerExecutors(c)) {
            assertTrue(e.host().startsWith("127.0.0.1:") && e.cores() == 1, e.toString());
        }
        ClusterState.Broker b = c.brokers().get(0);
        assertEquals(List.of(pipeline.settings().bootstrap(), true, true), List.of(b.address(), b.controller(), b.up()),
                c.brokers().toString());
        assertEquals(pipeline.settings().inputPartitions(), c.partitions().size(), c.partitions().toString());
        assertTrue(c.resultsRecords() > 0, "the results topic's size: " + c.resultsRecords());
    }

    private static List<ClusterState.Executor> workerExecutors(ClusterState c) {
        return c.executors().stream().filter(e -> !e.id().equals("driver")).toList();
    }

    private static void lagRisesWhileTheDriverIsStoppedAndFallsToZeroAfter(ClusterWatching watch,
            StartedPipeline pipeline, SentenceSender sender, Instant w) throws Exception {
        Poll.until(Duration.ofSeconds(60), () -> watch.refresh().lag(), l -> l.equals(OptionalLong.of(0)),
                "the job caught up before the stop");
        ProcessHandle driver = pipeline.driver();
        signal("STOP", driver);
        try {
            for (int i = 0; i < 20; i++) {
                sender.send("lagging sentence " + i, w.plusSeconds(3).toEpochMilli()).get();
            }
            OptionalLong lag = Poll.until(Duration.ofSeconds(15), () -> watch.refresh().lag(),
                    l -> l.isPresent() && l.getAsLong() >= 20, "the lag to rise while the driver is stopped");
            assertEquals(OptionalLong.of(20), lag, "exactly the records sent while it was stopped");
        } finally {
            signal("CONT", driver);
        }
        Poll.until(Duration.ofSeconds(60), () -> watch.refresh().lag(), l -> l.equals(OptionalLong.of(0)),
                "the lag to fall to 0 after SIGCONT");
        assertEquals(ClusterState.Trend.CAUGHT_UP, watch.refresh().trend());
    }

    private static void theKilledBrokerShowsDownThenUpWhenTheConsoleHasRestartedIt(ClusterWatching watch,
            StartedPipeline pipeline) {
        List<ClusterState.Broker> before = watch.refresh().brokers();
        pipeline.broker().handle().destroyForcibly();
        List<ClusterState.Broker> down = Poll.until(Duration.ofSeconds(30), () -> watch.refresh().brokers(),
                l -> l.stream().noneMatch(ClusterState.Broker::up), "the killed broker to show down");
        assertEquals(before.stream().map(b -> new ClusterState.Broker(b.id(), b.address(), false, false)).toList(),
                down);
        Poll.until(Duration.ofSeconds(90), () -> watch.refresh().brokers(), before::equals,
                "the broker to show up again once the console has restarted it");
    }

    private static void signal(String name, ProcessHandle p) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).inheritIO().start().waitFor(),
                "kill -" + name + " " + p.pid());
    }
}

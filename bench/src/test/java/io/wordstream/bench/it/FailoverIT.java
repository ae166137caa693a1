package io.wordstream.bench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.bench.failover.FailoverDrill;
import io.wordstream.bench.failover.KraftCluster;
import io.wordstream.bench.failover.RecoveryTimes;
import io.wordstream.console.kafka.BrokerChange;
import io.wordstream.console.kafka.BrokerChange.Broker;
import io.wordstream.console.kafka.BrokerWatch;
import io.wordstream.console.kafka.TopicFeed;
import io.wordstream.console.model.JobEvent;
import io.wordstream.console.settings.Install;
import io.wordstream.testsupport.Poll;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Losing any one node of a three-node KRaft cluster while {@code wordstream run} counts on it: for each node in
 * turn, SIGKILL, a probe sentence that must be counted (a generous deadline: this checks that counting resumes,
 * not how fast), the node back, and every count exact. The console's {@link BrokerWatch} must name the node lost,
 * see counting resume and the node come back. How fast counting resumed is measured and written to
 * {@code bench/target/failover.txt}, never asserted.
 */
class FailoverIT {
    private static final Path HOME = Path.of(System.getProperty("wordstream.home", "..")).toAbsolutePath().normalize();
    /** Generous on a loaded two-core machine; Spark's defaults alone would resume within about a minute. */
    private static final Duration RESUME = Duration.ofSeconds(150);
    private static final Duration EXACT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void countingResumesAfterEachNodeIsKilledAndEveryCountStaysExact() throws Exception {
        // A probe held by the producer until a new leader takes it keeps its send time: the watermark is wide
        // enough that such a record is never late; lateness is not what this test is about.
        try (FailoverDrill<KraftCluster> drill = FailoverDrill.start(Install.current(), work,
                List.of("--watermark", "30s"), Duration.ofSeconds(300));
             Watching watching = new Watching(drill.kafka(), FailoverDrill.METRICS)) {
            // The first kill must not race the watch's first look at the cluster: a broker it never saw, it could
            // not name lost (what made this test fail once on the merged tree).
            Poll.until(Duration.ofSeconds(30), () -> watching.known().size() == 3,
                    () -> "the watch to see all three nodes: " + watching.lastCheck());
            for (int node = 1; node <= 3; node++) {
                drill.startTicks(Duration.ofMillis(250));
                int from = watching.changes().size();
                int linesBefore = drill.runOutput().lines().toList().size();
                Duration recovery = drill.killAndProbe(node, RESUME);
                System.out.println("node " + node + " killed: counting resumed after " + recovery.toMillis() + " ms");
                Broker lost = broker(drill, node);
                Poll.until(Duration.ofSeconds(30), () -> watching.since(from).stream()
                                .anyMatch(c -> c instanceof BrokerChange.Lost l && l.broker().equals(lost))
                        && watching.since(from).stream().anyMatch(c -> c instanceof BrokerChange.CountingResumed r
                                && r.lost().equals(lost)),
                        () -> "the watch to name " + lost + " lost and counting resumed: " + watching.since(from)
                                + "; its last check: " + watching.lastCheck());
                drill.restart(node, Duration.ofSeconds(120));
                Poll.until(Duration.ofSeconds(30), () -> watching.since(from).stream()
                        .anyMatch(c -> c instanceof BrokerChange.Back b && b.broker().equals(lost)),
                        () -> "the watch to see " + lost + " back: " + watching.since(from) + "; its last check: "
                                + watching.lastCheck());
                // run says it too, from its own watch: which broker, that counting resumed, that it is back.
                int kill = node;
                Poll.until(Duration.ofSeconds(30), () -> linesSince(drill, linesBefore).stream().anyMatch(l ->
                                l.contains("Kafka " + lost + " does not answer: counting waits"))
                        && linesSince(drill, linesBefore).stream().anyMatch(l -> l.contains("counting resumed"))
                        && linesSince(drill, linesBefore).stream().anyMatch(l ->
                                l.contains("Kafka " + lost + " answers again after")),
                        () -> "run's lines about node " + kill + ": " + linesSince(drill, linesBefore));
                drill.stopTicks();
                assertEquals(0, drill.sendFailures(), "every sentence was acknowledged");
                int probes = drill.probes();
                long ticks = drill.ticksAcked();
                Poll.until(EXACT, () -> drill.total(FailoverDrill.TICK) == ticks
                        && drill.total(FailoverDrill.PROBE) == probes, () -> "exact counts after node " + drill.probes()
                        + ": ticks " + drill.total(FailoverDrill.TICK) + " of " + ticks + " acknowledged, probes "
                        + drill.total(FailoverDrill.PROBE) + " of " + probes + "; counts " + drill.counts());
                for (int p = 1; p <= probes; p++) {
                    assertEquals(1, drill.total("probe" + p), "probe " + p + ": " + drill.counts());
                }
                assertTrue(drill.runAlive(), "run goes on: " + drill.runOutput());
            }
            // Read once more after the last check: a duplicate written late would show now.
            assertEquals(drill.ticksAcked(), drill.total(FailoverDrill.TICK), drill.counts().toString());
            record(RecoveryTimes.now(drill.recoveries()));
        }
    }

    private static List<String> linesSince(FailoverDrill<?> drill, int index) {
        List<String> all = drill.runOutput().lines().toList();
        return all.subList(Math.min(index, all.size()), all.size());
    }

    private static Broker broker(FailoverDrill<KraftCluster> drill, int node) {
        return new Broker(node, drill.cluster().node(node).address());
    }

    /**
     * The console's observation of the cluster: a {@link BrokerWatch} checked every second, told of the job's
     * batches from the metrics topic, its changes kept in order.
     */
    private static final class Watching implements AutoCloseable {
        private final BrokerWatch watch;
        private final TopicFeed metrics;
        private final List<BrokerChange> changes = new CopyOnWriteArrayList<>();

        Watching(Properties kafka, String metricsTopic) {
            // As the console's supervisor does: a check every two seconds, on the watch's own thread.
            watch = new BrokerWatch(kafka).checkEvery(Duration.ofSeconds(2), changes::add);
            metrics = TopicFeed.start(kafka, metricsTopic, TopicFeed.From.END, records -> records.forEach(r ->
                    JobEvent.parse(r.value()).flatMap(JobEvent::batchStart)
                            .ifPresent(start -> changes.addAll(watch.batchCompleted(start)))));
        }

        List<BrokerChange> changes() {
            return List.copyOf(changes);
        }

        String lastCheck() {
            return watch.lastCheck();
        }

        List<Broker> known() {
            return watch.known();
        }

        List<BrokerChange> since(int index) {
            List<BrokerChange> all = changes();
            return all.subList(index, all.size());
        }

        @Override
        public void close() {
            metrics.close();
            watch.close();
        }
    }

    private static void record(RecoveryTimes times) throws Exception {
        System.out.println(times.line());
        Path out = HOME.resolve("bench").resolve("target").resolve("failover.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, times.line() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}

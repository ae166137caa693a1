package io.wordstream.bench.failover;

import io.wordstream.console.settings.Install;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code wordstream bench --failover}: wordstream on a three-node Kafka cluster, each node killed in turn while a
 * steady trickle of sentences is counted, then one node paused for longer than the clients' timeouts (a slow broker);
 * prints how long counting stalled after each kill (to the first row of a probe sent right after it) and whether
 * every count stayed exact. It runs twice on fresh clusters: first "before", with Kafka's default timeouts given
 * back through the operator's override path ({@code --kafka-config} and {@code spark.wordstream.source.*}), then
 * "after", with wordstream's; a RESULT line sums both up.
 */
public final class FailoverBench {
    /** How long the slow broker stops answering: longer than every client timeout, shorter than Kafka's session. */
    static final Duration PAUSE = Duration.ofSeconds(8);

    /** Kafka's own defaults for the settings wordstream shortens (docs/failover.md), as an operator's file. */
    public static final Map<String, String> KAFKA_DEFAULTS = Map.of("request.timeout.ms", "30000",
            "default.api.timeout.ms", "60000", "metadata.max.age.ms", "300000",
            "socket.connection.setup.timeout.ms", "10000", "socket.connection.setup.timeout.max.ms", "30000");
    /** Spark's own defaults for the source's offset retries, given back through wordstream's source settings. */
    public static final Map<String, String> SPARK_DEFAULTS = Map.of(
            "spark.wordstream.source.fetchOffset.numRetries", "3",
            "spark.wordstream.source.fetchOffset.retryIntervalMs", "1000");

    /**
     * Sentences held by a producer until a new leader takes them keep their send time: a watermark wider than the
     * longest stall (about a minute before) keeps them from being late; lateness is not what this measures.
     */
    static final List<String> RUN_OPTIONS = List.of("--watermark", "120s");

    private FailoverBench() {
    }

    /** One drill's outcome. */
    record Outcome(RecoveryTimes times, Duration pauseStall, boolean exact, long sendFailures) {
    }

    /** @return 0 when counting resumed after every kill and every count is exact, in every run, else 1 */
    public static int run(Install install, Path work, Map<String, String> sparkConf, Duration timeout,
                          Set<FailoverRun> runs, PrintStream out, PrintStream err) throws InterruptedException {
        try {
            Map<FailoverRun, Outcome> outcomes = new EnumMap<>(FailoverRun.class);
            if (runs.contains(FailoverRun.before)) {
                List<String> before = new ArrayList<>(RUN_OPTIONS);
                before.addAll(List.of("--kafka-config", kafkaDefaultsFile(work).toString()));
                Map<String, String> beforeConf = new TreeMap<>(SPARK_DEFAULTS);
                beforeConf.putAll(sparkConf);
                beforeConf.forEach((k, v) -> before.addAll(List.of("--conf", k + "=" + v)));
                err.println("bench: before: Kafka's default timeouts, given back through --kafka-config and --conf");
                outcomes.put(FailoverRun.before, drill(install, work.resolve("before"), before, timeout, err));
                out.println("before " + line(outcomes.get(FailoverRun.before)));
            }
            if (runs.contains(FailoverRun.after)) {
                List<String> after = new ArrayList<>(RUN_OPTIONS);
                sparkConf.forEach((k, v) -> after.addAll(List.of("--conf", k + "=" + v)));
                err.println("bench: after: wordstream's timeouts");
                outcomes.put(FailoverRun.after, drill(install, work.resolve("after"), after, timeout, err));
                out.println("after " + line(outcomes.get(FailoverRun.after)));
            }
            StringBuilder result = new StringBuilder("RESULT");
            Outcome a = outcomes.get(FailoverRun.after);
            if (a != null) {
                result.append(String.format(Locale.ROOT, " failover_median_s=%.1f failover_worst_s=%.1f",
                        seconds(a.times().median()), seconds(a.times().worst())));
            }
            Outcome b = outcomes.get(FailoverRun.before);
            if (b != null) {
                result.append(String.format(Locale.ROOT, " before_median_s=%.1f before_worst_s=%.1f",
                        seconds(b.times().median()), seconds(b.times().worst())));
            }
            boolean exact = outcomes.values().stream().allMatch(Outcome::exact);
            long failures = outcomes.values().stream().mapToLong(Outcome::sendFailures).sum();
            out.println(result + " exact=" + exact + " send_failures=" + failures);
            return exact && failures == 0 ? 0 : 1;
        } catch (IllegalStateException | UncheckedIOException e) {
            err.println("wordstream bench: " + e.getMessage());
            return 1;
        }
    }

    private static String line(Outcome o) {
        return o.times().line() + String.format(Locale.ROOT, " pause=%.0fs pause_stall=%.1fs exact=%s"
                + " send_failures=%d", seconds(PAUSE), seconds(o.pauseStall()), o.exact(), o.sendFailures());
    }

    private static Outcome drill(Install install, Path work, List<String> options, Duration timeout,
                                 PrintStream err) throws InterruptedException {
        try (FailoverDrill<KraftCluster> drill = FailoverDrill.start(install, work, options, timeout)) {
            for (int node = 1; node <= 3; node++) {
                drill.startTicks(Duration.ofMillis(250));
                Duration recovery = drill.killAndProbe(node, timeout);
                err.printf(Locale.ROOT, "bench: node %d killed, counting resumed after %.1f s%n", node,
                        seconds(recovery));
                drill.restart(node, timeout);
                drill.stopTicks();
            }
            // A slow broker: the leader of the input's first partition stops answering for longer than the
            // clients' timeouts, then goes on. Requests time out and are sent again; no count may change.
            int leader = drill.cluster().topics().leaders(FailoverDrill.INPUT).get(0);
            drill.startTicks(Duration.ofMillis(250));
            KraftCluster cluster = drill.cluster();
            Duration stall = drill.disturbAndProbe("pausing node " + leader, () -> cluster.pause(leader), PAUSE,
                    () -> cluster.resume(leader), timeout);
            err.printf(Locale.ROOT, "bench: node %d paused for %d s, the probe was counted after %.1f s%n", leader,
                    PAUSE.toSeconds(), seconds(stall));
            drill.awaitInSync(timeout);
            drill.stopTicks();
            boolean exact = awaitExact(drill, timeout);
            err.println("bench: every count " + (exact ? "exact" : "NOT exact: " + drill.counts()));
            return new Outcome(RecoveryTimes.now(drill.recoveries()), stall, exact, drill.sendFailures());
        }
    }

    /** Kafka's defaults as a client properties file, readable by its owner only (like any --kafka-config). */
    public static Path kafkaDefaultsFile(Path work) {
        try {
            Files.createDirectories(work);
            Path file = work.resolve("kafka-defaults.properties");
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            StringBuilder text = new StringBuilder("# Kafka's own client defaults, for the 'before' drill\n");
            new TreeMap<>(KAFKA_DEFAULTS).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + work.resolve("kafka-defaults.properties"), e);
        }
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    /** Whether every acknowledged sentence came to be counted exactly once within {@code timeout}. */
    public static boolean awaitExact(FailoverDrill<?> drill, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (exact(drill)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static boolean exact(FailoverDrill<?> drill) {
        if (drill.total(FailoverDrill.TICK) != drill.ticksAcked()
                || drill.total(FailoverDrill.PROBE) != drill.probes()) {
            return false;
        }
        for (int p = 1; p <= drill.probes(); p++) {
            if (drill.total("probe" + p) != 1) {
                return false;
            }
        }
        return true;
    }
}

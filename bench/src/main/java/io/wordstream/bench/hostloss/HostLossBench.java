package io.wordstream.bench.hostloss;

import io.wordstream.bench.SentenceLoad;
import io.wordstream.bench.failover.FailoverBench;
import io.wordstream.bench.failover.FailoverDrill;
import io.wordstream.bench.failover.FailoverRun;
import io.wordstream.bench.failover.RecoveryTimes;
import io.wordstream.console.launch.HostLossTimeouts;
import io.wordstream.console.settings.Install;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code wordstream bench --failover}'s host-loss drill: wordstream on three hosts (network namespaces), each with a
 * Kafka broker and a Spark worker holding one executor of the job, and each host lost in turn by SIGKILL of every
 * process on it while a steady trickle of sentences is counted; then one host cut off before it is killed (a
 * machine that loses power: its peers hear nothing). It prints how long counting stalled after each loss (to the
 * first row of a probe sent right after it), how long the host took to rejoin with a new executor, and whether every
 * count stayed exact. Each run first sends a steady 5,000 sentences/s for 60 s to the healthy cluster and counts
 * executors lost and tasks run again (there must be none). Runs as {@link FailoverBench} does: before (Spark's and
 * Kafka's defaults, given back through the operator's override paths), then after (wordstream's).
 */
public final class HostLossBench {
    static final int HEALTHY_RATE = 5_000;
    static final Duration HEALTHY_TIME = Duration.ofSeconds(60);
    /** The host cut off before it is killed. */
    static final int SILENT_HOST = 1;
    private static final Duration TICK = Duration.ofMillis(250);

    private HostLossBench() {
    }

    /** What the healthy phase saw: sentences sent, executors lost and tasks run again meanwhile, exactness. */
    record Healthy(long sent, SchedulerTally.Counts alarms, boolean exact) {
    }

    /** One run's outcome. */
    record Outcome(RecoveryTimes kills, List<Duration> back, Duration silent, Healthy healthy, boolean exact,
                   long sendFailures) {
        boolean passed() {
            return exact && sendFailures == 0 && healthy.exact() && healthy.alarms().executorsRemoved() == 0
                    && healthy.alarms().tasksRerun() == 0;
        }
    }

    /** @return 0 when counting resumed after every loss, every count is exact and no alarm was false, else 1 */
    public static int run(Install install, Path work, Map<String, String> sparkConf, Duration timeout,
                          Set<FailoverRun> runs, PrintStream out, PrintStream err) throws InterruptedException {
        try {
            Map<FailoverRun, Outcome> outcomes = new EnumMap<>(FailoverRun.class);
            if (runs.contains(FailoverRun.before)) {
                List<String> options = new ArrayList<>(List.of("--kafka-config",
                        FailoverBench.kafkaDefaultsFile(work).toString()));
                Map<String, String> conf = new TreeMap<>(FailoverBench.SPARK_DEFAULTS);
                conf.putAll(HostLossTimeouts.sparkDefaults(HostLossTimeouts.JOB));
                conf.putAll(sparkConf);
                conf.forEach((k, v) -> options.addAll(List.of("--conf", k + "=" + v)));
                String defaults = HostLossTimeouts.javaOptions(
                        HostLossTimeouts.sparkDefaults(HostLossTimeouts.DAEMONS));
                Map<String, String> daemons = Map.of("SPARK_MASTER_OPTS", defaults, "SPARK_WORKER_OPTS", defaults);
                err.println("bench: host loss, before: Spark's and Kafka's defaults, given back through"
                        + " --kafka-config, --conf, SPARK_MASTER_OPTS and SPARK_WORKER_OPTS");
                Outcome b = drill(install, work.resolve("hosts-before"), options, daemons, timeout, err);
                outcomes.put(FailoverRun.before, b);
                out.println("before " + healthyLine(b.healthy()));
                out.println("before " + line(b));
            }
            if (runs.contains(FailoverRun.after)) {
                List<String> options = new ArrayList<>();
                sparkConf.forEach((k, v) -> options.addAll(List.of("--conf", k + "=" + v)));
                err.println("bench: host loss, after: wordstream's settings");
                Outcome a = drill(install, work.resolve("hosts-after"), options, Map.of(), timeout, err);
                outcomes.put(FailoverRun.after, a);
                out.println("after " + healthyLine(a.healthy()));
                out.println("after " + line(a));
            }
            out.println(resultLine(outcomes));
            Outcome a = outcomes.get(FailoverRun.after);
            if (a != null) {
                out.println(healthyResult(a.healthy()));
            }
            return outcomes.values().stream().allMatch(Outcome::passed) ? 0 : 1;
        } catch (IllegalStateException | UncheckedIOException e) {
            err.println("wordstream bench: " + e.getMessage());
            return 1;
        }
    }

    private static Outcome drill(Install install, Path work, List<String> options, Map<String, String> daemonEnv,
                                 Duration timeout, PrintStream err) throws InterruptedException {
        HostCluster cluster = HostCluster.start(install, work.resolve("hosts"), daemonEnv, timeout);
        List<String> all = new ArrayList<>(List.of("--master", cluster.masterUrl(), "--driver-host",
                cluster.driverHost(), "--checkpoint", work.resolve("checkpoint").toString(), "--start-timeout",
                timeout.toSeconds() + "s",
                // A sentence held by a producer until a new leader takes it keeps its send time; lateness is not
                // what this measures.
                "--watermark", "120s",
                // One single-core executor on each host's worker.
                "--conf", "spark.executor.cores=1", "--conf", "spark.executor.memory=512m"));
        all.addAll(options);
        try (FailoverDrill<HostCluster> drill = FailoverDrill.on(cluster, install, work, all, timeout);
             SchedulerTally tally = new SchedulerTally(drill.kafka(), FailoverDrill.METRICS,
                     line -> err.println("bench: " + line))) {
            cluster.awaitApplicationCores(HostCluster.HOSTS, timeout);
            // Also the warm-up of the losses that follow: their figures are a warm pipeline's, in both runs.
            Healthy healthy = healthy(drill, tally, timeout, err);
            List<Duration> back = new ArrayList<>();
            for (int host = 1; host <= HostCluster.HOSTS; host++) {
                drill.startTicks(TICK);
                Duration recovery = drill.killAndProbe(host, timeout);
                err.printf(Locale.ROOT, "bench: %s killed, counting resumed after %.1f s%n", cluster.name(host),
                        seconds(recovery));
                back.add(bringBack(drill, host, timeout, err));
                drill.stopTicks();
            }
            drill.startTicks(TICK);
            Duration silent = drill.disturbAndProbe("cutting " + cluster.name(SILENT_HOST) + " off and killing it",
                    () -> cluster.cutOffAndKill(SILENT_HOST), Duration.ZERO, () -> { }, timeout.multipliedBy(2));
            err.printf(Locale.ROOT, "bench: %s cut off and killed, counting resumed after %.1f s%n",
                    cluster.name(SILENT_HOST), seconds(silent));
            bringBack(drill, SILENT_HOST, timeout, err);
            drill.stopTicks();
            boolean exact = FailoverBench.awaitExact(drill, timeout);
            err.println("bench: every count " + (exact ? "exact" : "NOT exact: " + drill.counts()));
            return new Outcome(RecoveryTimes.now(drill.recoveries()), back, silent, healthy, exact,
                    drill.sendFailures());
        }
    }

    /** Starts the host's roles again; returns the time until its worker serves a new executor of the job. */
    private static Duration bringBack(FailoverDrill<HostCluster> drill, int host, Duration timeout, PrintStream err)
            throws InterruptedException {
        long since = System.nanoTime();
        drill.restart(host, timeout);
        drill.cluster().awaitApplicationCores(HostCluster.HOSTS, timeout);
        Duration back = Duration.ofNanos(System.nanoTime() - since);
        err.printf(Locale.ROOT, "bench: %s back, with a new executor, after %.1f s%n", drill.cluster().name(host),
                seconds(back));
        return back;
    }

    /** A steady 5,000 sentences/s for 60 s on the healthy cluster: no executor may be lost, no task run again. */
    private static Healthy healthy(FailoverDrill<HostCluster> drill, SchedulerTally tally, Duration timeout,
                                   PrintStream err) throws InterruptedException {
        err.printf(Locale.ROOT, "bench: a healthy cluster under %,d sentences/s for %d s%n", HEALTHY_RATE,
                HEALTHY_TIME.toSeconds());
        SchedulerTally.Counts before = tally.counts();
        long sent;
        long failed;
        try (SentenceLoad load = new SentenceLoad(drill.kafka(), FailoverDrill.INPUT, SentenceLoad.Shape.BURST)) {
            sent = SteadyStream.send(load, HEALTHY_RATE, HEALTHY_TIME);
            failed = load.failed();
        }
        long acked = sent - failed;
        long deadline = System.nanoTime() + timeout.multipliedBy(2).toNanos();
        while (drill.total(SteadyStream.MARK) != acked && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        boolean exact = failed == 0 && drill.total(SteadyStream.MARK) == acked;
        SchedulerTally.Counts alarms = tally.counts().minus(before);
        err.printf(Locale.ROOT, "bench: %,d sentences sent, %,d counted; %d executors lost, %d tasks run again%n",
                sent, drill.total(SteadyStream.MARK), alarms.executorsRemoved(), alarms.tasksRerun());
        return new Healthy(sent, alarms, exact);
    }

    static String line(Outcome o) {
        String back = o.back().stream().map(d -> String.format(Locale.ROOT, "%.1f", seconds(d)))
                .collect(Collectors.joining(","));
        return o.kills().line("hostloss") + String.format(Locale.ROOT, " silent=%.1fs back=%s exact=%s"
                + " send_failures=%d", seconds(o.silent()), back, o.exact(), o.sendFailures());
    }

    static String healthyLine(Healthy h) {
        return String.format(Locale.ROOT, "healthy rate=%d/s time=%ds sent=%d executors_removed=%d tasks_rerun=%d"
                + " exact=%s", HEALTHY_RATE, HEALTHY_TIME.toSeconds(), h.sent(), h.alarms().executorsRemoved(),
                h.alarms().tasksRerun(), h.exact());
    }

    static String resultLine(Map<FailoverRun, Outcome> outcomes) {
        StringBuilder r = new StringBuilder("RESULT");
        Outcome a = outcomes.get(FailoverRun.after);
        if (a != null) {
            r.append(String.format(Locale.ROOT, " hostloss_median_s=%.1f hostloss_worst_s=%.1f hostloss_silent_s=%.1f",
                    seconds(a.kills().median()), seconds(a.kills().worst()), seconds(a.silent())));
        }
        Outcome b = outcomes.get(FailoverRun.before);
        if (b != null) {
            r.append(String.format(Locale.ROOT, " hostloss_before_median_s=%.1f hostloss_before_worst_s=%.1f"
                            + " hostloss_before_silent_s=%.1f", seconds(b.kills().median()),
                    seconds(b.kills().worst()), seconds(b.silent())));
        }
        boolean exact = outcomes.values().stream().allMatch(Outcome::exact);
        long failures = outcomes.values().stream().mapToLong(Outcome::sendFailures).sum();
        return r + " exact=" + exact + " send_failures=" + failures;
    }

    static String healthyResult(Healthy h) {
        return String.format(Locale.ROOT, "RESULT healthy_sps=%d healthy_s=%d healthy_executors_removed=%d"
                        + " healthy_tasks_rerun=%d healthy_exact=%s", HEALTHY_RATE, HEALTHY_TIME.toSeconds(),
                h.alarms().executorsRemoved(), h.alarms().tasksRerun(), h.exact());
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}

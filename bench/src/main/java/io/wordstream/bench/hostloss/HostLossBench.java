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
    /**
     * How long the trickle goes on after a host is back before the next loss: its new executor takes tasks and
     * warms up, so that each loss starts from a working cluster rather than from one still busy with the last.
     */
    private static final Duration SETTLE = Duration.ofSeconds(20);

    private HostLossBench() {
    }

    /**
     * What the healthy phase saw: sentences sent, executors lost and tasks run again meanwhile, partitions whose
     * leader moved (a broker fenced by mistake), exactness.
     */
    record Healthy(long sent, SchedulerTally.Counts alarms, int leadersMoved, boolean exact) {
    }

    /** One run's outcome. */
    record Outcome(RecoveryTimes kills, List<Duration> back, Duration silent, Healthy healthy, boolean exact,
                   long sendFailures) {
        boolean passed() {
            return exact && sendFailures == 0 && healthy.exact() && healthy.alarms().executorsRemoved() == 0
                    && healthy.alarms().tasksRerun() == 0 && healthy.leadersMoved() == 0;
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
                        + " --kafka-config, --conf, SPARK_MASTER_OPTS, SPARK_WORKER_OPTS and the brokers'"
                        + " --session-timeout");
                List<String> brokers = List.of("--session-timeout", HostLossTimeouts.KAFKA_BROKER_SESSION_TIMEOUT);
                Outcome b = drill(install, work.resolve("hosts-before"), options, daemons, brokers, timeout, err);
                outcomes.put(FailoverRun.before, b);
                out.println("before " + healthyLine(b.healthy()));
                out.println("before " + line(b));
            }
            if (runs.contains(FailoverRun.after)) {
                List<String> options = new ArrayList<>();
                sparkConf.forEach((k, v) -> options.addAll(List.of("--conf", k + "=" + v)));
                err.println("bench: host loss, after: wordstream's settings");
                Outcome a = drill(install, work.resolve("hosts-after"), options, Map.of(), List.of(), timeout, err);
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
                                 List<String> brokerOptions, Duration timeout, PrintStream err)
            throws InterruptedException {
        HostCluster cluster = HostCluster.start(install, work.resolve("hosts"), daemonEnv, brokerOptions, timeout);
        List<String> all = new ArrayList<>(List.of("--master", cluster.masterUrl(), "--driver-host",
                cluster.driverHost(), "--checkpoint", work.resolve("checkpoint").toString(), "--start-timeout",
                timeout.toSeconds() + "s",
                // A sentence held by a producer until a new leader takes it keeps its send time; lateness is not
                // what this measures.
                "--watermark", "120s",
                // One single-core executor on each host's worker.
                "--conf", "spark.executor.cores=1", "--conf", "spark.executor.memory=512m",
                // The drill measures the plain cluster; off loopback that is asked for by name.
                "--insecure"));
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
                back.add(bringBack(drill, tally, host, timeout, err));
                Thread.sleep(SETTLE.toMillis());
                drill.stopTicks();
            }
            drill.startTicks(TICK);
            Duration silent = drill.disturbAndProbe("cutting " + cluster.name(SILENT_HOST) + " off and killing it",
                    () -> cluster.cutOffAndKill(SILENT_HOST), Duration.ZERO, () -> { }, timeout.multipliedBy(2));
            err.printf(Locale.ROOT, "bench: %s cut off and killed, counting resumed after %.1f s%n",
                    cluster.name(SILENT_HOST), seconds(silent));
            bringBack(drill, tally, SILENT_HOST, timeout, err);
            drill.stopTicks();
            boolean exact = FailoverBench.awaitExact(drill, timeout);
            err.println("bench: every count " + (exact ? "exact" : "NOT exact: " + drill.counts()));
            return new Outcome(RecoveryTimes.now(drill.recoveries()), back, silent, healthy, exact,
                    drill.sendFailures());
        }
    }

    /**
     * Starts the host's roles again; returns the time until the job has a new executor there: the master gave it
     * one and the driver registered it (the master counts an executor before it has even started).
     */
    private static Duration bringBack(FailoverDrill<HostCluster> drill, SchedulerTally tally, int host,
                                      Duration timeout, PrintStream err) throws InterruptedException {
        long since = System.nanoTime();
        int added = tally.executorsAdded();
        drill.restart(host, timeout);
        drill.cluster().awaitApplicationCores(HostCluster.HOSTS, timeout);
        String address = drill.cluster().address(host);
        while (!tally.executorAddedOn(address, added)) {
            if (System.nanoTime() - since > timeout.toNanos()) {
                throw new IllegalStateException("the job registered no new executor on " + drill.cluster().name(host)
                        + " within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
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
        Map<String, Map<Integer, Integer>> leaders = leaders(drill);
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
        Map<String, Map<Integer, Integer>> after = leaders(drill);
        int moved = 0;
        for (String topic : leaders.keySet()) {
            for (Map.Entry<Integer, Integer> p : leaders.get(topic).entrySet()) {
                moved += p.getValue().equals(after.get(topic).get(p.getKey())) ? 0 : 1;
            }
        }
        err.printf(Locale.ROOT, "bench: %,d sentences sent, %,d counted; %d executors lost, %d tasks run again,"
                + " %d partition leaders moved%n", sent, drill.total(SteadyStream.MARK), alarms.executorsRemoved(),
                alarms.tasksRerun(), moved);
        return new Healthy(sent, alarms, moved, exact);
    }

    /** Each partition's leader, by topic, of the topics the job reads and writes. */
    private static Map<String, Map<Integer, Integer>> leaders(FailoverDrill<HostCluster> drill) {
        Map<String, Map<Integer, Integer>> leaders = new TreeMap<>();
        for (String topic : List.of(FailoverDrill.INPUT, FailoverDrill.RESULTS)) {
            leaders.put(topic, drill.cluster().topics().leaders(topic));
        }
        return leaders;
    }

    static String line(Outcome o) {
        String back = o.back().stream().map(d -> String.format(Locale.ROOT, "%.1f", seconds(d)))
                .collect(Collectors.joining(","));
        return o.kills().line("hostloss") + String.format(Locale.ROOT, " silent=%.1fs back=%s exact=%s"
                + " send_failures=%d", seconds(o.silent()), back, o.exact(), o.sendFailures());
    }

    static String healthyLine(Healthy h) {
        return String.format(Locale.ROOT, "healthy rate=%d/s time=%ds sent=%d executors_removed=%d tasks_rerun=%d"
                + " leaders_moved=%d exact=%s", HEALTHY_RATE, HEALTHY_TIME.toSeconds(), h.sent(),
                h.alarms().executorsRemoved(), h.alarms().tasksRerun(), h.leadersMoved(), h.exact());
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
                        + " healthy_tasks_rerun=%d healthy_leaders_moved=%d healthy_exact=%s", HEALTHY_RATE,
                HEALTHY_TIME.toSeconds(), h.alarms().executorsRemoved(), h.alarms().tasksRerun(), h.leadersMoved(),
                h.exact());
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}

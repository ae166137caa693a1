package io.wordstream.bench.failover;

import io.wordstream.console.kafka.SentenceSender;
import io.wordstream.console.kafka.TopicFeed;
import io.wordstream.console.model.ResultRow;
import io.wordstream.console.settings.Install;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * wordstream counting on a three-broker Kafka cluster while its parts are killed one at a time (a Kafka node, or a
 * whole host with its broker and Spark worker): the cluster, the topics (three replicas, two in sync for a write),
 * {@code wordstream run --bootstrap-server A,B,C} as a process, a steady trickle of sentences, and a reader of the
 * results that notes when each row first arrives. It measures how long counting stalls after a SIGKILL: from the
 * kill to the first row of a probe sentence sent right after it.
 *
 * @param <C> the cluster, which the drill closes
 */
public final class FailoverDrill<C extends DrillCluster> implements AutoCloseable {
    public static final String INPUT = "sentences";
    public static final String RESULTS = "wordcounts";
    public static final String METRICS = "wordstream-metrics";
    /** The word of the steady sentences. */
    public static final String TICK = "tick";
    /** A word every probe sentence carries, beside one of its own. */
    public static final String PROBE = "failover";

    private final C cluster;
    private final Path work;
    private final WordstreamProcess run;
    private final TopicFeed results;
    private final SentenceSender sender;
    private final Map<String, Long> latest = new ConcurrentHashMap<>();
    private final Map<String, Long> firstSeenNanos = new ConcurrentHashMap<>();
    private final AtomicLong ticksAcked = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();
    private final List<Duration> recoveries = new ArrayList<>();
    private volatile Thread ticker;
    private volatile boolean ticking;
    private int probes;

    private FailoverDrill(C cluster, Path work, WordstreamProcess run) {
        this.cluster = cluster;
        this.work = work;
        this.run = run;
        this.sender = new SentenceSender(kafka(), INPUT);
        this.results = TopicFeed.start(kafka(), RESULTS, TopicFeed.From.BEGINNING, records -> {
            long now = System.nanoTime();
            records.forEach(r -> ResultRow.parse(r.value()).ifPresent(row -> {
                String key = row.windowStart() + " " + row.dimension() + " " + row.key();
                latest.put(key, row.count());
                firstSeenNanos.putIfAbsent(row.dimension() + " " + row.key(), now);
            }));
        });
    }

    /**
     * Starts a three-node cluster under {@code work}, creates the topics and starts {@code wordstream run} against
     * it with {@code runOptions}, returning once run has printed its ready line; each of the cluster and run gets
     * {@code readyTimeout}.
     */
    public static FailoverDrill<KraftCluster> start(Install install, Path work, List<String> runOptions,
                                                    Duration readyTimeout) {
        return on(KraftCluster.start(install, work.resolve("kafka"), 3, readyTimeout), install, work, runOptions,
                readyTimeout);
    }

    /**
     * Creates the topics on {@code cluster}, already started, and starts {@code wordstream run} against it with
     * {@code runOptions}, returning once run has printed its ready line within {@code readyTimeout}. The drill
     * closes the cluster, also when this fails.
     */
    public static <C extends DrillCluster> FailoverDrill<C> on(C cluster, Install install, Path work,
                                                               List<String> runOptions, Duration readyTimeout) {
        WordstreamProcess run = null;
        try {
            KafkaTopics topics = cluster.topics();
            topics.create(INPUT, 2, Map.of());
            topics.create(RESULTS, 1, Map.of("cleanup.policy", "compact"));
            topics.create(METRICS, 1, Map.of());
            List<String> args = new ArrayList<>(List.of("run", "--bootstrap-server", cluster.bootstrap(),
                    "--data-dir", work.resolve("run").toString()));
            args.addAll(runOptions);
            Files.createDirectories(work.resolve("run"));
            run = WordstreamProcess.start("wordstream run", install, List.of(), args, Map.of(),
                    work.resolve("run.err"));
            run.awaitReady(readyTimeout);
            return new FailoverDrill<>(cluster, work, run);
        } catch (IOException e) {
            stop(run);
            cluster.close();
            throw new UncheckedIOException("cannot prepare " + work.resolve("run"), e);
        } catch (RuntimeException e) {
            stop(run);
            cluster.close();
            throw e;
        }
    }

    public C cluster() {
        return cluster;
    }

    /** Client settings for the drill's cluster. */
    public Properties kafka() {
        Properties p = new Properties();
        p.put("bootstrap.servers", cluster.bootstrap());
        return p;
    }

    /** Starts sending one {@value #TICK} sentence every {@code every}, each counted once acknowledged. */
    public synchronized void startTicks(Duration every) {
        ticking = true;
        ticker = new Thread(() -> {
            while (ticking) {
                // The callback counts the outcome; nothing waits on the future itself.
                var unused = sender.send(TICK).whenComplete((meta, error) -> {
                    if (error == null) {
                        ticksAcked.incrementAndGet();
                    } else {
                        sendFailures.incrementAndGet();
                    }
                });
                try {
                    Thread.sleep(every.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "drill-ticks");
        ticker.setDaemon(true);
        ticker.start();
    }

    /** Stops the ticks and returns once every tick sent has been acknowledged or has failed. */
    public synchronized void stopTicks() throws InterruptedException {
        ticking = false;
        if (ticker != null) {
            ticker.join();
        }
        sender.flush();
    }

    /**
     * Kills part {@code id} of the cluster, sends a probe sentence with a word of its own, and returns the time from
     * the kill to the probe's first result row; it is among {@link #recoveries}.
     *
     * @throws IllegalStateException when no row came within {@code deadline}
     */
    public Duration killAndProbe(int id, Duration deadline) throws InterruptedException {
        Duration recovery = disturbAndProbe("killing " + cluster.name(id), () -> cluster.kill(id), Duration.ZERO,
                () -> { }, deadline);
        recoveries.add(recovery);
        return recovery;
    }

    /**
     * Disturbs the cluster ({@code disturb}: a kill, a pause, a host cut off), sends a probe sentence with a word of
     * its own right after, lets the disturbance last {@code hold}, ends it ({@code settle}, also on failure), and
     * returns, once the probe is counted, the time from the disturbance to the probe's first result row.
     *
     * @param what the disturbance in words, for a failure message ("pausing node 2")
     * @throws IllegalStateException when no row came within {@code deadline}
     */
    public Duration disturbAndProbe(String what, Runnable disturb, Duration hold, Runnable settle,
                                    Duration deadline) throws InterruptedException {
        long since = System.nanoTime();
        disturb.run();
        boolean settled = false;
        try {
            String key = sendProbe();
            if (!hold.isZero()) {
                // The disturbance is the drill's subject, not a wait for something: it lasts as long as asked.
                Thread.sleep(hold.toMillis());
            }
            settle.run();
            settled = true;
            awaitRow(key, since, what, deadline);
            return Duration.ofNanos(firstSeenNanos.get(key) - since);
        } finally {
            if (!settled) {
                settle.run();
            }
        }
    }

    /** Sends the next probe sentence; returns the key of its word's first row. */
    private String sendProbe() {
        probes++;
        String word = "probe" + probes;
        // The callback counts a failed probe; its count is awaited elsewhere, not the future.
        var unused = sender.send(word + " " + PROBE).whenComplete((meta, error) -> {
            if (error != null) {
                sendFailures.incrementAndGet();
            }
        });
        return "word " + word;
    }

    private void awaitRow(String key, long since, String what, Duration deadline) throws InterruptedException {
        while (!firstSeenNanos.containsKey(key)) {
            if (System.nanoTime() - since > deadline.toNanos()) {
                throw new IllegalStateException("the probe sent after " + what + " was not counted within "
                        + deadline.toSeconds() + " s; see " + work.resolve("run").resolve("logs"));
            }
            Thread.sleep(20);
        }
    }

    /** Starts part {@code id} again and returns once every replica of the drill's topics is back in sync. */
    public void restart(int id, Duration timeout) {
        cluster.start(id);
        awaitInSync(timeout);
    }

    /** Returns once every replica of the drill's topics is in sync (after a node came back or went on). */
    public void awaitInSync(Duration timeout) {
        cluster.topics().awaitFullIsr(List.of(INPUT, RESULTS, METRICS), timeout);
    }

    /** The latest count of each (window, dimension, key), keyed {@code "windowStart dimension key"}. */
    public Map<String, Long> counts() {
        return new TreeMap<>(latest);
    }

    /** A word's count over every window, from the latest value of each row. */
    public long total(String word) {
        return latest.entrySet().stream().filter(e -> e.getKey().endsWith(" word " + word))
                .mapToLong(Map.Entry::getValue).sum();
    }

    public long ticksAcked() {
        return ticksAcked.get();
    }

    public int probes() {
        return probes;
    }

    public long sendFailures() {
        return sendFailures.get();
    }

    /** Every recovery measured so far, in order. */
    public List<Duration> recoveries() {
        return List.copyOf(recoveries);
    }

    /** Whether run still runs. */
    public boolean runAlive() {
        return run.alive();
    }

    /** The run's standard error so far. */
    public String runOutput() {
        return run.lastLines(Integer.MAX_VALUE);
    }

    private static void stop(WordstreamProcess p) {
        if (p != null) {
            // SIGTERM: run stops its job; what it started goes with it.
            p.stop(Duration.ofSeconds(60));
        }
    }

    /** Stops run, the reader, the sender and the cluster, in that order. */
    @Override
    public void close() {
        ticking = false;
        stop(run);
        results.close();
        sender.close();
        cluster.close();
    }
}

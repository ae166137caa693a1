package io.wordstream.bench.failover;

import io.wordstream.console.kafka.SentenceSender;
import io.wordstream.console.kafka.TopicFeed;
import io.wordstream.console.launch.ChildProcesses;
import io.wordstream.console.model.ResultRow;
import io.wordstream.console.settings.Install;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * wordstream counting on a three-node Kafka cluster while its nodes are killed one at a time: the cluster, the
 * topics (three replicas, two in sync for a write), {@code wordstream run --bootstrap-server A,B,C} as a process,
 * a steady trickle of sentences, and a reader of the results that notes when each row first arrives. It measures
 * how long counting stalls after a SIGKILL: from the kill to the first row of a probe sentence sent right after it.
 */
public final class FailoverDrill implements AutoCloseable {
    public static final String INPUT = "sentences";
    public static final String RESULTS = "wordcounts";
    public static final String METRICS = "wordstream-metrics";
    /** The word of the steady sentences. */
    public static final String TICK = "tick";
    /** A word every probe sentence carries, beside one of its own. */
    public static final String PROBE = "failover";

    private final KraftCluster cluster;
    private final Path work;
    private final Process run;
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

    private FailoverDrill(KraftCluster cluster, Path work, Process run) {
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
    public static FailoverDrill start(Install install, Path work, List<String> runOptions, Duration readyTimeout) {
        KraftCluster cluster = KraftCluster.start(install, work.resolve("kafka"), 3, readyTimeout);
        Process run = null;
        try {
            cluster.createTopic(INPUT, 2, Map.of());
            cluster.createTopic(RESULTS, 1, Map.of("cleanup.policy", "compact"));
            cluster.createTopic(METRICS, 1, Map.of());
            List<String> command = new ArrayList<>(List.of(install.home().resolve("wordstream").toString(), "run",
                    "--bootstrap-server", cluster.bootstrap(), "--data-dir", work.resolve("run").toString()));
            command.addAll(runOptions);
            Files.createDirectories(work.resolve("run"));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve("run.err").toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().put("WORDSTREAM_NO_BUILD", "1");
            run = pb.start();
            awaitReadyLine(run, readyTimeout, work.resolve("run.err"));
            return new FailoverDrill(cluster, work, run);
        } catch (IOException e) {
            stop(run);
            cluster.close();
            throw new UncheckedIOException("cannot start wordstream run", e);
        } catch (RuntimeException e) {
            stop(run);
            cluster.close();
            throw e;
        }
    }

    private static void awaitReadyLine(Process run, Duration timeout, Path err) {
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(run.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("ready ")) {
                        ready.complete(line);
                    }
                }
            } catch (IOException e) {
                // run ended: said below
            }
            ready.completeExceptionally(new IllegalStateException("wordstream run ended before it was ready"));
        }, "drill-run-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("wordstream run was not ready within " + timeout.toSeconds() + " s: "
                    + lastLines(err, 5), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public KraftCluster cluster() {
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
     * Kills node {@code id}, sends a probe sentence with a word of its own, and returns the time from the kill to
     * the probe's first result row.
     *
     * @throws IllegalStateException when no row came within {@code deadline}
     */
    public Duration killAndProbe(int id, Duration deadline) throws InterruptedException {
        long killedAt = System.nanoTime();
        cluster.kill(id);
        String key = sendProbe();
        awaitRow(key, killedAt, "killing node " + id, deadline);
        Duration recovery = Duration.ofNanos(firstSeenNanos.get(key) - killedAt);
        recoveries.add(recovery);
        return recovery;
    }

    /**
     * Pauses node {@code id} (SIGSTOP) for {@code pause}, longer than the clients' timeouts, with a probe sentence
     * sent right after the pause began, then lets the node go on (SIGCONT): a slow broker, not a lost one. Returns,
     * once the pause is over and the probe counted, the time from the pause to the probe's first result row.
     *
     * @throws IllegalStateException when no row came within {@code deadline}
     */
    public Duration pauseAndProbe(int id, Duration pause, Duration deadline) throws InterruptedException {
        long pausedAt = System.nanoTime();
        cluster.pause(id);
        try {
            String key = sendProbe();
            // The pause is the drill's subject, not a wait for something: it lasts as long as asked.
            Thread.sleep(pause.toMillis());
            cluster.resume(id);
            awaitRow(key, pausedAt, "pausing node " + id, deadline);
            return Duration.ofNanos(firstSeenNanos.get(key) - pausedAt);
        } finally {
            cluster.resume(id);
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

    /** Starts node {@code id} again and returns once every replica of the drill's topics is back in sync. */
    public void restart(int id, Duration timeout) {
        cluster.startNode(id);
        awaitInSync(timeout);
    }

    /** Returns once every replica of the drill's topics is in sync (after a node came back or went on). */
    public void awaitInSync(Duration timeout) {
        cluster.awaitFullIsr(List.of(INPUT, RESULTS, METRICS), timeout);
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
        return run.isAlive();
    }

    /** The run's standard error so far. */
    public String runOutput() {
        return lastLines(work.resolve("run.err"), Integer.MAX_VALUE);
    }

    private static String lastLines(Path file, int n) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static void stop(Process p) {
        if (p != null) {
            // SIGTERM: run stops its job; what it started goes with it.
            List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
            ChildProcesses.stop(p.toHandle(), Duration.ofSeconds(60));
            tree.forEach(d -> ChildProcesses.stop(d, Duration.ofSeconds(10)));
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

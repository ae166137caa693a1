package io.wordstream.console.launch;

import io.wordstream.common.JobConfig;
import io.wordstream.console.UserError;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.kafka.TopicAdmin;
import io.wordstream.console.kafka.TopicFeed;
import io.wordstream.console.model.JobEvent;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.spark.launcher.SparkAppHandle;

/**
 * The whole pipeline of one console: the data dir lock, the broker (embedded, unless an external one is given), the
 * topics, and the Spark job; started in that order, stopped in the reverse order, each by its handle.
 *
 * <p>Call {@link #start} and {@link #restartJob} on a thread that lives until {@link #close} has returned: the
 * children get SIGTERM when the thread that started them ends (they are started with a parent-death signal, which
 * Linux ties to the starting thread, not to the process).
 */
public final class Pipeline implements AutoCloseable {
    /** What the pipeline reports while it starts and runs; called from several threads. */
    public interface Listener {
        /** A step of start-up or shutdown, in words. */
        void step(String message);

        /** The Spark application's state as SparkLauncher reports it. */
        default void jobState(SparkAppHandle.State state, String appId) {
        }

        /** A record of the metrics topic that belongs to this pipeline's job. */
        default void jobEvent(JobEvent event) {
        }

        /** Kafka answers and the topics exist: readers of the results topic can start. */
        default void kafkaReady() {
        }
    }

    /** Why {@link #awaitEnd} returned. */
    public enum End { STOP_REQUESTED, JOB_ENDED, BROKER_ENDED }

    private static final Duration BROKER_START = Duration.ofSeconds(60);
    private static final Duration KAFKA_REACH = Duration.ofSeconds(5);
    private static final Duration TOPIC_DELETION = Duration.ofSeconds(30);
    private static final Duration KAFKA_CHECK = Duration.ofSeconds(2);
    private static final Duration KAFKA_REACH_CHECK = Duration.ofMillis(1500);
    private static final Duration LAST_WORD_WAIT = Duration.ofSeconds(3);

    private static final Duration CLUSTER_START = Duration.ofSeconds(90);

    /** What the pipeline runs with; a local cluster's master URL and a served socket are filled in at start. */
    private volatile Settings settings;
    private final Install install;
    private final Listener listener;
    /** Completed by the first batch of the job launched last; replaced at each launch. */
    private volatile CompletableFuture<JobEvent> firstBatch = new CompletableFuture<>();
    /** Counts launches, so the state reports of a job replaced by a restart are not taken for the new one's. */
    private volatile int launches;
    private volatile Duration jobStartTimeout = Duration.ofSeconds(180);
    /** Applications a restart replaced: their late metrics must not pass for the new job's. */
    private final java.util.Set<String> retiredApps = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final long startNanos = System.nanoTime();
    private volatile JobEvent lastEnd;
    private volatile boolean stopping;
    private boolean reset;
    private TopicAdmin kafkaWatch;
    private boolean kafkaUp = true;

    private DataDirLock lock;
    // Replaced by a relaunch on the lifecycle thread, read by the console's watch thread.
    private volatile BrokerProcess broker;
    private LocalCluster cluster;
    private LineServer lineServer;
    private TopicFeed metrics;
    private volatile SparkJob job;

    private Pipeline(Settings settings, Install install, Listener listener) {
        this.settings = settings;
        this.install = install;
        this.listener = listener;
    }

    /**
     * Starts everything and returns once the job has completed its first micro-batch.
     *
     * @throws UserError naming what failed; whatever had started is stopped again
     */
    public static Pipeline start(Settings settings, Install install, Listener listener, Duration jobStartTimeout) {
        Pipeline p = create(settings, install, listener);
        p.start(jobStartTimeout);
        return p;
    }

    /**
     * A pipeline not started yet: a caller that starts it on a thread of its own keeps a handle to {@link #close}
     * it while it starts (the terminal UI, when the operator quits during start-up).
     */
    public static Pipeline create(Settings settings, Install install, Listener listener) {
        return new Pipeline(settings, install, listener);
    }

    /**
     * Makes {@link #start} delete the checkpoint and the results topic first, so the job counts every retained
     * input sentence again under the current settings. The operator must have confirmed it.
     */
    public Pipeline resetFirst() {
        this.reset = true;
        return this;
    }

    /**
     * Starts everything and returns once the job has completed its first micro-batch.
     *
     * @throws UserError naming what failed, or that {@link #close} was called meanwhile; whatever had started is
     *                   stopped again
     */
    public void start(Duration jobStartTimeout) {
        this.jobStartTimeout = jobStartTimeout;
        try {
            startAll(jobStartTimeout);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Runs one start-up step that starts a process, unless {@link #close} has begun: then nothing more starts. */
    private synchronized void unlessStopping(Runnable step) {
        if (stopping) {
            throw new UserError("stopped while starting");
        }
        step.run();
    }

    private void startAll(Duration jobStartTimeout) {
        unlessStopping(() -> lock = DataDirLock.acquire(settings.dataDir()));
        boolean keepsCheckpoint = settings.source() == JobConfig.Source.KAFKA;
        if (keepsCheckpoint && !reset) {
            requireCheckpointFits();
        }
        Properties kafka = KafkaClients.base(settings);
        // Checks that can fail on the operator's input come before the first progress line, so such a failure
        // is the only line printed.
        if (settings.embeddedBroker()) {
            unlessStopping(() -> broker = BrokerProcess.start(settings, install));
            listener.step("starting the Kafka broker on " + settings.bootstrap() + " (log: " + broker.log() + ")");
        }
        // A reset deletes the results topic once Kafka is up: a job started before that would write to the old one.
        if (broker != null && settings.localCluster() == 0 && settings.source() == JobConfig.Source.KAFKA && !reset) {
            // The driver boots while the broker does (the job waits for its topics before its query starts):
            // start-up takes the longer of the two, not their sum.
            unlessStopping(this::launchJob);
        }
        if (settings.localCluster() > 0) {
            // Started beside the broker: the JVMs boot in parallel.
            unlessStopping(() -> cluster = LocalCluster.start(settings, install));
            listener.step("starting a Spark standalone master and " + settings.localCluster() + " worker"
                    + (settings.localCluster() == 1 ? "" : "s") + " on " + Settings.LOOPBACK + " (logs: "
                    + settings.logDir().resolve("spark-*.log") + ")");
        }
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            if (broker != null) {
                broker.awaitReady(admin, BROKER_START);
            } else {
                admin.requireReachable(KAFKA_REACH);
            }
            listener.step("Kafka is ready at " + settings.bootstrap() + " (" + elapsed() + ")");
            if (reset && keepsCheckpoint) {
                // The topic first: should its deletion fail, the checkpoint is still there to refuse a start
                // without --reset, instead of new counts landing among the old ones.
                if (admin.deleteTopic(settings.resultsTopic(), TOPIC_DELETION)) {
                    listener.step("deleted the results topic " + settings.resultsTopic());
                }
                deleteCheckpoint();
            }
            List<String> created = admin.ensureTopics(topics(), topicConfigs());
            if (!created.isEmpty()) {
                listener.step("created topics " + String.join(", ", created));
            }
        }
        listener.kafkaReady();
        if (cluster != null) {
            cluster.awaitReady(CLUSTER_START);
            settings = settings.withMaster(cluster.masterUrl());
            listener.step("Spark master " + cluster.masterUrl() + " is ready with " + cluster.workers() + " workers"
                    + " (web UI " + cluster.webUi() + ", " + elapsed() + ")");
        }
        if (settings.source() == JobConfig.Source.SOCKET) {
            unlessStopping(this::prepareSocketSource);
        }
        if (job == null) {
            unlessStopping(this::launchJob);
        }
        unlessStopping(() -> metrics = TopicFeed.start(kafka, settings.metricsTopic(), TopicFeed.From.END,
                this::onMetrics));
        awaitFirstBatch(jobStartTimeout);
        awaitRunning(Duration.ofSeconds(30));
        listener.step("the job completed its first micro-batch (" + elapsed() + ")");
        if (keepsCheckpoint) {
            CheckpointSettings.of(settings).write(settings.dataDir());
        }
        if (cluster != null) {
            int executors = awaitExecutors();
            listener.step("the job runs on " + executors + " executor" + (executors == 1 ? "" : "s") + " of "
                    + cluster.masterUrl() + " (web UI " + cluster.webUi() + ")");
        }
    }

    /**
     * Refuses to resume a checkpoint made with other counting settings: Spark would carry on without a word and
     * mix the two in the same windows.
     */
    private void requireCheckpointFits() {
        Path checkpoint = settings.checkpointDir();
        CheckpointSettings.recorded(settings.dataDir(), checkpoint)
                .flatMap(recorded -> recorded.firstDifference(CheckpointSettings.of(settings)))
                .ifPresent(difference -> {
                    throw new UserError("the checkpoint in " + checkpoint + " was made with " + difference
                            + ": start with those settings to keep counting where it stopped, or add --reset to"
                            + " count again from the start (it asks before deleting anything)");
                });
    }

    private void deleteCheckpoint() {
        Path checkpoint = settings.checkpointDir();
        if (Files.exists(checkpoint)) {
            Scratch.deleteTree(checkpoint);
            listener.step("deleted the checkpoint " + checkpoint);
        }
        try {
            Files.deleteIfExists(settings.dataDir().resolve(CheckpointSettings.FILE));
        } catch (IOException e) {
            throw new UserError("cannot delete " + settings.dataDir().resolve(CheckpointSettings.FILE) + ": "
                    + e.getMessage());
        }
    }

    private void launchJob() {
        listener.step("launching the Spark job on " + settings.master() + " (log: "
                + settings.logDir().resolve("job.log") + ")");
        int launch = ++launches;
        job = SparkJob.launch(settings, install, h -> {
            if (launch == launches) {
                onJobState(h);
            }
        });
    }

    /**
     * Stops the job and launches it again from its checkpoint, returning once the new job has completed a batch:
     * what the operator asks for when a job has failed or seems stuck.
     *
     * @throws UserError when the new job does not start, or the pipeline is closed meanwhile
     */
    public void restartJob(Duration jobStartTimeout) {
        SparkJob old = job;
        if (old != null) {
            listener.step("stopping the Spark job");
            old.stop(Duration.ofSeconds(30));
            if (old.appId() != null) {
                retiredApps.add(old.appId());
            }
        }
        unlessStopping(() -> {
            firstBatch = new CompletableFuture<>();
            lastEnd = null;
            launchJob();
        });
        awaitFirstBatch(jobStartTimeout);
        awaitRunning(Duration.ofSeconds(30));
        listener.step("the job completed its first micro-batch (" + job.appId() + ")");
    }

    /**
     * After the job ended by itself (its driver crashed or was killed): relaunches it from its checkpoint, pausing
     * as {@code policy} says between attempts, until it runs again, the policy gives up, or {@code stop} is counted
     * down. Call it on the thread that started the pipeline (see the class comment).
     *
     * @return true when the job runs again
     */
    public boolean relaunchAfterFailure(RelaunchPolicy policy, CountDownLatch stop) throws InterruptedException {
        listener.step("the Spark job ended (" + job.state() + "): " + failureReason());
        return retry(policy, stop, new RetryWording("the job ended %d times in a row: not relaunching it again",
                        "relaunching the job from its checkpoint in %d s (attempt %d of %d)", "the relaunch failed: "),
                () -> restartJob(jobStartTimeout));
    }

    /**
     * After the embedded broker exited while the pipeline ran: starts it again on the same port and data, pausing
     * as {@code policy} says between attempts, until it answers, the policy gives up, or {@code stop} is counted
     * down. Meanwhile producers hold and retry what is sent, and the job waits for Kafka or is relaunched by the
     * job's own policy. Call it on the thread that started the pipeline (see the class comment).
     *
     * @return true when the broker runs again
     */
    public boolean relaunchBrokerAfterExit(RelaunchPolicy policy, CountDownLatch stop) throws InterruptedException {
        BrokerProcess ended = broker;
        if (ended.alive()) {
            return true;
        }
        listener.step("the Kafka broker exited (" + ended.exitSummary() + ")");
        ended.close();
        return retry(policy, stop, new RetryWording("the broker exited %d times in a row: not restarting it again",
                        "restarting the Kafka broker in %d s (attempt %d of %d); what is sent meanwhile waits and is"
                                + " retried", "the broker restart failed: "),
                () -> {
                    try {
                        unlessStopping(() -> broker = BrokerProcess.start(settings, install));
                        try (TopicAdmin admin = new TopicAdmin(KafkaClients.base(settings))) {
                            broker.awaitReady(admin, BROKER_START);
                        }
                    } catch (UserError e) {
                        if (broker != ended) {
                            broker.close();
                        }
                        throw e;
                    }
                    listener.step("the Kafka broker is back on " + settings.bootstrap() + " (log: " + broker.log()
                            + ")");
                });
    }

    /** What a retry loop says: given up (attempts), pausing (seconds, attempt, of), and an attempt's failure. */
    private record RetryWording(String gaveUp, String pausing, String failed) {
    }

    /** Brings something back; a {@link UserError} means this attempt failed and another may follow. */
    private interface Attempt {
        void run() throws InterruptedException;
    }

    /**
     * Tries {@code attempt} after each pause {@code policy} gives, until one succeeds (true), the policy gives up,
     * or the pipeline stops or {@code stop} is counted down (false).
     */
    private boolean retry(RelaunchPolicy policy, CountDownLatch stop, RetryWording wording, Attempt attempt)
            throws InterruptedException {
        while (!stopping) {
            Optional<Duration> pause = policy.next(System.nanoTime());
            if (pause.isEmpty()) {
                listener.step(String.format(Locale.ROOT, wording.gaveUp(), policy.attempts()));
                return false;
            }
            listener.step(String.format(Locale.ROOT, wording.pausing(), pause.get().toSeconds(), policy.attempts(),
                    policy.maxAttempts()));
            if (stop.await(pause.get().toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
            try {
                attempt.run();
                policy.launched(System.nanoTime());
                return true;
            } catch (UserError e) {
                if (stopping) {
                    return false;
                }
                listener.step(wording.failed() + e.getMessage());
            }
        }
        return false;
    }

    /** Serves the socket when none is given, and clears the previous run's scratch checkpoint. */
    private void prepareSocketSource() {
        if (settings.socket().isEmpty()) {
            lineServer = LineServer.start();
            settings = settings.withSocket(lineServer.address());
            listener.step("serving the socket source on " + lineServer.address()
                    + ": lines typed on standard input go to the job");
        }
        // The socket source cannot replay what it read: its checkpoint is of this run only.
        Scratch.deleteTree(settings.checkpointDir());
    }

    private int awaitExecutors() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int executors = cluster.executorsOf(job.appId());
        while (executors < settings.localCluster() && System.nanoTime() < deadline) {
            sleep(250);
            executors = cluster.executorsOf(job.appId());
        }
        return executors;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Integer> topics() {
        Map<String, Integer> t = new LinkedHashMap<>();
        settings.inputTopics().forEach(name -> t.put(name, settings.inputPartitions()));
        t.put(settings.resultsTopic(), 1);
        t.put(settings.metricsTopic(), 1);
        return t;
    }

    private Map<String, Map<String, String>> topicConfigs() {
        return Map.of(
                // Keyed by (window, dimension, key): compaction keeps the latest count of each, which is all a
                // console needs to rebuild its charts after a restart.
                settings.resultsTopic(), Map.of("cleanup.policy", "compact"),
                // Metrics are live values: an hour is plenty.
                settings.metricsTopic(), Map.of("retention.ms", Long.toString(Duration.ofHours(1).toMillis())));
    }

    private void awaitFirstBatch(Duration timeout) {
        try {
            firstBatch.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof UserError u ? u : new UserError(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new UserError("the Spark job did not complete a micro-batch within " + timeout.toSeconds()
                    + " s (state " + job.state() + "); see " + job.log());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while waiting for the Spark job");
        }
    }

    /** The launcher may report RUNNING a moment after the first batch's event: ready means both. */
    private void awaitRunning(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (job.state() != SparkAppHandle.State.RUNNING) {
            if (job.state().isFinal()) {
                throw new UserError("the Spark job ended (" + job.state() + ") while starting: " + failureReason());
            }
            if (System.nanoTime() > deadline) {
                throw new UserError("the Spark launcher did not report the job RUNNING within " + timeout.toSeconds()
                        + " s (state " + job.state() + "); see " + job.log());
            }
            sleep(50);
        }
    }

    private void onMetrics(List<ConsumerRecord<String, String>> records) {
        for (ConsumerRecord<String, String> r : records) {
            JobEvent.parse(r.value()).filter(this::ours).ifPresent(e -> {
                listener.jobEvent(e);
                if (e.batchDone()) {
                    firstBatch.complete(e);
                } else if (e.ended()) {
                    lastEnd = e;
                    if (!e.error().isEmpty()) {
                        firstBatch.completeExceptionally(new UserError("the Spark job failed: " + e.error()
                                + " (log: " + settings.logDir().resolve("job.log") + ")"));
                    }
                }
            });
        }
    }

    /** Events of another application sharing the metrics topic are not ours. */
    private boolean ours(JobEvent e) {
        if (retiredApps.contains(e.appId())) {
            return false;
        }
        SparkJob current = job;
        String appId = current == null ? null : current.appId();
        return appId == null || appId.equals(e.appId());
    }

    private void onJobState(SparkAppHandle h) {
        listener.jobState(h.getState(), h.getAppId());
        CompletableFuture<JobEvent> pending = firstBatch;
        if (h.getState().isFinal() && !pending.isDone()) {
            // The launcher may report the end before the job's last word (sent just before) has been read from
            // the metrics topic; that word names the cause, so it gets a moment to arrive before the log is asked.
            CompletableFuture.runAsync(() -> {
                long deadline = System.nanoTime() + LAST_WORD_WAIT.toNanos();
                while (lastEnd == null && !pending.isDone() && System.nanoTime() < deadline) {
                    sleep(50);
                }
                pending.completeExceptionally(new UserError("the Spark job ended (" + h.getState()
                        + ") before its first micro-batch: " + failureReason()));
            });
        }
    }

    /** The best explanation of why the job ended: its own last word on the metrics topic, else its log. */
    public String failureReason() {
        JobEvent end = lastEnd;
        if (end != null && !end.error().isEmpty()) {
            return end.error() + " (log: " + settings.logDir().resolve("job.log") + ")";
        }
        Path log = settings.logDir().resolve("job.log");
        // A driver killed from outside (SIGKILL, the OOM killer) writes no last word: say that rather than quote an
        // unrelated warning.
        return LogTail.lastErrorOnly(log).orElse("the driver stopped without an error in its log (killed from"
                + " outside?)") + " (log: " + log + ")";
    }

    /** Waits until {@code stop} is counted down, the job ends, or the embedded broker dies. */
    public End awaitEnd(CountDownLatch stop) throws InterruptedException {
        long nextKafkaCheck = System.nanoTime() + KAFKA_CHECK.toNanos();
        while (true) {
            if (stop.await(200, TimeUnit.MILLISECONDS)) {
                return End.STOP_REQUESTED;
            }
            if (job.state().isFinal() || job.driver().map(d -> !d.isAlive()).orElse(false)) {
                return End.JOB_ENDED;
            }
            if (broker != null && !broker.alive()) {
                return End.BROKER_ENDED;
            }
            if (broker == null && System.nanoTime() >= nextKafkaCheck) {
                nextKafkaCheck = System.nanoTime() + KAFKA_CHECK.toNanos();
                externalKafkaChange().ifPresent(change -> listener.step(change.message()));
            }
        }
    }

    /**
     * With an external Kafka, which nothing here can restart: asks whether it answers and, when that changed since
     * the last call, says so ("does not answer" or "answers again"). Producers and the job wait and retry meanwhile.
     */
    public synchronized Optional<KafkaChange> externalKafkaChange() {
        if (broker != null || stopping) {
            return Optional.empty();
        }
        if (kafkaWatch == null) {
            kafkaWatch = new TopicAdmin(KafkaClients.base(settings));
        }
        boolean up = kafkaWatch.reachable(KAFKA_REACH_CHECK);
        if (up == kafkaUp) {
            return Optional.empty();
        }
        kafkaUp = up;
        return Optional.of(new KafkaChange(up, up ? "Kafka at " + settings.bootstrap() + " answers again"
                : "Kafka at " + settings.bootstrap() + " does not answer: what is sent meanwhile waits and is retried,"
                        + " and the job waits for it"));
    }

    /** An external Kafka started or stopped answering; {@code message} says so for the operator. */
    public record KafkaChange(boolean answers, String message) {
    }

    /** The line scripts wait for: the pipeline is running and where to reach it. */
    public String readyLine() {
        return "ready bootstrap=" + settings.bootstrap()
                + (settings.source() == JobConfig.Source.SOCKET
                        ? " source=socket socket=" + settings.socket().map(Object::toString).orElse("")
                        : "")
                + " topics=" + String.join(",", settings.inputTopics())
                + " results=" + settings.resultsTopic()
                + " metrics=" + settings.metricsTopic()
                + " master=" + settings.master()
                + " app=" + job.appId()
                + " data-dir=" + settings.dataDir();
    }

    public SparkJob job() {
        return job;
    }

    public BrokerProcess broker() {
        return broker;
    }

    /** The settings the pipeline runs with, including what was decided at start. */
    public Settings settings() {
        return settings;
    }

    /** The local standalone cluster, or null when the job runs elsewhere. */
    public LocalCluster cluster() {
        return cluster;
    }

    /** The socket the console serves for the socket source, or null. */
    public LineServer lineServer() {
        return lineServer;
    }

    private String elapsed() {
        return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    /** Stops the job, then the broker, each by its handle; safe to call twice. */
    @Override
    public synchronized void close() {
        if (stopping) {
            return;
        }
        stopping = true;
        // A start-up waiting for the first batch gives up now rather than at its timeout.
        firstBatch.completeExceptionally(new UserError("stopped while starting"));
        if (job != null) {
            listener.step("stopping the Spark job");
            job.stop(Duration.ofSeconds(30));
        }
        if (metrics != null) {
            metrics.close();
        }
        if (kafkaWatch != null) {
            kafkaWatch.close();
        }
        if (lineServer != null) {
            lineServer.close();
        }
        if (cluster != null) {
            listener.step("stopping the Spark standalone cluster");
            cluster.close();
        }
        if (broker != null) {
            listener.step("stopping the Kafka broker");
            broker.close();
        }
        if (lock != null) {
            lock.close();
        }
        if (job != null || broker != null || cluster != null) {
            listener.step("stopped");
        }
    }
}

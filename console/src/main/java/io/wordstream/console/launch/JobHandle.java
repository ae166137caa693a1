package io.wordstream.console.launch;

import io.wordstream.common.Durations;
import io.wordstream.console.errors.PipelineFailure;
import io.wordstream.console.kafka.TopicFeed;
import io.wordstream.console.model.JobEvent;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.launcher.SparkAppHandle;

/**
 * The Spark job of one pipeline across its launches: launches it, follows its state and its events on the metrics
 * topic, tells when a launch has completed its first micro-batch, and why the last one ended.
 */
public final class JobHandle implements AutoCloseable {
    /** What the job reports; called on the launcher's and the metrics reader's threads. */
    public interface Listener {
        void jobState(SparkAppHandle.State state, String appId);

        void jobEvent(JobEvent event);
    }

    /** The launcher may report the end before the job's last word; that word names the cause. */
    private static final Duration LAST_WORD_WAIT = Duration.ofSeconds(3);
    /** How long a quit lets the job stop by itself. */
    static final Duration QUIT_GRACE = Duration.ofSeconds(3);
    private static final Duration RUNNING_REPORT = Duration.ofSeconds(30);

    /** Events written a little before this handle was made are still this session's, whatever the clocks say. */
    private static final Duration CLOCK_SLACK = Duration.ofSeconds(1);

    private final Install install;
    private final Listener listener;
    private final Instant createdAt = Instant.now();
    /** Applications a restart replaced: their late metrics must not pass for the new job's. */
    private final Set<String> retiredApps = ConcurrentHashMap.newKeySet();
    /** Completed by the first batch of the job launched last; replaced at each launch. */
    private volatile CompletableFuture<JobEvent> firstBatch = new CompletableFuture<>();
    /** Counts launches, so the state reports of a replaced job are not taken for the new one's. */
    private final AtomicInteger launches = new AtomicInteger();
    private volatile JobEvent lastEnd;
    private volatile SparkJob job;
    private volatile Path logFile;
    private TopicFeed metrics;

    public JobHandle(Install install, Listener listener) {
        this.install = install;
        this.listener = listener;
    }

    /**
     * Reads the job's events from the metrics topic, from the moment this handle was made: a job launched before
     * the topic could be read (beside a broker still starting) may have finished its first batch already.
     */
    public synchronized void followMetrics(Properties kafka, String metricsTopic) {
        if (metrics == null) {
            metrics = TopicFeed.startSince(kafka, metricsTopic, createdAt.minus(CLOCK_SLACK), this::onMetrics);
        }
    }

    /** Launches the job with {@code settings}; {@link #awaitStarted} tells when it has completed a batch. */
    public void launch(Settings settings) {
        firstBatch = new CompletableFuture<>();
        lastEnd = null;
        logFile = settings.logDir().resolve("job.log");
        int launch = launches.incrementAndGet();
        job = SparkJob.launch(settings, install, h -> {
            if (launch == launches.get()) {
                onState(h);
            }
        });
    }

    /**
     * Returns once the job launched last has completed its first micro-batch and the launcher reports it RUNNING.
     *
     * @throws PipelineFailure when it fails, ends, or takes longer than {@code timeout}
     */
    public void awaitStarted(Duration timeout) {
        try {
            firstBatch.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new PipelineFailure(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PipelineFailure("the Spark job did not complete a micro-batch within " + Durations.format(timeout)
                    + " (state " + job.state() + "); see " + job.log());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineFailure("interrupted while waiting for the Spark job");
        }
        long deadline = System.nanoTime() + RUNNING_REPORT.toNanos();
        while (job.state() != SparkAppHandle.State.RUNNING) {
            if (job.state().isFinal()) {
                throw new PipelineFailure("the Spark job ended (" + job.state() + ") while starting: "
                        + failureReason());
            }
            if (System.nanoTime() > deadline) {
                throw new PipelineFailure("the Spark launcher did not report the job RUNNING within "
                        + RUNNING_REPORT.toSeconds() + " s (state " + job.state() + "); see " + job.log());
            }
            Waits.pause(50);
        }
    }

    /** Makes a start waiting in {@link #awaitStarted} give up now, with {@code failure}. */
    public void abortStart(RuntimeException failure) {
        firstBatch.completeExceptionally(failure);
    }

    /** True when a job was launched and has ended: its launcher says so, or its driver is gone. */
    public boolean ended() {
        SparkJob j = job;
        return j != null && (j.state().isFinal() || j.driver().map(d -> !d.isAlive()).orElse(false));
    }

    /** Stops the job launched last, if any, and forgets its application. */
    public void stop(Duration grace) {
        SparkJob old = job;
        if (old != null) {
            old.stop(grace);
            if (old.appId() != null) {
                retiredApps.add(old.appId());
            }
        }
    }

    public SparkJob current() {
        return job;
    }

    /** The best explanation of why the job ended: its own last word on the metrics topic, else its log. */
    public String failureReason() {
        JobEvent end = lastEnd;
        Path log = logFile;
        if (end != null && !end.error().isEmpty()) {
            return end.error() + " (log: " + log + ")";
        }
        // A driver killed from outside (SIGKILL, the OOM killer) writes no last word: say that rather than quote an
        // unrelated warning.
        return LogTail.lastErrorOnly(log).orElse("the driver stopped without an error in its log (killed from"
                + " outside?)") + " (log: " + log + ")";
    }

    private void onMetrics(List<String> values) {
        for (String value : values) {
            JobEvent.parse(value).filter(this::ours).ifPresent(e -> {
                listener.jobEvent(e);
                if (e.batchDone()) {
                    firstBatch.complete(e);
                } else if (e.ended()) {
                    lastEnd = e;
                    if (!e.error().isEmpty()) {
                        firstBatch.completeExceptionally(new PipelineFailure("the Spark job failed: " + e.error()
                                + " (log: " + logFile + ")"));
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

    private void onState(SparkAppHandle h) {
        listener.jobState(h.getState(), h.getAppId());
        CompletableFuture<JobEvent> pending = firstBatch;
        if (h.getState().isFinal() && !pending.isDone()) {
            // Completes the pending start with the reason; nothing waits on this task itself.
            var unused = CompletableFuture.runAsync(() -> {
                long deadline = System.nanoTime() + LAST_WORD_WAIT.toNanos();
                while (lastEnd == null && !pending.isDone() && System.nanoTime() < deadline) {
                    Waits.pause(50);
                }
                pending.completeExceptionally(new PipelineFailure("the Spark job ended (" + h.getState()
                        + ") before its first micro-batch: " + failureReason()));
            });
        }
    }

    /**
     * Stops the job and the metrics reader: the job has {@link #QUIT_GRACE} to end its micro-batch and stop, then it
     * is stopped by force (its checkpoint makes that safe: the batch runs again at the next start).
     */
    @Override
    public synchronized void close() {
        stop(QUIT_GRACE);
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
    }
}

package io.wordstream.console.session;

import io.wordstream.console.errors.PipelineFailure;
import io.wordstream.console.errors.UserError;
import io.wordstream.console.kafka.BrokerWatch;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.kafka.KafkaHealth;
import io.wordstream.console.kafka.TopicAdmin;
import io.wordstream.console.launch.BrokerProcess;
import io.wordstream.console.launch.JobHandle;
import io.wordstream.console.launch.LineServer;
import io.wordstream.console.launch.LocalCluster;
import io.wordstream.console.launch.RelaunchPolicy;
import io.wordstream.console.model.JobEvent;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.launcher.SparkAppHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of a pipeline's processes, for 'run' and the console alike: starts them, relaunches the job and
 * restarts the embedded broker when they end by themselves, watches an external Kafka, restarts the job when the
 * operator asks, and stops everything. It reports all of it as {@link SessionEvent}s to one listener.
 *
 * <p>Every process is started on the supervisor's own lifecycle thread, which lives until {@link #stop} has
 * returned: the children get a parent-death signal, which Linux ties to the starting thread, not the process.
 */
public final class Supervisor implements Session {
    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(200);
    private static final Duration KAFKA_CHECK = Duration.ofSeconds(2);

    private final SessionListener listener;
    private final Install install;
    private final boolean interactive;
    private final Processes processes;
    private final StartPlan plan;
    private final Retry jobRetry;
    private final Retry brokerRetry;
    private final Thread lifecycle;
    /** Counted down when a stop is asked for: waits and pauses end at once. */
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    /** Counted down once the processes are stopped: only then may the lifecycle thread end. */
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Counted down when the session is over for a headless run: stopped, or failed for good. */
    private final CountDownLatch over = new CountDownLatch(1);
    private final AtomicBoolean restartAsked = new AtomicBoolean();
    private final WorkerScaling scaling;
    private volatile Outcome outcome = Outcome.STOPPED;
    /** Which brokers of an external cluster answer; null with the embedded broker, or before the pipeline runs. */
    private volatile BrokerWatch brokers;

    /** How a session ended: the exit status of the command that ran it, and why when it is not 0. */
    public record Outcome(int exitStatus, String reason, RuntimeException failure) {
        static final Outcome STOPPED = new Outcome(0, "", null);

        static Outcome of(RuntimeException e) {
            return new Outcome(e instanceof UserError ? 2 : 1, e.getMessage(), e);
        }
    }

    /**
     * @param interactive true for the console: a job or broker given up on stays down until the operator restarts
     *                    it; false for 'run', whose session is then over (exit status 1)
     * @param reset       delete the checkpoint and the results topic first (the operator confirmed it)
     */
    public Supervisor(Settings settings, Install install, SessionListener listener, boolean interactive,
                      boolean reset) {
        this.listener = listener;
        this.install = install;
        this.interactive = interactive;
        JobHandle job = new JobHandle(install, new JobHandle.Listener() {
            @Override
            public void jobState(SparkAppHandle.State state, String appId) {
                listener.onEvent(new SessionEvent.JobStateChanged(state, appId));
            }

            @Override
            public void jobEvent(JobEvent event) {
                listener.onEvent(new SessionEvent.JobMetrics(event));
                BrokerWatch watch = brokers;
                if (watch != null) {
                    // A batch started after a broker was lost has completed: counting goes on.
                    event.batchStart().ifPresent(start -> watch.batchCompleted(start)
                            .forEach(c -> listener.onEvent(new SessionEvent.BrokerChanged(c))));
                }
            }
        });
        this.processes = new Processes(settings, job, listener);
        this.plan = new StartPlan(install, listener, reset);
        this.jobRetry = new Retry(SessionEvent.Part.JOB, RelaunchPolicy.standard(), listener);
        this.brokerRetry = new Retry(SessionEvent.Part.BROKER, RelaunchPolicy.standard(), listener);
        this.scaling = new WorkerScaling(listener, WorkerScaling.FOLLOW);
        this.lifecycle = new Thread(this::live, "pipeline-lifecycle");
        lifecycle.setDaemon(true);
    }

    /** Starts the pipeline on the lifecycle thread; progress and the outcome arrive as events. */
    @Override
    public Supervisor start() {
        lifecycle.start();
        return this;
    }

    /** Asks for the job to be stopped and launched again from its checkpoint; reported as JobBack or RestartFailed. */
    @Override
    public void restartJob() {
        restartAsked.set(true);
    }

    /** Asks for one more worker in the local cluster; reported as {@link SessionEvent.Workers}. */
    @Override
    public void addWorker() {
        scaling.ask(WorkerScaling.Change.ADD);
    }

    /** Asks for the local cluster's newest worker to stop, never the last; reported as {@link SessionEvent.Workers}. */
    @Override
    public void stopWorker() {
        scaling.ask(WorkerScaling.Change.STOP);
    }

    /**
     * Waits until the session is over: stopped, failed to start, or (headless) a part given up on.
     *
     * @return how it ended
     */
    public Outcome awaitOver() throws InterruptedException {
        over.await();
        return outcome;
    }

    /** How the session has ended so far: a failed start, a part given up on (headless), else stopped (0). */
    @Override
    public Outcome outcome() {
        return outcome;
    }

    /** Stops everything, each process by its handle, and returns once they are stopped; safe to call twice. */
    @Override
    public void stop() {
        stopRequested.countDown();
        try {
            processes.close();
        } finally {
            stopped.countDown();
            over.countDown();
        }
        try {
            lifecycle.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The settings the pipeline runs with, including what was decided at start. */
    public Settings settings() {
        return processes.settings();
    }

    /** The socket the console serves for the socket source, or null. */
    @Override
    public LineServer lineServer() {
        return processes.lineServer();
    }

    /** The running job, or null before its launch. */
    public JobHandle job() {
        return processes.job();
    }

    /** The embedded broker, or null with an external Kafka. */
    public BrokerProcess broker() {
        return processes.broker();
    }

    /** The local standalone cluster, or null. */
    @Override
    public LocalCluster cluster() {
        return processes.cluster();
    }

    private void live() {
        try {
            if (startAll()) {
                watch();
            }
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean startAll() {
        try {
            plan.run(processes);
            listener.onEvent(new SessionEvent.Ready(processes.settings(), processes.job().current().appId()));
            processes.recordClassArchives(!interactive);
            return true;
        } catch (UserError | PipelineFailure e) {
            fail(e);
        } catch (RuntimeException e) {
            LOG.error("the pipeline failed to start", e);
            fail(new PipelineFailure("unexpected error: " + e + " (details in "
                    + processes.settings().logDir().resolve("console.log") + ")", e));
        }
        return false;
    }

    private void fail(RuntimeException e) {
        if (processes.stopping()) {
            return; // stopped while starting: not a failure
        }
        processes.close();
        outcome = Outcome.of(e);
        listener.onEvent(new SessionEvent.StartFailed(e.getMessage(), outcome.exitStatus()));
        over.countDown();
    }

    /** Until a stop: brings back what ended, restarts the job when asked, and watches an external Kafka. */
    private void watch() throws InterruptedException {
        KafkaHealth health = processes.broker() == null
                ? new KafkaHealth(KafkaClients.base(processes.settings())) : null;
        if (health != null) {
            // Which broker of a cluster is lost, and when counting resumes (docs/failover.md).
            brokers = new BrokerWatch(KafkaClients.base(processes.settings())).checkEvery(KAFKA_CHECK,
                    c -> listener.onEvent(new SessionEvent.BrokerChanged(c)));
        }
        long nextKafkaCheck = System.nanoTime() + KAFKA_CHECK.toNanos();
        boolean jobGivenUp = false;
        boolean brokerGivenUp = false;
        try {
            while (!stopRequested.await(WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                if (restartAsked.getAndSet(false)) {
                    jobGivenUp = !restartAsked() && jobGivenUp;
                } else if (!jobGivenUp && processes.job().ended()) {
                    jobGivenUp = !relaunchJob();
                } else if (!brokerGivenUp && processes.broker() != null && !processes.broker().alive()) {
                    brokerGivenUp = !restartBroker();
                } else if (scaling.pending()) {
                    scaling.applyNext(WorkerScaling.of(processes), processes::stopping);
                } else if (health != null && System.nanoTime() >= nextKafkaCheck) {
                    nextKafkaCheck = System.nanoTime() + KAFKA_CHECK.toNanos();
                    health.check().ifPresent(c -> listener.onEvent(new SessionEvent.KafkaAnswers(c.answers(),
                            c.message())));
                }
                if ((jobGivenUp || brokerGivenUp) && !interactive) {
                    over.countDown();
                    return;
                }
            }
        } finally {
            if (health != null) {
                health.close();
            }
            BrokerWatch watch = brokers;
            brokers = null;
            if (watch != null) {
                watch.close();
            }
        }
    }

    /** The operator's restart: stop the job, launch it again, wait for its first batch. */
    private boolean restartAsked() {
        try {
            listener.onEvent(new SessionEvent.Step("stopping the Spark job"));
            processes.job().stop(Duration.ofSeconds(30));
            relaunch();
            jobRetry.launched();
            return true;
        } catch (UserError | PipelineFailure e) {
            if (!processes.stopping()) {
                listener.onEvent(new SessionEvent.RestartFailed(e.getMessage()));
            }
            return false;
        }
    }

    /** After the job ended by itself: relaunch it from its checkpoint, with pauses, a few times at most. */
    private boolean relaunchJob() throws InterruptedException {
        String reason = processes.job().failureReason();
        listener.onEvent(new SessionEvent.JobEnded(processes.job().current().state().toString(), reason));
        Retry.Result r = jobRetry.until(this::relaunch, stopRequested, processes::stopping, reason);
        if (r == Retry.Result.GAVE_UP && !interactive) {
            outcome = Outcome.of(new PipelineFailure("the Spark job ended ("
                    + processes.job().current().state() + "): " + processes.job().failureReason()));
        }
        return r != Retry.Result.GAVE_UP;
    }

    private void relaunch() {
        processes.unlessStopping(() -> plan.launchJob(processes));
        processes.job().awaitStarted(processes.settings().startTimeout());
        listener.onEvent(new SessionEvent.JobBack(processes.job().current().appId()));
        processes.recordClassArchives(!interactive);
    }

    /** After the embedded broker exited: start it again on the same port and data, with pauses. */
    private boolean restartBroker() throws InterruptedException {
        BrokerProcess ended = processes.broker();
        listener.onEvent(new SessionEvent.BrokerExited(ended.exitSummary()));
        ended.close();
        Retry.Result r = brokerRetry.until(() -> {
            Settings settings = processes.settings();
            BrokerProcess b = processes.unlessStopping(() -> BrokerProcess.start(settings, install));
            processes.broker(b);
            try (TopicAdmin admin = new TopicAdmin(KafkaClients.base(settings))) {
                b.awaitReady(admin, StartPlan.brokerStart(settings));
            } catch (UserError | PipelineFailure e) {
                b.close();
                throw e;
            }
            listener.onEvent(new SessionEvent.BrokerBack(settings.bootstrap(), b.log().toString()));
        }, stopRequested, processes::stopping, "see " + ended.log());
        if (r == Retry.Result.GAVE_UP && !interactive) {
            outcome = Outcome.of(new PipelineFailure("the Kafka broker did not come back; see "
                    + processes.broker().log()));
        }
        return r != Retry.Result.GAVE_UP;
    }
}

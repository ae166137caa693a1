package io.wordstream.console.tui;

import io.wordstream.console.UserError;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.kafka.SentenceSender;
import io.wordstream.console.kafka.TopicFeed;
import io.wordstream.console.launch.LineServer;
import io.wordstream.console.launch.LogTail;
import io.wordstream.console.launch.Pipeline;
import io.wordstream.console.launch.RelaunchPolicy;
import io.wordstream.console.model.JobEvent;
import io.wordstream.console.model.ResultRow;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.spark.launcher.SparkAppHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real pipeline behind the terminal UI: starts it on a thread of its own (the UI stays live meanwhile), sends
 * sentences, reads the results topic from its beginning, and reports all of it to the controller through the UI
 * thread. Nothing here touches the controller directly.
 */
public final class PipelineBackend implements ConsoleController.Backend, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineBackend.class);

    private final Settings settings;
    private final Duration startTimeout;
    private final Executor ui;
    private final Pipeline pipeline;
    private final Deque<String> waiting = new ArrayDeque<>();
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "broker-watch");
        t.setDaemon(true);
        return t;
    });
    /** Sends run here, in order: a producer can block while Kafka is away, and typing must never wait. */
    private final ExecutorService sends = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sentence-sender");
        t.setDaemon(true);
        return t;
    });
    /**
     * Starts and restarts run here, on one thread that lives as long as the pipeline: its children are started
     * with a parent-death signal, which Linux sends when the *thread* that started them ends.
     */
    private final ExecutorService lifecycle = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pipeline-lifecycle");
        t.setDaemon(true);
        return t;
    });
    private ConsoleController controller;
    private volatile boolean running;
    private final java.util.concurrent.atomic.AtomicBoolean restarting =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final RelaunchPolicy relaunch = RelaunchPolicy.standard();
    private final RelaunchPolicy brokerRelaunch = RelaunchPolicy.standard();
    private final AtomicBoolean brokerRestarting = new AtomicBoolean();
    /** Counted down at close: a relaunch waiting out its pause gives up at once. */
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean closing;
    private TopicFeed results;
    private SentenceSender sender;
    private LineServer lineServer;

    public PipelineBackend(Settings settings, Install install, Duration startTimeout, Executor ui) {
        this.settings = settings;
        this.startTimeout = startTimeout;
        this.ui = ui;
        this.pipeline = Pipeline.create(settings, install, new Reports());
    }

    /** Makes the start delete the checkpoint and the results topic first (the operator confirmed it). */
    public void resetFirst() {
        pipeline.resetFirst();
    }

    /** Starts the pipeline in the background; progress and the outcome go to {@code c}. */
    public void start(ConsoleController c) {
        this.controller = c;
        lifecycle.execute(this::startPipeline);
    }

    private void startPipeline() {
        try {
            pipeline.start(startTimeout);
            Settings s = pipeline.settings();
            synchronized (this) {
                if (closing) {
                    return;
                }
                lineServer = pipeline.lineServer();
                if (lineServer == null) {
                    sender = new SentenceSender(KafkaClients.base(s), s.inputTopics().get(0));
                }
                running = true;
            }
            String appId = pipeline.job().appId();
            ui.execute(() -> controller.ready(s.bootstrap(), s.master(), appId));
            flushWaiting();
            if (pipeline.broker() != null) {
                watch.scheduleWithFixedDelay(this::checkBroker, 1, 1, TimeUnit.SECONDS);
            } else {
                watch.scheduleWithFixedDelay(this::checkExternalKafka, 2, 2, TimeUnit.SECONDS);
            }
        } catch (UserError e) {
            if (!closing) {
                ui.execute(() -> controller.startFailed(e.getMessage()));
            }
        } catch (RuntimeException e) {
            LOG.error("the pipeline failed to start", e);
            if (!closing) {
                ui.execute(() -> controller.startFailed("unexpected error: " + e
                        + " (details in " + settings.logDir().resolve("console.log") + ")"));
            }
        }
    }

    private void checkBroker() {
        if (!closing && !pipeline.broker().alive() && brokerRestarting.compareAndSet(false, true)) {
            ui.execute(() -> controller.brokerLost("the Kafka broker exited"));
            lifecycle.execute(this::relaunchBroker);
        }
    }

    /** An external Kafka cannot be restarted from here: show when it stops answering and when it is back. */
    private void checkExternalKafka() {
        if (closing) {
            return;
        }
        pipeline.externalKafkaChange().ifPresent(change -> ui.execute(() -> {
            if (change.answers()) {
                controller.brokerBack();
            } else {
                controller.kafkaUnreachable(change.message());
            }
        }));
    }

    /** The embedded broker exited: start it again on its own data, with pauses, a few times at most. */
    private void relaunchBroker() {
        boolean back = false;
        try {
            back = pipeline.relaunchBrokerAfterExit(brokerRelaunch, closed);
            if (back) {
                ui.execute(controller::brokerBack);
            } else if (!closing) {
                ui.execute(() -> controller.brokerRestartFailed("the Kafka broker did not come back after "
                        + brokerRelaunch.attempts() + " attempts; see " + pipeline.broker().log()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // Given up: the check stays quiet rather than start the cycle again every second.
            brokerRestarting.set(!back);
        }
    }

    @Override
    public synchronized void send(String sentence) {
        if (!running) {
            waiting.addLast(sentence);
            ui.execute(() -> controller.sendQueued(sentence));
            return;
        }
        deliver(sentence);
    }

    private void flushWaiting() {
        synchronized (this) {
            while (!waiting.isEmpty()) {
                deliver(waiting.removeFirst());
            }
        }
    }

    private void deliver(String sentence) {
        LineServer socket = lineServer;
        SentenceSender kafka = sender;
        if (sends.isShutdown()) {
            return; // quitting: what was not sent yet stays unsent, and the screen is going away
        }
        sends.execute(() -> {
            if (socket != null) {
                socket.send(sentence);
                ui.execute(() -> controller.sendAcked(sentence, "written to the socket source"));
                return;
            }
            kafka.send(sentence).whenComplete((meta, error) -> ui.execute(() -> {
                if (error == null) {
                    controller.sendAcked(sentence, "partition " + meta.partition() + ", offset " + meta.offset());
                } else {
                    controller.sendFailed(sentence, oneLine(error));
                }
            }));
        });
    }

    @Override
    public void restartJob() {
        restarting.set(true);
        lifecycle.execute(() -> {
            try {
                pipeline.restartJob(startTimeout);
                String appId = pipeline.job().appId();
                ui.execute(() -> controller.restarted(appId));
            } catch (UserError e) {
                if (!closing) {
                    ui.execute(() -> controller.restartFailed(e.getMessage()));
                }
            } finally {
                restarting.set(false);
            }
        });
    }

    /** The job ended by itself: relaunch it from its checkpoint, with pauses, a few times at most. */
    private void relaunch() {
        try {
            ui.execute(controller::relaunching);
            if (pipeline.relaunchAfterFailure(relaunch, closed)) {
                String appId = pipeline.job().appId();
                ui.execute(() -> controller.restarted(appId));
            } else if (!closing) {
                ui.execute(() -> controller.restartFailed("the job ended " + relaunch.attempts() + " times in a"
                        + " row; press Esc then r to try again (log: " + settings.logDir().resolve("job.log") + ")"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            restarting.set(false);
        }
    }

    @Override
    public void quit() {
        Thread t = new Thread(() -> {
            close();
            ui.execute(controller::stopped);
        }, "pipeline-stop");
        t.start();
    }

    @Override
    public List<Frame.LogSource> logTail(int lines) {
        List<Frame.LogSource> out = new ArrayList<>();
        for (String name : new String[] {"job.log", "broker.log"}) {
            Path file = settings.logDir().resolve(name);
            if (Files.exists(file)) {
                out.add(new Frame.LogSource(name, LogTail.lastLines(file, lines)));
            }
        }
        return out;
    }

    /** Stops the results reader, the sender and the pipeline, in that order; safe to call twice. */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
            running = false;
        }
        closed.countDown();
        watch.shutdownNow();
        sends.shutdown();
        try {
            sends.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        TopicFeed feed;
        synchronized (this) {
            feed = results;
            results = null;
        }
        if (feed != null) {
            feed.close();
        }
        synchronized (this) {
            if (sender != null) {
                sender.close();
                sender = null;
            }
        }
        pipeline.close();
        // Only now may the thread that started the children end.
        lifecycle.shutdown();
    }

    private static String oneLine(Throwable e) {
        Throwable cause = e.getCause() != null && e instanceof java.util.concurrent.CompletionException
                ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** The pipeline's reports, handed to the UI thread. */
    private final class Reports implements Pipeline.Listener {
        @Override
        public void step(String message) {
            ui.execute(() -> controller.step(message));
        }

        @Override
        public void jobState(SparkAppHandle.State state, String appId) {
            ui.execute(() -> controller.jobState(state.name(), appId));
            if (state.isFinal() && running && !closing && restarting.compareAndSet(false, true)) {
                String reason = pipeline.failureReason();
                ui.execute(() -> controller.jobEnded(state.name(), reason));
                lifecycle.execute(PipelineBackend.this::relaunch);
            }
        }

        @Override
        public void jobEvent(JobEvent event) {
            ui.execute(() -> controller.jobEvent(event));
        }

        @Override
        public void kafkaReady() {
            TopicFeed feed = TopicFeed.startBatches(KafkaClients.base(pipeline.settings()),
                    pipeline.settings().resultsTopic(), TopicFeed.From.BEGINNING, batch -> {
                        List<ResultRow> rows = new ArrayList<>(batch.records().size());
                        for (ConsumerRecord<String, String> r : batch.records()) {
                            ResultRow.parse(r.value()).ifPresent(rows::add);
                        }
                        boolean caughtUp = batch.caughtUp();
                        ui.execute(() -> controller.results(rows, caughtUp));
                    });
            boolean keep;
            synchronized (PipelineBackend.this) {
                keep = !closing;
                if (keep) {
                    results = feed;
                }
            }
            if (!keep) {
                feed.close();
            }
        }
    }
}

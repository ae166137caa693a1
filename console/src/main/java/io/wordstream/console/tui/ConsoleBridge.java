package io.wordstream.console.tui;

import io.wordstream.console.kafka.InputOffsetsPoller;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.launch.LogTail;
import io.wordstream.console.report.ReportPeriod;
import io.wordstream.console.session.ClusterReadings;
import io.wordstream.console.session.PipelineExtras;
import io.wordstream.console.session.ResultsFollower;
import io.wordstream.console.session.SentenceRoute;
import io.wordstream.console.session.Session;
import io.wordstream.console.session.SessionEvent;
import io.wordstream.console.session.SessionListener;
import io.wordstream.console.session.Supervisor;
import io.wordstream.console.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Connects the terminal UI to a {@link Supervisor}: its events reach {@link PipelineEvents} on the UI thread, and the
 * controller's requests (send, restart, quit) go to the session. It decides nothing: supervision lives in the
 * session package.
 */
public final class ConsoleBridge implements ConsoleController.Backend, SessionListener {
    private final Settings settings;
    private final Executor ui;
    private final SentenceRoute sentences;
    private final ResultsFollower results;
    /** The gateway, reports and alerts beside the pipeline: fed from the same results feed as the charts. */
    private final PipelineExtras extras;
    private PipelineEvents events;
    private Session supervisor;
    private boolean closed;
    private InputOffsetsPoller inputRate;
    private final ClusterReadings clusterReadings;

    /** With the {@code extras} beside the pipeline, which the bridge hands the result rows and closes first. */
    public ConsoleBridge(Settings settings, Executor ui, PipelineExtras extras) {
        this.settings = settings;
        this.ui = ui;
        this.extras = extras;
        // The readings come on the pollers' threads; the screen's state changes on the UI thread only.
        this.clusterReadings = new ClusterReadings(snapshot -> ui.execute(() -> events.kafkaCluster(snapshot)),
                snapshot -> ui.execute(() -> events.sparkMaster(snapshot)));
        this.sentences = new SentenceRoute(new SentenceRoute.Receipts() {
            @Override
            public void queued(String sentence) {
                ui.execute(() -> events.sendQueued(sentence));
            }

            @Override
            public void acked(String sentence, String where) {
                extras.sentence(true);
                ui.execute(() -> events.sendAcked(sentence, where));
            }

            @Override
            public void failed(String sentence, String reason) {
                extras.sentence(false);
                ui.execute(() -> events.sendFailed(sentence, reason));
            }
        });
        this.results = new ResultsFollower((rows, caughtUp) -> {
            extras.results(rows);
            ui.execute(() -> events.results(rows, caughtUp));
        });
    }

    /** Starts {@code s}, whose events this bridge receives, and reports to {@code c}. */
    public void start(Session s, ConsoleController c) {
        this.events = c.events();
        this.supervisor = s;
        s.start();
    }

    @Override
    public void onEvent(SessionEvent event) {
        if (event instanceof SessionEvent.KafkaReady e) {
            results.start(e.settings());
            startInputRate(e.settings());
            clusterReadings.kafka(e.settings());
        } else if (event instanceof SessionEvent.Ready e) {
            sentences.open(e.settings(), supervisor.lineServer());
            ui.execute(() -> {
                events.ready(e.settings().bootstrap(), e.settings().master(), e.appId());
                events.security(e.settings().security().badge(), e.settings().security().secured());
            });
            clusterReadings.master(e.settings().master(), supervisor.cluster(), e.settings().security());
        } else if (event instanceof SessionEvent.JobStateChanged e) {
            ui.execute(() -> events.jobState(e.state().name(), e.appId()));
        } else if (event instanceof SessionEvent.JobMetrics e) {
            ui.execute(() -> events.jobEvent(e.event()));
        } else if (event instanceof SessionEvent.StartFailed e) {
            ui.execute(() -> events.startFailed(e.reason()));
        } else if (event instanceof SessionEvent.JobEnded e) {
            ui.execute(() -> events.jobEnded(e.state(), e.reason()));
        } else if (event instanceof SessionEvent.Relaunching e) {
            ui.execute(() -> {
                if (e.part() == SessionEvent.Part.JOB) {
                    events.relaunching();
                }
                events.step(e.line());
            });
        } else if (event instanceof SessionEvent.JobBack e) {
            ui.execute(() -> events.restarted(e.appId()));
        } else if (event instanceof SessionEvent.RestartFailed e) {
            ui.execute(() -> events.restartFailed(e.reason()));
        } else if (event instanceof SessionEvent.GaveUp e) {
            ui.execute(() -> gaveUp(e));
        } else if (event instanceof SessionEvent.BrokerExited) {
            ui.execute(() -> events.brokerLost("the Kafka broker exited"));
        } else if (event instanceof SessionEvent.BrokerBack) {
            ui.execute(events::brokerBack);
        } else if (event instanceof SessionEvent.Workers e) {
            ui.execute(() -> events.workers(e.workers(), e.executors(), e.message()));
        } else if (event instanceof SessionEvent.BrokerChanged e) {
            ui.execute(() -> events.brokerChanged(e.change()));
        } else if (event instanceof SessionEvent.KafkaAnswers e) {
            ui.execute(() -> {
                if (e.answers()) {
                    events.brokerBack();
                } else {
                    events.kafkaUnreachable(e.message());
                }
            });
        } else {
            ui.execute(() -> events.step(event.line()));
        }
    }

    private void gaveUp(SessionEvent.GaveUp e) {
        if (e.part() == SessionEvent.Part.JOB) {
            events.restartFailed("the job ended " + e.attempts() + " times in a row; press Esc then r to try"
                    + " again (log: " + settings.logDir().resolve("job.log") + ")");
        } else {
            events.brokerRestartFailed("the Kafka broker did not come back after " + e.attempts()
                    + " attempts; " + e.reason());
        }
    }

    @Override
    public void send(String sentence) {
        sentences.send(sentence);
    }

    @Override
    public void restartJob() {
        supervisor.restartJob();
    }

    @Override
    public void addWorker() {
        supervisor.addWorker();
    }

    @Override
    public void stopWorker() {
        supervisor.stopWorker();
    }

    @Override
    public void quit() {
        Thread t = new Thread(() -> {
            close();
            ui.execute(events::stopped);
        }, "pipeline-stop");
        t.start();
    }

    @Override
    public void report(ReportPeriod period) {
        CompletableFuture<?> unused = extras.reportNow(period).whenComplete((made, failure) -> {
            if (failure == null) {
                ui.execute(() -> events.reportWritten(made.file()));
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                ui.execute(() -> events.reportFailed(cause.getMessage()));
            }
        });
    }

    /** A step of an add-on (the gateway's address), for the status line; dropped before the UI runs. */
    public void step(String line) {
        if (events != null) {
            ui.execute(() -> events.step(line));
        }
    }

    /** A line of the scheduled reports or the alerts, for the feedback line; dropped before the UI runs. */
    public void notice(String line) {
        if (events != null) {
            ui.execute(() -> events.reportNotice(line));
        }
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

    /** Reads the input topics' end offsets from now on, for the header's input rate; once, however often called. */
    private synchronized void startInputRate(Settings s) {
        if (inputRate == null && !closed) {
            inputRate = InputOffsetsPoller.start(KafkaClients.base(s), s.inputTopics(),
                    total -> ui.execute(() -> events.inputTotal(total)));
        }
    }

    /** Stops the extras, the input rate, the results reader, the sentences and the pipeline; safe to call twice. */
    public void close() {
        extras.close();
        synchronized (this) {
            closed = true;
            if (inputRate != null) {
                inputRate.close();
                inputRate = null;
            }
        }
        clusterReadings.close();
        results.close();
        sentences.close();
        if (supervisor != null) {
            supervisor.stop();
        }
    }
}

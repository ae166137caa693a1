package io.wordstream.console.tui;

import io.wordstream.console.UserError;
import io.wordstream.console.gateway.GatewayConfig;
import io.wordstream.console.gateway.GatewayService;
import io.wordstream.console.gateway.LiveCounts;
import io.wordstream.console.gateway.WelcomeMail;
import io.wordstream.console.kafka.InputOffsetsPoller;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.launch.LogTail;
import io.wordstream.console.report.ReportMaker;
import io.wordstream.console.report.ReportPeriod;
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
import java.util.function.Function;

/**
 * Connects the terminal UI to a {@link Supervisor}: its events reach the controller on the UI thread, and the
 * controller's requests (send, restart, quit) go to the session. It decides nothing: supervision lives in the
 * session package.
 */
public final class ConsoleBridge implements ConsoleController.Backend, SessionListener {
    private final Settings settings;
    private final Executor ui;
    private final SentenceRoute sentences;
    private final ResultsFollower results;
    private final GatewayConfig gatewayConfig;
    /** What the HTTP gateway serves: fed from the same results feed as the charts (the UI thread owns theirs). */
    private final LiveCounts gatewayCounts = new LiveCounts(GatewayService.WINDOWS_KEPT);
    private ConsoleController controller;
    private Session supervisor;
    private GatewayService gateway;
    private boolean closed;
    private InputOffsetsPoller inputRate;
    private volatile Function<ReportPeriod, CompletableFuture<ReportMaker.Made>> reports;
    private volatile WelcomeMail welcome;
    private final ClusterFeeds clusterFeeds;

    public ConsoleBridge(Settings settings, Executor ui) {
        this(settings, ui, null);
    }

    /** With {@code gatewayConfig} (null for none), the HTTP gateway starts once the pipeline is ready. */
    public ConsoleBridge(Settings settings, Executor ui, GatewayConfig gatewayConfig) {
        this.settings = settings;
        this.ui = ui;
        this.gatewayConfig = gatewayConfig;
        this.clusterFeeds = new ClusterFeeds(ui, () -> controller);
        this.sentences = new SentenceRoute(new SentenceRoute.Receipts() {
            @Override
            public void queued(String sentence) {
                ui.execute(() -> controller.sendQueued(sentence));
            }

            @Override
            public void acked(String sentence, String where) {
                ui.execute(() -> controller.sendAcked(sentence, where));
            }

            @Override
            public void failed(String sentence, String reason) {
                ui.execute(() -> controller.sendFailed(sentence, reason));
            }
        });
        this.results = new ResultsFollower((rows, caughtUp) -> {
            if (gatewayConfig != null) {
                gatewayCounts.accept(rows);
            }
            ui.execute(() -> controller.results(rows, caughtUp));
        });
    }

    /** Starts {@code s}, whose events this bridge receives, and reports to {@code c}. */
    public void start(Session s, ConsoleController c) {
        this.controller = c;
        this.supervisor = s;
        s.start();
    }

    @Override
    public void onEvent(SessionEvent event) {
        if (event instanceof SessionEvent.KafkaReady e) {
            results.start(e.settings());
            startInputRate(e.settings());
            clusterFeeds.kafka(e.settings());
        } else if (event instanceof SessionEvent.Ready e) {
            sentences.open(e.settings(), supervisor.lineServer());
            ui.execute(() -> controller.ready(e.settings().bootstrap(), e.settings().master(), e.appId()));
            startGateway(e.settings());
            clusterFeeds.master(e.settings().master(), supervisor.cluster(), e.settings().security());
        } else if (event instanceof SessionEvent.JobStateChanged e) {
            ui.execute(() -> controller.jobState(e.state().name(), e.appId()));
        } else if (event instanceof SessionEvent.JobMetrics e) {
            ui.execute(() -> controller.jobEvent(e.event()));
        } else if (event instanceof SessionEvent.StartFailed e) {
            ui.execute(() -> controller.startFailed(e.reason()));
        } else if (event instanceof SessionEvent.JobEnded e) {
            ui.execute(() -> controller.jobEnded(e.state(), e.reason()));
        } else if (event instanceof SessionEvent.Relaunching e) {
            ui.execute(() -> {
                if (e.part() == SessionEvent.Part.JOB) {
                    controller.relaunching();
                }
                controller.step(e.line());
            });
        } else if (event instanceof SessionEvent.JobBack e) {
            ui.execute(() -> controller.restarted(e.appId()));
        } else if (event instanceof SessionEvent.RestartFailed e) {
            ui.execute(() -> controller.restartFailed(e.reason()));
        } else if (event instanceof SessionEvent.GaveUp e) {
            ui.execute(() -> gaveUp(e));
        } else if (event instanceof SessionEvent.BrokerExited) {
            ui.execute(() -> controller.brokerLost("the Kafka broker exited"));
        } else if (event instanceof SessionEvent.BrokerBack) {
            ui.execute(controller::brokerBack);
        } else if (event instanceof SessionEvent.Workers e) {
            ui.execute(() -> controller.workers(e.workers(), e.executors(), e.message()));
        } else if (event instanceof SessionEvent.BrokerChanged e) {
            ui.execute(() -> controller.brokerChanged(e.change()));
        } else if (event instanceof SessionEvent.KafkaAnswers e) {
            ui.execute(() -> {
                if (e.answers()) {
                    controller.brokerBack();
                } else {
                    controller.kafkaUnreachable(e.message());
                }
            });
        } else {
            ui.execute(() -> controller.step(event.line()));
        }
    }

    private synchronized void startGateway(Settings s) {
        if (gatewayConfig == null || closed) {
            return;
        }
        try {
            gateway = GatewayService.on(gatewayConfig, s, gatewayCounts, welcome);
            String line = "gateway " + gateway.uri();
            ui.execute(() -> controller.step(line));
        } catch (UserError e) {
            String line = "the HTTP gateway did not start: " + e.getMessage();
            ui.execute(() -> controller.step(line));
        }
    }

    private void gaveUp(SessionEvent.GaveUp e) {
        if (e.part() == SessionEvent.Part.JOB) {
            controller.restartFailed("the job ended " + e.attempts() + " times in a row; press Esc then r to try"
                    + " again (log: " + settings.logDir().resolve("job.log") + ")");
        } else {
            controller.brokerRestartFailed("the Kafka broker did not come back after " + e.attempts()
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
            ui.execute(controller::stopped);
        }, "pipeline-stop");
        t.start();
    }

    /** The welcome note of the gateway's sign-ups (null for none); set before {@link #start}. */
    public void welcomeBy(WelcomeMail mail) {
        this.welcome = mail;
    }

    /** Who writes the reports of the report-now key (p); until set, the key says reports are not available. */
    public void reportsBy(Function<ReportPeriod, CompletableFuture<ReportMaker.Made>> maker) {
        this.reports = maker;
    }

    @Override
    public void report(ReportPeriod period) {
        Function<ReportPeriod, CompletableFuture<ReportMaker.Made>> maker = reports;
        if (maker == null) {
            throw new UnsupportedOperationException("reports are not available in this console");
        }
        CompletableFuture<ReportMaker.Made> unused = maker.apply(period).whenComplete((made, failure) -> {
            if (failure == null) {
                ui.execute(() -> controller.reportWritten(made.file()));
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                ui.execute(() -> controller.reportFailed(cause.getMessage()));
            }
        });
    }

    /** A line of the scheduled reports or the alerts, for the feedback line; dropped before the UI runs. */
    public void notice(String line) {
        if (controller != null) {
            ui.execute(() -> controller.reportNotice(line));
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
                    total -> ui.execute(() -> controller.inputTotal(total)));
        }
    }

    /** Stops the gateway, the input rate, the results reader, the sentences and the pipeline; safe to call twice. */
    public void close() {
        synchronized (this) {
            closed = true;
            if (inputRate != null) {
                inputRate.close();
                inputRate = null;
            }
            if (gateway != null) {
                gateway.close();
                gateway = null;
            }
        }
        clusterFeeds.close();
        results.close();
        sentences.close();
        if (supervisor != null) {
            supervisor.stop();
        }
    }
}

package io.wordstream.console.cli;

import io.wordstream.console.UserError;
import io.wordstream.console.gateway.GatewayConfig;
import io.wordstream.console.gateway.GatewayService;
import io.wordstream.console.gateway.WelcomeMail;
import io.wordstream.console.launch.ChildProcesses;
import io.wordstream.console.launch.LineServer;
import io.wordstream.console.session.SessionEvent;
import io.wordstream.console.session.SessionListener;
import io.wordstream.console.session.Supervisor;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.apache.spark.launcher.SparkAppHandle;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Starts the pipeline headless, prints the supervisor's events as lines, and keeps it running until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true, footer = ConfigDefaults.HELP_FOOTER,
        description = {"Start the pipeline and keep it running: a Kafka broker on 127.0.0.1 (unless"
                + " --bootstrap-server), the topics, and the Spark job through SparkLauncher.",
                "Prints a line starting with 'ready' once the job has completed its first micro-batch.",
                "Ctrl-C or SIGTERM stops the job and the broker and exits 0; a restart on the same --data-dir resumes."
                        + " Exit status 2: a setting to change; 1: the pipeline failed."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    SecurityOptions security;

    @Mixin
    PipelineOptions pipeline;

    @Mixin
    LaunchOptions launch;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    ReportOptions reports;

    @Mixin
    GatewayOptions http;

    @Override
    public Integer call() throws Exception {
        Settings settings = SettingsFactory.forRun(kafka, pipeline, launch, cluster);
        GatewayConfig gateway = http.checkedConfig(settings.pipeline().textField());
        settings = SecurityOptions.of(security).forPipeline(settings, gateway, false, spec.commandLine().getErr(),
                "wordstream run");
        ConsoleLog.init(settings);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (launch.reset) {
            // Asked before the signal handlers take Ctrl-C over, so Ctrl-C still ends the question.
            ResetConfirmation.require(settings, System.in, err);
        }
        // Checked before anything starts: a bad mail settings file is a setting to change, not a failure later.
        Consumer<String> reportLines = line -> {
            err.println("wordstream: " + line);
            err.flush();
        };
        ReportHook reportHook = reports.any()
                ? new ReportHook(reports.plan(settings, err, http.welcomeMail), reportLines) : null;
        WelcomeMail welcome = http.welcomeMail(reports.mail.mailConfig, err, reportLines);
        CountDownLatch stop = Signals.stopOnInterruptOrTerminate();
        Lines lines = new Lines(out, err, gateway, welcome);
        Supervisor supervisor = new Supervisor(settings, Install.current(),
                reportHook == null ? lines : reportHook.after(lines), false, launch.reset);
        lines.supervisor = supervisor;
        Thread stopper = new Thread(() -> {
            try {
                stop.await();
                lines.closeGateway();
                supervisor.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-on-signal");
        stopper.setDaemon(true);
        stopper.start();
        try {
            Supervisor.Outcome outcome = supervisor.start().awaitOver();
            supervisor.stop();
            if (outcome.failure() != null) {
                throw outcome.failure();
            }
            return outcome.exitStatus();
        } finally {
            if (reportHook != null) {
                reportHook.close();
            }
            lines.closeGateway();
            if (welcome != null) {
                welcome.close();
            }
            // The last guard: nothing this console started outlives it.
            ChildProcesses.killDescendants();
        }
    }

    /** The supervisor's events as lines: 'ready ...' on standard output, the rest on standard error. */
    private static final class Lines implements SessionListener {
        private final PrintWriter out;
        private final PrintWriter err;
        private final GatewayConfig gatewayConfig;
        private final WelcomeMail welcome;
        private SparkAppHandle.State lastState;
        private volatile Supervisor supervisor;
        private GatewayService gateway;
        private boolean closed;

        Lines(PrintWriter out, PrintWriter err, GatewayConfig gatewayConfig, WelcomeMail welcome) {
            this.out = out;
            this.err = err;
            this.gatewayConfig = gatewayConfig;
            this.welcome = welcome;
        }

        /** With --http, the gateway starts once the pipeline is ready: its own feed needs the results topic. */
        private void startGateway(Settings settings) {
            if (gatewayConfig == null || closed) {
                return;
            }
            try {
                gateway = GatewayService.withOwnFeed(gatewayConfig, settings, welcome);
                out.println("gateway " + gateway.uri());
                out.flush();
            } catch (UserError e) {
                err.println("wordstream: the HTTP gateway did not start: " + e.getMessage());
            }
        }

        synchronized void closeGateway() {
            closed = true;
            if (gateway != null) {
                gateway.close();
                gateway = null;
            }
        }

        @Override
        public synchronized void onEvent(SessionEvent event) {
            if (event instanceof SessionEvent.Ready ready) {
                LineServer server = supervisor.lineServer();
                if (server != null) {
                    forwardStandardInput(server);
                }
                out.println(ready.line());
                out.flush();
                startGateway(ready.settings());
                return;
            }
            if (event instanceof SessionEvent.JobStateChanged state) {
                // The launcher reports info changes too (the app id arriving): print state changes only.
                if (state.state() == lastState) {
                    return;
                }
                lastState = state.state();
            }
            if (!event.line().isEmpty()) {
                err.println("wordstream: " + event.line());
            }
        }
    }

    /** With the console serving the socket source, each line typed on standard input goes to the job. */
    private static void forwardStandardInput(LineServer server) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    server.send(line);
                }
            } catch (IOException ignored) {
                // standard input closed: nothing more to forward
            }
        }, "stdin-to-socket");
        t.setDaemon(true);
        t.start();
    }
}

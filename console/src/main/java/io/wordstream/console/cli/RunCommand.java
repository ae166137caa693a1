package io.wordstream.console.cli;

import io.wordstream.console.gateway.GatewayConfig;
import io.wordstream.console.launch.ChildProcesses;
import io.wordstream.console.launch.LineServer;
import io.wordstream.console.session.PipelineExtras;
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
import org.apache.spark.launcher.SparkAppHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Starts the pipeline headless, prints the supervisor's events as lines, and keeps it running until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true, footer = ConfigDefaults.HELP_FOOTER,
        description = {"Start the pipeline and keep it running: a Kafka broker on 127.0.0.1 (unless"
                + " --bootstrap-server), the topics, and the Spark job through SparkLauncher.",
                "Prints a line starting with 'ready' once the job has completed its first micro-batch.",
                "Ctrl-C or SIGTERM stops the job and the broker and exits 0; a restart on the same --data-dir resumes."
                        + " Exit status 2: a setting to change; 1: the pipeline failed."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    PipelineCommandOptions options;

    @Override
    public Integer call() throws Exception {
        Settings given = options.settings();
        GatewayConfig gateway = options.gatewayConfig(given);
        Settings settings = options.secured(given, gateway, false, "wordstream run");
        ConsoleLog.init(settings);
        PrintWriter out = options.out();
        PrintWriter err = options.err();
        if (options.reset()) {
            // Asked before the signal handlers take Ctrl-C over, so Ctrl-C still ends the question.
            ResetConfirmation.require(settings, System.in, err);
        }
        Lines lines = new Lines(out, err);
        try (PipelineExtras extras = options.extras(settings, gateway, err, lines, false)) {
            CountDownLatch stop = Signals.stopOnInterruptOrTerminate();
            Supervisor supervisor = new Supervisor(settings, Install.current(), extras.after(lines), false,
                    options.reset());
            lines.supervisor = supervisor;
            stopOnSignal(stop, extras, supervisor);
            Supervisor.Outcome outcome = supervisor.start().awaitOver();
            supervisor.stop();
            if (outcome.failure() != null) {
                throw outcome.failure();
            }
            return outcome.exitStatus();
        } finally {
            // The last guard: nothing this command started outlives it.
            ChildProcesses.killDescendants();
        }
    }

    /** On Ctrl-C or SIGTERM: the add-ons close, then the pipeline stops, and {@link #call} returns. */
    private static void stopOnSignal(CountDownLatch stop, PipelineExtras extras, Supervisor supervisor) {
        Thread stopper = new Thread(() -> {
            try {
                stop.await();
                extras.close();
                supervisor.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-on-signal");
        stopper.setDaemon(true);
        stopper.start();
    }

    /** The supervisor's events as lines: 'ready ...' on standard output, the rest on standard error. */
    private static final class Lines implements SessionListener, PipelineExtras.Lines {
        private final PrintWriter out;
        private final PrintWriter err;
        private SparkAppHandle.State lastState;
        private volatile Supervisor supervisor;

        Lines(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public synchronized void onEvent(SessionEvent event) {
            if (event instanceof SessionEvent.Ready ready) {
                LineServer server = supervisor.lineServer();
                if (server != null) {
                    forwardStandardInput(server);
                }
                result(ready.line());
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
                progress(event.line());
            }
        }

        @Override
        public synchronized void result(String line) {
            out.println(line);
            out.flush();
        }

        @Override
        public synchronized void progress(String line) {
            err.println("wordstream: " + line);
        }

        @Override
        public synchronized void notice(String line) {
            err.println("wordstream: " + line);
            err.flush();
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

package io.wordstream.console.cli;

import io.wordstream.console.launch.ChildProcesses;
import io.wordstream.console.launch.LineServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import io.wordstream.console.launch.Pipeline;
import io.wordstream.console.launch.RelaunchPolicy;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.spark.launcher.SparkAppHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Starts the pipeline headless and keeps it running until Ctrl-C or SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Start the pipeline and keep it running: a Kafka broker on 127.0.0.1 (unless"
                + " --bootstrap-server), the topics, and the Spark job through SparkLauncher.",
                "Prints a line starting with 'ready' once the job has completed its first micro-batch.",
                "Ctrl-C or SIGTERM stops the job and the broker and exits 0; a restart on the same --data-dir resumes."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    PipelineOptions pipeline;

    @Mixin
    LaunchOptions launch;

    @Override
    public Integer call() throws Exception {
        Settings settings = SettingsFactory.forRun(kafka, pipeline, launch);
        ConsoleLog.init(settings);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (launch.reset) {
            // Asked before the signal handlers take Ctrl-C over, so Ctrl-C still ends the question.
            ResetConfirmation.require(settings, System.in, err);
        }
        CountDownLatch stop = Signals.stopOnInterruptOrTerminate();
        Pipeline.Listener progress = new Pipeline.Listener() {
            @Override
            public void step(String message) {
                err.println("wordstream: " + message);
            }

            private SparkAppHandle.State last;

            @Override
            public synchronized void jobState(SparkAppHandle.State state, String appId) {
                // The launcher reports info changes too (the app id arriving): print state changes only.
                if (state != last) {
                    last = state;
                    err.println("wordstream: job " + state + (appId == null ? "" : " (" + appId + ")"));
                }
            }
        };
        Pipeline created = Pipeline.create(settings, Install.current(), progress);
        if (launch.reset) {
            created.resetFirst();
        }
        try (Pipeline p = created) {
            p.start(launch.startTimeout);
            if (p.lineServer() != null) {
                forwardStandardInput(p.lineServer());
            }
            out.println(p.readyLine());
            out.flush();
            RelaunchPolicy relaunch = RelaunchPolicy.standard();
            RelaunchPolicy brokerRelaunch = RelaunchPolicy.standard();
            while (true) {
                Pipeline.End end = p.awaitEnd(stop);
                switch (end) {
                    case STOP_REQUESTED:
                        return 0;
                    case JOB_ENDED:
                        // A crashed or killed driver is relaunched from its checkpoint: nothing lost, nothing
                        // counted twice. Only a job that keeps ending ends the run.
                        if (p.relaunchAfterFailure(relaunch, stop)) {
                            continue;
                        }
                        if (stop.getCount() == 0) {
                            return 0;
                        }
                        err.println("wordstream: the Spark job ended (" + p.job().state() + "): " + p.failureReason());
                        return 1;
                    default:
                        // The embedded broker died: started again on its own data, it keeps every acknowledged
                        // record, and the producers retry the rest.
                        if (p.relaunchBrokerAfterExit(brokerRelaunch, stop)) {
                            continue;
                        }
                        if (stop.getCount() == 0) {
                            return 0;
                        }
                        err.println("wordstream: the Kafka broker did not come back; see " + p.broker().log());
                        return 1;
                }
            }
        } finally {
            // The last guard: nothing this console started outlives it.
            ChildProcesses.killDescendants();
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

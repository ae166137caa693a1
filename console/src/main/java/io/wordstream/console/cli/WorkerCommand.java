package io.wordstream.console.cli;

import io.wordstream.console.launch.Ports;
import io.wordstream.console.roles.HostAddress;
import io.wordstream.console.roles.SparkWorker;
import io.wordstream.console.security.SecureMode;
import io.wordstream.console.security.SparkDaemonConf;
import io.wordstream.console.settings.Install;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code worker} role: a Spark standalone worker that offers this host's cores to a master. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Run a Spark standalone worker on this host, in the foreground, registered with --master;"
                + " the master starts the job's executors on it.",
                "Prints a line starting with 'ready' once the master has registered it; SIGTERM or Ctrl-C stops it"
                        + " and its executors."})
final class WorkerCommand implements Callable<Integer> {
    /** A worker JVM takes seconds to start on a busy host before it even asks the master. */
    private static final Duration REGISTRATION = Duration.ofSeconds(90);

    @Mixin
    RoleOptions role;

    @Option(names = "--master", paramLabel = "spark://HOST:PORT", description = "The master to register with.")
    String master;

    @Option(names = "--cores", paramLabel = "N", defaultValue = "1",
            description = "Cores offered to executors (default: ${DEFAULT-VALUE}).")
    int cores;

    @Option(names = "--memory", paramLabel = "SIZE", defaultValue = "1g",
            description = "Memory offered to executors, such as 512m or 2g (default: ${DEFAULT-VALUE}).")
    String memory;


    @Option(names = "--master-wait", paramLabel = "DURATION", defaultValue = "30s",
            description = "How long to wait for the master to answer before starting (default: ${DEFAULT-VALUE}).")
    Duration masterWait;

    @Mixin
    WebUiOptions ui = new WebUiOptions(8081);

    @Override
    public Integer call() throws Exception {
        if (master == null) {
            throw new IllegalArgumentException("a worker needs --master spark://HOST:PORT");
        }
        HostAddress.requireLocal(role.host, "--host");
        Path dir = role.dataDir();
        List<SecureMode.Endpoint> dials = new ArrayList<>();
        if (master.startsWith("spark://")) {
            dials.add(new SecureMode.Endpoint(SecurityOptions.host(master.substring("spark://".length())),
                    SecureMode.Link.SPARK, "--master"));
        }
        SparkDaemonConf conf = role.security().forSparkDaemon(role.host, ui.port, ui.tls, dials, dir,
                role.command.commandLine().getErr(), "wordstream worker");
        SparkWorker worker = new SparkWorker(role.host, master, cores, memory, ui.port, dir, conf);
        ConsoleLog.init(worker.dataDir().resolve("logs"));
        RoleRun run = role.foreground(worker.dataDir());
        return run.run(() -> {
            Ports.requireFree(worker.conf().uiHost(), ui.port, "pass --ui-port to choose another");
            worker.awaitMaster(masterWait);
            return worker.start(Install.current());
        }, Optional.of(masterWait.plus(REGISTRATION)), "the Spark worker was not registered by " + master
                + " within " + masterWait.plus(REGISTRATION).toSeconds() + " s",
                "ready worker " + role.host + " cores=" + cores + " memory=" + memory + " master=" + master + " ui="
                        + worker.webUi() + " log=" + worker.log());
    }
}

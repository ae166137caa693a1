package io.wordstream.console.cli;

import io.wordstream.console.launch.Ports;
import io.wordstream.console.roles.HostAddress;
import io.wordstream.console.roles.SparkMaster;
import io.wordstream.console.security.SparkDaemonConf;
import io.wordstream.console.settings.Install;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code master} role: a Spark standalone master for workers on other hosts. */
@Command(name = "master", mixinStandardHelpOptions = true,
        description = {"Run a Spark standalone master on this host, in the foreground: workers register with it,"
                + " and 'run --master spark://HOST:PORT' submits the job to it.",
                "Prints a line starting with 'ready' once it serves; SIGTERM or Ctrl-C stops it."})
final class MasterCommand implements Callable<Integer> {
    @Mixin
    RoleOptions role;

    @Mixin
    RoleOptions.RolePort clientPort = new RoleOptions.RolePort(7077);

    @Mixin
    WebUiOptions ui = new WebUiOptions(8080);

    @Override
    public Integer call() throws Exception {
        HostAddress.requireLocal(role.host, "--host");
        if (clientPort.port == ui.port) {
            throw new IllegalArgumentException("--port and --ui-port must differ");
        }
        Path dir = role.dataDir();
        SparkDaemonConf conf = role.security().forSparkDaemon(role.host, ui.port, ui.tls, List.of(), dir,
                role.command.commandLine().getErr(), "wordstream master");
        SparkMaster master = new SparkMaster(role.host, clientPort.port, ui.port, dir, conf);
        ConsoleLog.init(master.dataDir().resolve("logs"));
        RoleRun run = role.foreground(master.dataDir());
        // No deadline while it runs: on a loaded host a master takes minutes to serve, and Ctrl-C still stops it.
        return run.run(() -> {
            Ports.requireFree(role.host, clientPort.port, "pass --port to choose another");
            Ports.requireFree(master.conf().uiHost(), ui.port, "pass --ui-port to choose another");
            return master.start(Install.current());
        }, Optional.empty(), "", "ready master " + master.url() + " ui=" + master.webUi() + " log=" + master.log());
    }
}

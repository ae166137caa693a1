package io.wordstream.console.cli;

import io.wordstream.console.settings.Settings;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every role takes ('broker', 'master', 'worker'): the address it binds and where it keeps its files.
 * An option or group that every role takes is added here, once; a role with a port adds {@link RolePort}.
 */
public final class RoleOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = Settings.LOOPBACK,
            description = "Address of this host the ${COMMAND-NAME} binds to (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the ${COMMAND-NAME} keeps its files and log (default: ${DEFAULT-VALUE}).")
    Path dataDir = Settings.defaultDataDir();

    @ArgGroup(exclusive = true, multiplicity = "0..1", heading = "%nSecurity%n")
    SecurityOptions security;

    /** --certs-dir or --insecure as given, or neither. */
    SecurityOptions security() {
        return SecurityOptions.of(security);
    }

    /** The role's life in the foreground, on {@code dataDir} (the role's own place in the data dir). */
    RoleRun foreground(Path dataDir) {
        return new RoleRun(command.name(), dataDir, command.commandLine().getOut(), command.commandLine().getErr());
    }

    /** The data dir as an absolute path. */
    Path dataDir() {
        return dataDir.toAbsolutePath().normalize();
    }

    /** A role's --port: declared once, with each role's own default ('broker' 9092, 'master' 7077). */
    public static final class RolePort {
        @Option(names = "--port", paramLabel = "PORT",
                description = "Port the ${COMMAND-NAME}'s clients connect to (default: ${DEFAULT-VALUE}).")
        int port;

        RolePort(int port) {
            this.port = port;
        }
    }
}

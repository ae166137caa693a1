package io.wordstream.console.cli;

import io.wordstream.console.launch.Ports;
import picocli.CommandLine.Option;

/** Where the Prometheus endpoint listens; shared by 'run', the console and 'gateway'. */
public final class MetricsOptions {
    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve the pipeline's figures for Prometheus at http://HOST:PORT/metrics (text format);"
                    + " 0 takes any free port. Off by default.")
    Integer port;

    @Option(names = "--metrics-host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address the metrics endpoint binds (default: ${DEFAULT-VALUE}).")
    String host;

    /** Whether the operator asked for the endpoint. */
    boolean enabled() {
        return port != null;
    }

    /** The port, checked before anything starts: a port in use is named then. */
    int checkedPort() {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--metrics-port takes a TCP port (1-65535, or 0 for any free one), got "
                    + port);
        }
        if (port != 0) {
            Ports.requireFree(host.strip(), port, "choose another --metrics-port or --metrics-host");
        }
        return port;
    }

    String host() {
        return host.strip();
    }
}

package io.wordstream.console.cli;

import picocli.CommandLine.Option;

/** A Spark daemon's web UI, the same options for the master and a worker, each with its own default port. */
final class WebUiOptions {
    @Option(names = "--ui-port", paramLabel = "PORT",
            description = "Port of the ${COMMAND-NAME}'s web UI (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--tls-ui",
            description = "With --certs-dir: serve the web UI on --host over TLS, to clients with a certificate of the"
                    + " cluster's CA (the console's cluster view reads it so). Without it, a secured UI listens on"
                    + " 127.0.0.1 only.")
    boolean tls;

    WebUiOptions(int port) {
        this.port = port;
    }
}

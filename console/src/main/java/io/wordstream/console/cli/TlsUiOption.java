package io.wordstream.console.cli;

import picocli.CommandLine.Option;

/** The Spark daemons' {@code --tls-ui}, the same for the master and a worker. */
final class TlsUiOption {
    @Option(names = "--tls-ui",
            description = "With --certs-dir: serve the web UI on --host over TLS, to clients with a certificate of the"
                    + " cluster's CA (the console's cluster view reads it so). Without it, a secured UI listens on"
                    + " 127.0.0.1 only.")
    boolean tlsUi;
}

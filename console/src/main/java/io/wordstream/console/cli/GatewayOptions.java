package io.wordstream.console.cli;

import io.wordstream.console.gateway.CorsPolicy;
import io.wordstream.console.gateway.GatewayConfig;
import io.wordstream.console.gateway.WelcomeMail;
import io.wordstream.console.launch.Ports;
import io.wordstream.console.report.MailConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** The HTTP gateway's options: where it listens and its limits; shared by 'gateway' and, later, 'run'/'console'. */
public final class GatewayOptions {
    @Option(names = "--http", paramLabel = "PORT",
            description = "Serve the HTTP gateway (sign-up form, POST /users and /sentences, GET /windows and"
                    + " /events) on this port; 0 takes any free port.")
    Integer port;

    @Option(names = "--http-host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address the HTTP gateway binds (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--http-max-body", paramLabel = "BYTES",
            defaultValue = "" + GatewayConfig.DEFAULT_MAX_BODY_BYTES,
            description = "Largest request body; a larger one gets 413 (default: ${DEFAULT-VALUE}, at most "
                    + GatewayConfig.MAX_BODY_BYTES + ").")
    int maxBody;

    @Option(names = "--http-max-records", paramLabel = "N", defaultValue = "" + GatewayConfig.DEFAULT_MAX_RECORDS,
            description = "Most sentences one request may send; more gets 413 (default: ${DEFAULT-VALUE}).")
    int maxRecords;

    @Option(names = "--http-rate", paramLabel = "N", defaultValue = "" + GatewayConfig.DEFAULT_REQUESTS_PER_SECOND,
            description = "Requests per second over all clients; more get 429 (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--http-max-streams", paramLabel = "N", defaultValue = "" + GatewayConfig.DEFAULT_MAX_STREAMS,
            description = "Concurrent GET /events clients; one more gets 503 (default: ${DEFAULT-VALUE}).")
    int maxStreams;

    @Option(names = "--http-allow-origin", paramLabel = "ORIGIN",
            description = "Let pages of this origin (http://HOST:PORT, as the browser shows it) call the gateway from"
                    + " a browser: their preflights are answered and the CORS headers sent. Repeatable; * lets any"
                    + " origin in, only when written out. None by default.")
    List<String> allowOrigins = new ArrayList<>();

    @Option(names = "--keep-user-fields",
            description = "Write nome and email of POST /users to Kafka beside the sentence (by default only the"
                    + " sentence is written).")
    boolean keepUserFields;

    @Option(names = "--welcome-mail",
            description = "Mail a short welcome note to the email of each POST /users whose sentence Kafka took, as"
                    + " the original's e-mail service did: at most one per address a day; needs --mail-config."
                    + " Off by default.")
    boolean welcomeMail;

    /**
     * The welcome note's sender when --welcome-mail was given, else null; checks the mail settings file before
     * anything starts and prints its warnings.
     *
     * @param mailConfig the --mail-config file, or null
     * @param log        where the note's failures go, one line each
     */
    public WelcomeMail welcomeMail(Path mailConfig, PrintWriter err, Consumer<String> log) {
        if (!welcomeMail) {
            return null;
        }
        if (!enabled()) {
            throw new IllegalArgumentException("--welcome-mail goes with --http PORT: the note answers POST /users");
        }
        if (mailConfig == null) {
            throw new IllegalArgumentException("--welcome-mail needs --mail-config FILE with the SMTP settings");
        }
        MailConfig config = MailConfig.load(mailConfig);
        config.warnings().forEach(w -> {
            err.println(w);
            err.flush();
        });
        return new WelcomeMail(config, log, Clock.systemUTC());
    }

    /** Whether the operator asked for the gateway. */
    public boolean enabled() {
        return port != null;
    }

    /**
     * For 'run' and the console: the gateway's settings when --http was given, else null; a port in use is named
     * before anything starts.
     */
    public GatewayConfig checkedConfig(String textField) {
        if (!enabled()) {
            if (!allowOrigins.isEmpty()) {
                throw new IllegalArgumentException("--http-allow-origin goes with --http PORT: it lets pages of"
                        + " other origins call the gateway");
            }
            return null;
        }
        GatewayConfig config = toConfig(textField);
        if (config.port() != 0) {
            Ports.requireFree(config.host(), config.port(), "choose another --http port or --http-host");
        }
        return config;
    }

    /** The gateway's settings; {@code textField} is the pipeline's --text-field. */
    public GatewayConfig toConfig(String textField) {
        if (port == null) {
            throw new IllegalArgumentException("give the gateway's port with --http PORT");
        }
        return new GatewayConfig(host.strip(), port, maxBody, maxRecords, rate, maxStreams, textField,
                keepUserFields, CorsPolicy.of(allowOrigins));
    }
}

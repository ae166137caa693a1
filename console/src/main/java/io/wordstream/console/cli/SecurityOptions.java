package io.wordstream.console.cli;

import io.wordstream.console.errors.UserError;
import io.wordstream.console.gateway.GatewayConfig;
import io.wordstream.console.security.CertsDir;
import io.wordstream.console.security.ClusterSecurity;
import io.wordstream.console.security.SecureMode;
import io.wordstream.console.security.SparkDaemonConf;
import io.wordstream.console.settings.RecordedKafka;
import io.wordstream.console.settings.Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * {@code --certs-dir} and {@code --insecure}, one exclusive option group on every command that serves or dials Kafka,
 * Spark or HTTP. It names what each command exposes; {@link SecureMode} decides, once.
 */
public final class SecurityOptions {
    @Option(names = "--certs-dir", paramLabel = "DIR",
            description = "Secure every link with the certificates in DIR (made by 'wordstream certs'): Kafka over"
                    + " TLS with client certificates, Spark with its secret and encryption (docs/security.md).")
    Path certsDir;

    @Option(names = "--insecure",
            description = "Run off loopback without --certs-dir, in the clear: anyone who reaches the ports gets"
                    + " in.")
    boolean insecure;

    /** The options as given; an unmatched group is an empty one. */
    static SecurityOptions of(SecurityOptions given) {
        return given == null ? new SecurityOptions() : given;
    }

    /** A pipeline's settings ('run', the console) with their security decided; prints the warning if any. */
    Settings forPipeline(Settings s, GatewayConfig gateway, boolean attach, PrintWriter err, String command) {
        List<SecureMode.Endpoint> endpoints = new ArrayList<>(kafkaEndpoints(s));
        List<CertsDir.HostName> node = new ArrayList<>();
        boolean spark = !attach && (s.localCluster() > 0 || s.master().startsWith("spark://"));
        if (!attach) {
            masterHost(s.master()).ifPresent(h -> endpoints.add(new SecureMode.Endpoint(h, SecureMode.Link.SPARK,
                    "--master")));
            Optional.ofNullable(s.sparkConf().get("spark.driver.host")).ifPresent(h -> endpoints.add(
                    new SecureMode.Endpoint(h, SecureMode.Link.SPARK, "--driver-host")));
            if (s.embeddedBroker()) {
                node.add(new CertsDir.HostName(Settings.LOOPBACK, "the embedded broker"));
            }
        }
        if (gateway != null) {
            endpoints.add(new SecureMode.Endpoint(gateway.host(), SecureMode.Link.HTTP, "--http-host"));
            if (!SecureMode.isLoopback(gateway.host())) {
                node.add(new CertsDir.HostName(gateway.host(), "--http-host"));
            }
        }
        ClusterSecurity security = decide(endpoints, s.kafkaConfig(), new CertsDir.Needs(node, !node.isEmpty(),
                true, spark), err, command);
        return s.toBuilder().security(security).build();
    }

    /** A Kafka client's settings ('send', 'watch', 'report', 'gateway'), with the gateway's address if it has one. */
    Settings forClient(Settings s, GatewayConfig gateway, PrintWriter err, String command) {
        if (certsDir == null && RecordedKafka.certs(s.dataDir())
                && RecordedKafka.read(s.dataDir()).filter(s.bootstrap()::equals).isPresent()) {
            // Its Kafka would drop a plain client at the handshake, which the client only sees as no answer.
            throw new UserError("the pipeline on " + s.dataDir() + " runs with --certs-dir: its Kafka at "
                    + s.bootstrap() + " takes TLS with a certificate of its CA only; give --certs-dir DIR too");
        }
        return forPipeline(s, gateway, true, err, command);
    }

    /**
     * A Spark daemon's security ('master', 'worker'): its {@code host} (and its UI there) and the addresses it
     * dials; secured, it needs the Spark secret, and this host's node certificate for a TLS UI.
     */
    SparkDaemonConf forSparkDaemon(String host, int uiPort, boolean tlsUi, List<SecureMode.Endpoint> dials,
                                   Path dataDir, PrintWriter err, String command) {
        List<SecureMode.Endpoint> endpoints = new ArrayList<>(dials);
        endpoints.add(new SecureMode.Endpoint(host, SecureMode.Link.SPARK, "--host"));
        List<CertsDir.HostName> node = tlsUi ? List.of(new CertsDir.HostName(host, "--host")) : List.of();
        ClusterSecurity secured = decide(endpoints, Optional.empty(), new CertsDir.Needs(node, tlsUi, tlsUi, true),
                err, command);
        return SparkDaemonConf.of(secured, host, uiPort, tlsUi, dataDir.resolve("conf"));
    }

    /** Decides for a role or a command whose addresses the caller names; prints the warning if any. */
    ClusterSecurity decide(List<SecureMode.Endpoint> endpoints, Optional<Path> kafkaConfig, CertsDir.Needs needs,
                           PrintWriter err, String command) {
        Optional<String> protocol = kafkaProtocol(kafkaConfig);
        if (certsDir != null && protocol.isPresent()) {
            throw new UserError("--kafka-config " + kafkaConfig.get() + " sets security.protocol=" + protocol.get()
                    + ", and --certs-dir secures Kafka with TLS itself: remove security.protocol from the file, or"
                    + " leave out --certs-dir");
        }
        boolean ownTls = protocol.filter(p -> p.equals("SSL") || p.equals("SASL_SSL")).isPresent();
        SecureMode.Decision d = SecureMode.decide(new SecureMode.Request(Optional.ofNullable(certsDir), insecure,
                endpoints, ownTls, needs), Instant.now());
        d.warning().ifPresent(w -> {
            err.println(command + ": " + w);
            err.flush();
        });
        return d.security();
    }

    /** The hosts of a pipeline's Kafka: none for the embedded broker, which listens on loopback. */
    private static List<SecureMode.Endpoint> kafkaEndpoints(Settings s) {
        List<SecureMode.Endpoint> endpoints = new ArrayList<>();
        if (s.embeddedBroker()) {
            return endpoints;
        }
        for (String server : s.bootstrap().split(",")) {
            // An entry without a port is no address to dial: the Kafka client's own check names it.
            if (server.contains(":")) {
                endpoints.add(new SecureMode.Endpoint(host(server.strip()), SecureMode.Link.KAFKA,
                        "--bootstrap-server"));
            }
        }
        return endpoints;
    }

    /** The host of {@code HOST:PORT} or {@code [V6]:PORT}. */
    static String host(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static Optional<String> masterHost(String master) {
        if (!master.startsWith("spark://")) {
            return Optional.empty();
        }
        return Optional.of(host(master.substring("spark://".length()).split(",")[0]));
    }

    /** The security.protocol of the operator's Kafka client file, upper case, if it sets one. */
    private static Optional<String> kafkaProtocol(Optional<Path> kafkaConfig) {
        if (kafkaConfig.isEmpty()) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(kafkaConfig.get())) {
            p.load(in);
        } catch (IOException e) {
            throw new UserError("cannot read the Kafka client properties file " + kafkaConfig.get() + " ("
                    + e.getMessage() + "); check --kafka-config");
        }
        return Optional.ofNullable(p.getProperty("security.protocol")).map(v -> v.strip().toUpperCase(Locale.ROOT));
    }
}

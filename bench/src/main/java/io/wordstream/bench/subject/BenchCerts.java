package io.wordstream.bench.subject;

import io.wordstream.console.security.CertFiles;
import io.wordstream.console.security.CertsDir;
import io.wordstream.console.security.CertsTool;
import io.wordstream.console.security.SecureMode;
import io.wordstream.console.settings.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The certificates of a secured bench run, made by wordstream's own cert tool as docs/security.md tells an operator
 * to: a new CA whose key stays outside the dirs, the node's certs dir for {@code run --certs-dir} (a certificate
 * for 127.0.0.1 and the Spark secret), and the bench's own dir with the CA certificate and a client certificate.
 *
 * @param node   the dir {@code run --certs-dir} gets
 * @param client the bench's dir: {@code ca.crt} and {@code client.bench.crt} with its key
 */
public record BenchCerts(Path node, Path client) {
    /** The name of the bench's client certificate. */
    public static final String CLIENT_NAME = "bench";

    /** Makes the CA ({@code dir/ca.key}), {@code dir/node} and {@code dir/client}; {@code dir} must not hold them. */
    public static BenchCerts make(Path dir, Instant now) {
        Path caKey = dir.resolve("ca.key");
        Path node = dir.resolve("node");
        Path client = dir.resolve("client");
        new CertsTool(node, false).createCa(caKey, now);
        new CertsTool(node, false).createNode(caKey, List.of(Settings.LOOPBACK), now);
        try {
            Files.createDirectories(client, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Files.copy(node.resolve(CertFiles.CA_CERT), client.resolve(CertFiles.CA_CERT));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the bench's certs dir " + client, e);
        }
        new CertsTool(client, false).createClient(caKey, CLIENT_NAME, now);
        return new BenchCerts(node, client);
    }

    /**
     * The bench's Kafka client settings, as any wordstream command with {@code --certs-dir} of the client dir gets
     * them: TLS, its client certificate, the CA's brokers only, hostname verification.
     */
    public Properties kafkaClient() {
        SecureMode.Request request = new SecureMode.Request(Optional.of(client), false, List.of(), false,
                CertsDir.Needs.clientOnly());
        Properties p = new Properties();
        p.putAll(SecureMode.decide(request, Instant.now()).security().kafkaClient());
        return p;
    }
}

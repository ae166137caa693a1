package io.wordstream.console.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/**
 * A cluster's certificates for a test, made by the product's own {@code wordstream certs} code: one CA, and a certs
 * dir per host or client as an operator would copy them (ca.crt and spark.secret in each, plus that host's node
 * files or that client's files). The CA's key stays beside, outside every certs dir.
 */
public final class TestCerts {
    private final Path root;
    private final Path caDir;
    private final Path caKey;

    private TestCerts(Path root) {
        this.root = root;
        this.caDir = root.resolve("ca");
        this.caKey = root.resolve("ca.key");
    }

    /** A new CA under {@code root}. */
    public static TestCerts create(Path root) {
        TestCerts certs = new TestCerts(root);
        new CertsTool(certs.caDir, false).createCa(certs.caKey, Instant.now());
        return certs;
    }

    /** The CA's own dir: ca.crt and spark.secret only. */
    public Path caDir() {
        return caDir;
    }

    public Path caKey() {
        return caKey;
    }

    /** A host's certs dir {@code root/NAME}: the CA, the secret, and a node certificate for {@code addresses}. */
    public Path node(String name, String... addresses) {
        return node(name, Instant.now(), addresses);
    }

    /** As {@link #node(String, String...)}, the certificate made as if at {@code madeAt} (in the past: expired). */
    public Path node(String name, Instant madeAt, String... addresses) {
        Path dir = shared(name);
        new CertsTool(dir, true).createNode(caKey, List.of(addresses), madeAt);
        return dir;
    }

    /** A client's certs dir {@code root/NAME}: the CA, the secret, and a client certificate for {@code user}. */
    public Path client(String name, String user) {
        Path dir = shared(name);
        new CertsTool(dir, true).createClient(caKey, user, Instant.now());
        return dir;
    }

    /** Kafka client properties for {@code bootstrap} with the client identity of {@code certsDir}, over TLS. */
    public static Properties kafkaClient(Path certsDir, String bootstrap) {
        ClusterCredentials c = CertsDir.read(certsDir, CertsDir.Needs.clientOnly(), Instant.now());
        Properties p = new Properties();
        p.putAll(KafkaTls.client(c, c.client()));
        p.put("bootstrap.servers", bootstrap);
        return p;
    }

    /** {@code root/NAME} with the files every host gets: ca.crt and spark.secret. */
    public Path shared(String name) {
        Path dir = root.resolve(name);
        try {
            CertFiles.ownerOnlyDir(dir);
            for (String file : List.of(CertFiles.CA_CERT, CertFiles.SPARK_SECRET)) {
                Files.copy(caDir.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot make " + dir, e);
        }
        return dir;
    }
}

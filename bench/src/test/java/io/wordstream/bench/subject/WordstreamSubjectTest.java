package io.wordstream.bench.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secured bench subject: the certificates made for it, and its clients' settings (nothing is started). */
class WordstreamSubjectTest {
    @TempDir
    Path dir;

    @Test
    void theNodeCertsDirHoldsAnOwnerOnlyNodeKeyAndNotTheCaKey() throws IOException {
        BenchCerts certs = BenchCerts.make(dir, Instant.now());
        assertTrue(Files.isRegularFile(certs.node().resolve("node.crt")));
        assertTrue(Files.isRegularFile(certs.node().resolve("spark.secret")));
        assertEquals("rw-------", mode(certs.node().resolve("node.key")));
        assertEquals("rw-------", mode(dir.resolve("ca.key")), "the CA key is written, owner-only, beside the dirs");
        try (Stream<Path> files = Files.list(certs.node())) {
            assertEquals(List.of("node.key"), files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".key")).toList(), "the CA key stays outside the certs dir");
        }
        assertFalse(certs.client().startsWith(certs.node()));
        assertEquals("rw-------", mode(certs.client().resolve("client.bench.key")));
        assertFalse(Files.exists(certs.client().resolve("ca.key")));
    }

    @Test
    void theSecuredSubjectRunsWithTheCertsDirAndItsClientsPresentTheClientCertificate() throws IOException {
        BenchCerts certs = BenchCerts.make(dir, Instant.now());
        WordstreamSubject secured = WordstreamSubject.secured(dir, dir.resolve("data"), 9093, List.of(), certs);
        assertEquals(WordstreamSubject.SECURED, secured.name());
        List<String> command = secured.command();
        assertEquals(List.of("--broker-port", "9093"), command.subList(4, 6), "its own broker: " + command);
        assertEquals(List.of("--certs-dir", certs.node().toString()), command.subList(command.size() - 2,
                command.size()));
        Properties kafka = secured.kafka();
        assertEquals("127.0.0.1:9093", kafka.getProperty("bootstrap.servers"));
        assertEquals("SSL", kafka.getProperty("security.protocol"));
        assertEquals("https", kafka.getProperty("ssl.endpoint.identification.algorithm"));
        String clientCert = read(certs.client().resolve("client.bench.crt"));
        assertEquals(clientCert.strip(), kafka.getProperty("ssl.keystore.certificate.chain").strip(),
                "the bench's clients show the client certificate");
        assertNotEquals(read(certs.node().resolve("node.crt")).strip(), clientCert.strip());
        assertTrue(kafka.getProperty("ssl.keystore.key").startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals(read(certs.node().resolve("ca.crt")).strip(),
                kafka.getProperty("ssl.truststore.certificates").strip(), "only brokers of the run's CA are trusted");
    }

    @Test
    void thePlainSubjectsHaveNoTls() {
        WordstreamSubject own = WordstreamSubject.withOwnBroker(dir, dir.resolve("data"), 9093, List.of());
        assertEquals("wordstream", own.name());
        assertFalse(own.command().contains("--certs-dir"));
        assertEquals("127.0.0.1:9093", own.kafka().getProperty("bootstrap.servers"));
        assertNull(own.kafka().getProperty("security.protocol"));
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII);
    }
}

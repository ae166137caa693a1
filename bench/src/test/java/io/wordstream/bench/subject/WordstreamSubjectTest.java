package io.wordstream.bench.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secured subject: its certificates, and its clients' settings (nothing is started). */
class WordstreamSubjectTest {
    @TempDir
    Path dir;

    @Test
    void theSecuredSubjectsClientsShowTheCertificateMadeForTheRun() throws Exception {
        Path certs = WordstreamSubject.certsFor(dir);
        assertTrue(Files.exists(certs.resolve("node.crt")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                certs.resolve("node.key"))));
        assertFalse(Files.exists(certs.resolve("ca.key")), "the CA's key stays outside the certs dir");
        WordstreamSubject secured = new WordstreamSubject(dir, dir.resolve("data"), 9092, List.of(),
                Optional.of(certs));
        assertEquals(WordstreamSubject.SECURED, secured.name());
        Properties kafka = secured.kafka();
        assertEquals("SSL", kafka.getProperty("security.protocol"));
        assertTrue(kafka.getProperty("ssl.keystore.key").startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals("127.0.0.1:9092", kafka.getProperty("bootstrap.servers"));
    }

    @Test
    void thePlainSubjectIsUnchanged() {
        WordstreamSubject plain = new WordstreamSubject(dir, dir.resolve("data"), 9092, List.of());
        assertEquals("wordstream", plain.name());
        assertEquals(null, plain.kafka().getProperty("security.protocol"));
    }
}

package io.wordstream.console.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.security.CertsDir;
import io.wordstream.console.security.ClusterSecurity;
import io.wordstream.console.security.SecureMode;
import io.wordstream.console.security.TestCerts;
import io.wordstream.console.settings.Settings;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a secured job gets in owner-only files instead of its command line, and a plain job does not get at all. */
class JobSecretsTest {
    @TempDir
    Path root;

    private static Properties load(Path file) throws Exception {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void aSecuredJobGetsItsSecretAndItsKafkaIdentityInOwnerOnlyFiles() throws Exception {
        Path host = TestCerts.create(root.resolve("pki")).node("host", Settings.LOOPBACK);
        ClusterSecurity secured = SecureMode.decide(new SecureMode.Request(Optional.of(host), false, List.of(),
                false, new CertsDir.Needs(List.of(), true, true, true)), Instant.now()).security();
        Path operatorFile = Files.writeString(root.resolve("client.properties"), "client.id=mine\nlinger.ms=5\n");
        Settings settings = Settings.builder().dataDir(root.resolve("data")).kafkaConfig(Optional.of(operatorFile))
                .security(secured).build();

        Path spark = JobSecrets.sparkProperties(settings).orElseThrow();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(spark)));
        Properties sparkConf = load(spark);
        assertEquals(Files.readString(host.resolve("spark.secret")).strip(),
                sparkConf.getProperty("spark.authenticate.secret"));
        assertEquals("true", sparkConf.getProperty("spark.network.crypto.enabled"));
        assertEquals("true", sparkConf.getProperty("spark.io.encryption.enabled"));

        Settings job = JobSecrets.forJob(settings);
        Path kafka = job.kafkaConfig().orElseThrow();
        assertEquals(settings.runDir().resolve("kafka-client.properties"), kafka);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kafka)));
        Properties client = load(kafka);
        assertEquals("mine", client.getProperty("client.id"), "the operator's own settings stay");
        assertEquals("SSL", client.getProperty("security.protocol"));
        assertEquals(Files.readString(host.resolve("node.key")), client.getProperty("ssl.keystore.key"),
                "the node's key, as PKCS#8 PEM, for a cluster host that has no client certificate");
        assertTrue(!job.toString().contains("PRIVATE KEY"));
    }

    @Test
    void aPlainJobGetsNoFile() {
        Settings settings = Settings.builder().dataDir(root.resolve("data")).build();
        assertEquals(Optional.empty(), JobSecrets.sparkProperties(settings));
        assertEquals(settings.kafkaConfig(), JobSecrets.forJob(settings).kafkaConfig());
        assertTrue(!Files.exists(settings.runDir()));
    }
}

package io.wordstream.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.errors.UserError;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one decision: loopback as before, off loopback only with certificates or with --insecure and a warning. */
class SecureModeTest {
    private static final SecureMode.Endpoint OFF = new SecureMode.Endpoint("10.0.0.1", SecureMode.Link.SPARK,
            "--host");
    private static final SecureMode.Endpoint KAFKA = new SecureMode.Endpoint("10.0.0.2", SecureMode.Link.KAFKA,
            "--bootstrap-server");
    private static final SecureMode.Endpoint LOCAL = new SecureMode.Endpoint("127.0.0.1", SecureMode.Link.KAFKA,
            "--host");

    @TempDir
    Path root;

    private static SecureMode.Decision decide(Optional<Path> dir, boolean insecure, boolean ownTls,
                                              SecureMode.Endpoint... endpoints) {
        return SecureMode.decide(new SecureMode.Request(dir, insecure, List.of(endpoints), ownTls,
                CertsDir.Needs.clientOnly()), Instant.now());
    }

    @Test
    void loopbackNeedsNothingAndStaysAsItWas() {
        SecureMode.Decision d = decide(Optional.empty(), false, false, LOCAL,
                new SecureMode.Endpoint("localhost", SecureMode.Link.HTTP, "--http-host"));
        assertEquals(ClusterSecurity.Mode.LOOPBACK, d.security().mode());
        assertEquals(Optional.empty(), d.warning());
        assertEquals(Map.of(), d.security().kafkaClient());
        assertEquals(Map.of(), d.security().sparkConf());
        assertEquals("", d.security().badge(), "the console's header says nothing of security on loopback");
    }

    @Test
    void offLoopbackWithoutCertificatesIsRefusedInOneLine() {
        UserError e = assertThrows(UserError.class, () -> decide(Optional.empty(), false, false, LOCAL, OFF, KAFKA));
        assertEquals("10.0.0.1 (--host), 10.0.0.2 (--bootstrap-server) are off loopback, where anyone who reaches"
                + " it gets in: give --certs-dir DIR (made with 'wordstream certs create-ca', see docs/security.md),"
                + " or --insecure to run in the clear", e.getMessage());
        UserError wildcard = assertThrows(UserError.class, () -> decide(Optional.empty(), false, false,
                new SecureMode.Endpoint("0.0.0.0", SecureMode.Link.HTTP, "--http-host")));
        assertTrue(wildcard.getMessage().startsWith("0.0.0.0 (--http-host) is off loopback"), wildcard.getMessage());
    }

    @Test
    void insecureRunsInTheClearWithOneWarningLine() {
        SecureMode.Decision d = decide(Optional.empty(), true, false, OFF);
        assertEquals(ClusterSecurity.Mode.INSECURE, d.security().mode());
        assertEquals("warning: --insecure: the links of 10.0.0.1 (--host) are neither encrypted nor authenticated;"
                + " anyone who reaches them can read the counts and run code on the workers", d.warning().get());
        assertTrue(!d.security().secured());
        assertEquals("NOT secured (--insecure)", d.security().badge());
    }

    @Test
    void aKafkaTheOperatorSecuresWithTlsCountsAsSecuredForKafkaOnly() {
        assertEquals(ClusterSecurity.Mode.LOOPBACK, decide(Optional.empty(), false, true, KAFKA).security().mode());
        assertThrows(UserError.class, () -> decide(Optional.empty(), false, true, KAFKA, OFF));
    }

    @Test
    void certificatesSecureKafkaWithInlinePemAndSparkWithTheSecret() {
        TestCerts certs = TestCerts.create(root);
        Path dir = certs.node("host1", "10.0.0.1");
        SecureMode.Decision d = SecureMode.decide(new SecureMode.Request(Optional.of(dir), false, List.of(OFF),
                false, new CertsDir.Needs(List.of(), false, true, true)), Instant.now());
        assertTrue(d.security().secured());
        assertEquals(Optional.empty(), d.warning());
        assertEquals("secured: TLS+certificates, Spark auth", d.security().badge());
        var kafka = d.security().kafkaClient();
        assertEquals("SSL", kafka.get("security.protocol"));
        assertEquals("PEM", kafka.get("ssl.keystore.type"));
        assertTrue(kafka.get("ssl.keystore.key").startsWith("-----BEGIN PRIVATE KEY-----"));
        assertTrue(kafka.get("ssl.keystore.certificate.chain").startsWith("-----BEGIN CERTIFICATE-----"));
        assertTrue(kafka.get("ssl.truststore.certificates").startsWith("-----BEGIN CERTIFICATE-----"));
        var spark = d.security().sparkConf();
        assertEquals("true", spark.get("spark.authenticate"));
        assertEquals("true", spark.get("spark.network.crypto.enabled"));
        assertEquals("true", spark.get("spark.io.encryption.enabled"));
        assertTrue(spark.get("spark.authenticate.secret").length() >= 40);
        // Spark masks every setting that holds key material or the secret in its UI and logs.
        Pattern redact = Pattern.compile(spark.get("spark.redaction.regex"));
        for (String key : List.of("kafka.ssl.keystore.key", "kafka.ssl.keystore.certificate.chain",
                "kafka.ssl.truststore.certificates", "spark.authenticate.secret")) {
            assertTrue(redact.matcher(key).find(), key);
        }
        assertTrue(!d.security().toString().contains("PRIVATE"));
    }

    @Test
    void certificatesAndInsecureContradict() {
        Path dir = TestCerts.create(root).client("c", "c");
        UserError e = assertThrows(UserError.class, () -> decide(Optional.of(dir), true, false, OFF));
        assertEquals("--certs-dir and --insecure contradict each other; give one of them", e.getMessage());
    }
}

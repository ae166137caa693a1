package io.wordstream.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.errors.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a certs dir is refused: one line that names the file and the fix. Real certificates, no mocks. */
class CertsDirTest {
    private static final CertsDir.Needs BROKER = new CertsDir.Needs(List.of(new CertsDir.HostName("10.0.0.1",
            "--host")), true, true, false);

    @TempDir
    Path root;

    private TestCerts certs;

    @BeforeEach
    void makeCa() {
        certs = TestCerts.create(root);
    }

    private static String refusal(Path dir, CertsDir.Needs needs) {
        UserError e = assertThrows(UserError.class, () -> CertsDir.read(dir, needs, Instant.now()));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aGoodNodeDirGivesTheNodeAsItsOwnClientAndTheSecret() {
        Path dir = certs.node("host1", "10.0.0.1", "host1.example.com");
        ClusterCredentials c = CertsDir.read(dir, new CertsDir.Needs(List.of(new CertsDir.HostName(
                "host1.example.com", "--host")), true, true, true), Instant.now());
        assertEquals(dir.resolve("node.crt"), c.node().orElseThrow().certFile());
        assertEquals(dir.resolve("node.crt"), c.client().certFile(), "without client.NAME.crt, the node is the client");
        assertTrue(c.hasSparkSecret());
        assertEquals(List.of("10.0.0.1", "host1.example.com"), c.node().orElseThrow().names());
        assertTrue(!c.toString().contains("PRIVATE") && !c.node().orElseThrow().toString().contains("PRIVATE"));
    }

    @Test
    void aClientDirGivesItsOneClientCertificate() {
        Path dir = certs.client("alice", "alice");
        ClusterCredentials c = CertsDir.read(dir, CertsDir.Needs.clientOnly(), Instant.now());
        assertEquals("alice", c.client().commonName());
        new CertsTool(dir, false).createClient(certs.caKey(), "bob", Instant.now());
        assertEquals(dir + " holds client certificates for alice, bob; keep one client.NAME.crt and its key per certs"
                + " dir: a command uses the one it finds", refusal(dir, CertsDir.Needs.clientOnly()));
    }

    @Test
    void aNodeCertificateOfAnotherCaIsRefused() throws Exception {
        Path dir = certs.shared("host1");
        Path foreign = Files.createDirectories(root.resolve("foreign"));
        Openssl.foreignCluster(foreign, "10.0.0.1");
        Files.copy(foreign.resolve("node.crt"), dir.resolve("node.crt"));
        Files.copy(foreign.resolve("node.key"), dir.resolve("node.key"));
        Files.setPosixFilePermissions(dir.resolve("node.key"), PosixFilePermissions.fromString("rw-------"));
        assertEquals(dir.resolve("node.crt") + " was not signed by the CA in " + dir.resolve("ca.crt") + "; make it"
                + " again with 'wordstream certs create-node --certs-dir " + dir + " --ca-key FILE 10.0.0.1' and this"
                + " cluster's CA key, or copy this cluster's ca.crt", refusal(dir, BROKER));
    }

    @Test
    void anExpiredNodeCertificateIsRefused() {
        Instant sixYearsAgo = Instant.now().minus(Duration.ofDays(6 * 366));
        Path dir = certs.node("host1", sixYearsAgo, "10.0.0.1");
        String e = refusal(dir, BROKER);
        assertTrue(e.matches(dir.resolve("node.crt").toString().replace(".", "\\.") + " expired on \\S+; make a new"
                + " one with 'wordstream certs create-node --certs-dir .* --ca-key FILE 10\\.0\\.0\\.1'"
                + " \\(docs/security\\.md, rotating a certificate\\)"), e);
    }

    @Test
    void aNodeCertificateThatDoesNotNameThisHostIsRefused() {
        Path dir = certs.node("host2", "10.0.0.2", "host2");
        assertEquals(dir.resolve("node.crt") + " names 10.0.0.2, host2 but not 10.0.0.1 (--host); make this host's"
                + " with 'wordstream certs create-node --certs-dir " + dir + " --ca-key FILE 10.0.0.1'",
                refusal(dir, BROKER));
    }

    @Test
    void aKeyOthersCanReadIsRefusedWithChmod600() throws Exception {
        Path dir = certs.node("host1", "10.0.0.1");
        Files.setPosixFilePermissions(dir.resolve("node.key"), PosixFilePermissions.fromString("rw-r-----"));
        assertEquals(dir.resolve("node.key") + " can be read by others (mode rw-r-----); chmod 600 "
                + dir.resolve("node.key"), refusal(dir, BROKER));
        Files.setPosixFilePermissions(dir.resolve("node.key"), PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(dir.resolve("spark.secret"), PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(dir.resolve("spark.secret") + " can be read by others (mode rw-r--r--); chmod 600 "
                + dir.resolve("spark.secret"), refusal(dir, new CertsDir.Needs(List.of(), false, false, true)));
    }

    @Test
    void eachMissingFileIsNamedWithWhereItComesFrom() throws Exception {
        Path dir = certs.node("host1", "10.0.0.1");
        Files.delete(dir.resolve("node.key"));
        assertEquals(dir.resolve("node.key") + " is missing; copy it beside node.crt: the two were made together",
                refusal(dir, BROKER));
        Files.delete(dir.resolve("node.crt"));
        assertEquals(dir.resolve("node.crt") + " is missing; make it with 'wordstream certs create-node --certs-dir "
                + dir + " --ca-key FILE 10.0.0.1'", refusal(dir, BROKER));
        Files.delete(dir.resolve("spark.secret"));
        assertEquals(dir.resolve("spark.secret") + " is missing; copy spark.secret from the certs dir that"
                + " 'wordstream certs create-ca' made", refusal(dir, new CertsDir.Needs(List.of(), false, false,
                true)));
        assertEquals(dir + " holds no client certificate (client.NAME.crt) nor node.crt; make one with 'wordstream"
                + " certs create-client --certs-dir " + dir + " --ca-key FILE NAME'",
                refusal(dir, CertsDir.Needs.clientOnly()));
        Files.delete(dir.resolve("ca.crt"));
        assertEquals(dir.resolve("ca.crt") + " is missing; copy the cluster's ca.crt there (made by 'wordstream"
                + " certs create-ca')", refusal(dir, CertsDir.Needs.clientOnly()));
        Path none = root.resolve("none");
        assertEquals("--certs-dir " + none + " is not a directory; make one with 'wordstream certs create-ca"
                + " --certs-dir " + none + " --ca-key FILE', or copy the cluster's certs dir there",
                refusal(none, CertsDir.Needs.clientOnly()));
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefused() throws Exception {
        Path one = certs.node("host1", "10.0.0.1");
        Path two = certs.node("host2", "10.0.0.1");
        Files.copy(two.resolve("node.key"), one.resolve("node.key"), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(one.resolve("node.key") + " is not the key of " + one.resolve("node.crt") + "; copy the key made"
                + " with it, or make both again with 'wordstream certs create-node --certs-dir " + one + " --ca-key"
                + " FILE 10.0.0.1'", refusal(one, BROKER));
    }

    @Test
    void anEncryptedOrTraditionalKeyIsRefusedWithTheConversion() throws Exception {
        Path dir = certs.node("host1", "10.0.0.1");
        Path key = dir.resolve("node.key");
        Openssl.run("pkey", "-in", key.toString(), "-traditional", "-out", root.resolve("rsa.key").toString());
        Files.copy(root.resolve("rsa.key"), key, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertEquals(key + ": it is not an unencrypted PKCS#8 key (BEGIN PRIVATE KEY); convert it with 'openssl"
                + " pkcs8 -topk8 -nocrypt -in " + key + " -out " + key + ".pk8' and move that over it",
                refusal(dir, BROKER));
    }
}

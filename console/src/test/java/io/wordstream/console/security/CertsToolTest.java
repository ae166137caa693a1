package io.wordstream.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.errors.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wordstream certs}' files, checked by openssl as an operator would check them. */
class CertsToolTest {
    @TempDir
    Path root;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void theCaAndANodeCertificateAreFilesOpensslVerifiesWithTheGivenNamesAndOwnerOnlyKeys() throws Exception {
        Path dir = root.resolve("certs");
        Path caKey = root.resolve("keys").resolve("ca.key");
        CertsTool tool = new CertsTool(dir, false);
        tool.createCa(caKey, Instant.now());
        tool.createNode(caKey, List.of("10.0.0.1", "::1", "kafka1.example.com"), Instant.now());
        tool.createClient(caKey, "operator", Instant.now());

        assertEquals("rwx------", mode(dir));
        assertEquals("rw-------", mode(caKey), "the CA key");
        assertEquals("rw-------", mode(dir.resolve("node.key")));
        assertEquals("rw-------", mode(dir.resolve("client.operator.key")));
        assertEquals("rw-------", mode(dir.resolve("spark.secret")));
        assertEquals("rw-r--r--", mode(dir.resolve("node.crt")), "a certificate is public");
        assertTrue(!Files.exists(dir.resolve("ca.key")), "the CA key is never in the certs dir");

        String ca = dir.resolve("ca.crt").toString();
        assertEquals(dir.resolve("node.crt") + ": OK", Openssl.run("verify", "-CAfile", ca,
                dir.resolve("node.crt").toString()).strip());
        assertEquals(dir.resolve("client.operator.crt") + ": OK", Openssl.run("verify", "-CAfile", ca,
                dir.resolve("client.operator.crt").toString()).strip());
        String node = Openssl.run("x509", "-in", dir.resolve("node.crt").toString(), "-noout", "-text");
        assertTrue(node.contains("IP Address:10.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:kafka1.example.com"), node);
        assertTrue(node.contains("TLS Web Server Authentication, TLS Web Client Authentication"), node);
        assertTrue(node.contains("CA:FALSE"), node);
        String caText = Openssl.run("x509", "-in", ca, "-noout", "-text");
        assertTrue(caText.contains("CA:TRUE"), caText);
        // The keys are unencrypted PKCS#8, which openssl reads without a pass phrase and finds to match.
        assertTrue(Files.readString(dir.resolve("node.key")).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals(Openssl.run("x509", "-in", dir.resolve("node.crt").toString(), "-noout", "-pubkey"),
                Openssl.run("pkey", "-in", dir.resolve("node.key").toString(), "-pubout"));
        assertTrue(Files.readString(dir.resolve("spark.secret")).strip().length() >= 40);
    }

    @Test
    void listShowsEachFileWithItsSubjectNamesAndExpiry() {
        Path dir = root.resolve("certs");
        Path caKey = root.resolve("ca.key");
        CertsTool tool = new CertsTool(dir, false);
        tool.createCa(caKey, Instant.now());
        tool.createNode(caKey, List.of("10.0.0.1", "host1"), Instant.now());
        List<String> lines = tool.list();
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).matches("ca\\.crt +CA +CN=wordstream CA [0-9a-f]+,O=wordstream  expires"
                + " 20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"), lines.get(0));
        assertTrue(lines.get(1).matches("node\\.crt +node +CN=node,O=wordstream  names 10\\.0\\.0\\.1, host1  expires"
                + " .*"), lines.get(1));
        assertTrue(lines.get(2).matches("node\\.key +key +mode rw-------"), lines.get(2));
        assertTrue(lines.get(3).matches("spark\\.secret +secret +mode rw-------"), lines.get(3));
    }

    @Test
    void theCaKeyInsideTheCertsDirIsRefused() {
        Path dir = root.resolve("certs");
        UserError e = assertThrows(UserError.class, () -> new CertsTool(dir, false).createCa(dir.resolve("ca.key"),
                Instant.now()));
        assertTrue(e.getMessage().startsWith("--ca-key " + dir.resolve("ca.key") + " is inside --certs-dir"),
                e.getMessage());
        assertTrue(!Files.exists(dir.resolve("ca.crt")));
    }

    @Test
    void anExistingFileIsReplacedOnlyWithOverwrite() throws Exception {
        Path dir = root.resolve("certs");
        Path caKey = root.resolve("ca.key");
        new CertsTool(dir, false).createCa(caKey, Instant.now());
        new CertsTool(dir, false).createNode(caKey, List.of("10.0.0.1"), Instant.now());
        String before = Files.readString(dir.resolve("node.crt"));
        UserError e = assertThrows(UserError.class, () -> new CertsTool(dir, false).createNode(caKey,
                List.of("10.0.0.2"), Instant.now()));
        assertEquals(dir.resolve("node.crt") + " exists (--certs-dir); pass --overwrite to replace it, or choose"
                + " another --certs-dir", e.getMessage());
        assertEquals(before, Files.readString(dir.resolve("node.crt")));
        new CertsTool(dir, true).createNode(caKey, List.of("10.0.0.2"), Instant.now());
        assertTrue(Openssl.run("x509", "-in", dir.resolve("node.crt").toString(), "-noout", "-ext",
                "subjectAltName").contains("IP Address:10.0.0.2"));
        assertEquals("rw-------", mode(dir.resolve("node.key")), "a replaced key is owner-only too");
    }

    @Test
    void aNodeAddressWithAPortAndABadClientNameAreRefused() {
        Path dir = root.resolve("certs");
        Path caKey = root.resolve("ca.key");
        new CertsTool(dir, false).createCa(caKey, Instant.now());
        UserError port = assertThrows(UserError.class, () -> new CertsTool(dir, false).createNode(caKey,
                List.of("10.0.0.1:9092"), Instant.now()));
        assertEquals("'10.0.0.1:9092' is neither an IP address nor a host name; give addresses without ports"
                + " (10.0.0.1, not 10.0.0.1:9092)", port.getMessage());
        UserError name = assertThrows(UserError.class, () -> new CertsTool(dir, false).createClient(caKey,
                "../evil", Instant.now()));
        assertTrue(name.getMessage().startsWith("'../evil' cannot name a client"), name.getMessage());
    }

    @Test
    void aCaKeyOthersCanReadOrOfAnotherCaIsRefused() throws Exception {
        Path dir = root.resolve("certs");
        Path caKey = root.resolve("ca.key");
        new CertsTool(dir, false).createCa(caKey, Instant.now());
        Files.setPosixFilePermissions(caKey, PosixFilePermissions.fromString("rw-r--r--"));
        UserError open = assertThrows(UserError.class, () -> new CertsTool(dir, false).createClient(caKey, "a",
                Instant.now()));
        assertEquals(caKey + " can be read by others (mode rw-r--r--); chmod 600 " + caKey, open.getMessage());

        Path other = root.resolve("other");
        Path otherKey = root.resolve("other.key");
        new CertsTool(other, false).createCa(otherKey, Instant.now());
        UserError foreign = assertThrows(UserError.class, () -> new CertsTool(dir, false).createClient(caKey
                .resolveSibling("other.key"), "a", Instant.now()));
        assertTrue(foreign.getMessage().startsWith(otherKey + " is not the key of " + dir.resolve("ca.crt")),
                foreign.getMessage());
    }
}

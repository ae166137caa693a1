package io.wordstream.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wordstream.console.security.TestCerts;
import io.wordstream.console.settings.RecordedKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wordstream certs}, and the refusals of {@code --certs-dir} and of addresses off loopback as each command
 * says them: one line, exit status 2, nothing started. No address off loopback is ever dialled here.
 */
class SecurityCommandsTest {
    /** TEST-NET-3 (RFC 5737): never this host's, and never dialled: every command refuses before it would. */
    private static final String ELSEWHERE = "203.0.113.7";
    private static final String ID = "WUoiXtWzQNaBFPzhWRsdsQ";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Cli.create(new ConfigDefaults(Map.of()), new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }

    private void assertRefused(String expected, String... args) {
        assertEquals(2, run(args), "stderr: " + err);
        String e = err.toString();
        assertEquals(expected, e.strip(), "stderr");
        assertEquals(1, e.lines().count(), "one line: " + e);
        assertEquals(0, ProcessHandle.current().children().count(), "nothing started");
    }

    @Test
    void certsCommandsMakeAndListADirAnOperatorCopies() throws Exception {
        Path certs = dir.resolve("certs");
        Path caKey = dir.resolve("ca.key");
        assertEquals(0, run("certs", "create-ca", "--certs-dir", certs.toString(), "--ca-key", caKey.toString()));
        assertTrue(out.toString().startsWith("wrote " + certs.resolve("ca.crt")), out.toString());
        assertEquals(0, run("certs", "create-node", "--certs-dir", certs.toString(), "--ca-key", caKey.toString(),
                "127.0.0.1", "localhost"));
        assertEquals(0, run("certs", "create-client", "--certs-dir", certs.toString(), "--ca-key",
                caKey.toString(), "operator"));
        assertEquals(0, run("certs", "list", "--certs-dir", certs.toString()));
        assertEquals(6, out.toString().lines().count(), out.toString());
        assertTrue(out.toString().contains("names 127.0.0.1, localhost"), out.toString());
        assertRefused("wordstream certs create-ca: " + certs.resolve("ca.crt") + " exists (--certs-dir); pass"
                + " --overwrite to replace it, or choose another --certs-dir", "certs", "create-ca", "--certs-dir",
                certs.toString(), "--ca-key", dir.resolve("other.key").toString());
        assertRefused("wordstream certs create-node: Missing required parameter: 'ADDR' (see 'wordstream certs"
                + " create-node --help')", "certs", "create-node", "--certs-dir", certs.toString(), "--ca-key",
                caKey.toString());
    }

    @Test
    void offLoopbackWithoutCertsDirEachCommandRefusesBeforeDialling() {
        String way = " is off loopback, where anyone who reaches it gets in: give --certs-dir DIR (made with"
                + " 'wordstream certs create-ca', see docs/security.md), or --insecure to run in the clear";
        String data = dir.toString();
        assertRefused("wordstream send: " + ELSEWHERE + " (--bootstrap-server)" + way, "send", "--data-dir", data,
                "--bootstrap-server", ELSEWHERE + ":9092", "words");
        assertRefused("wordstream watch: " + ELSEWHERE + " (--bootstrap-server)" + way, "watch", "--data-dir", data,
                "--bootstrap-server", ELSEWHERE + ":9092");
        assertRefused("wordstream run: " + ELSEWHERE + " (--bootstrap-server)" + way, "run", "--data-dir", data,
                "--bootstrap-server", ELSEWHERE + ":9092");
        assertRefused("wordstream run: " + ELSEWHERE + " (--master)" + way, "run", "--data-dir", data + "/data",
                "--master", "spark://" + ELSEWHERE + ":7077", "--checkpoint", dir.resolve("shared").toString());
        assertRefused("wordstream worker: " + ELSEWHERE + " (--master)" + way, "worker", "--data-dir", data,
                "--master", "spark://" + ELSEWHERE + ":7077");
        assertRefused("wordstream gateway: 0.0.0.0 (--http-host)" + way, "gateway", "--data-dir", data, "--http",
                "0", "--http-host", "0.0.0.0", "--bootstrap-server", "127.0.0.1:9");
    }

    @Test
    void aRoleOnAnAddressOfThisHostOffLoopbackIsRefusedWithoutCertsDir() throws Exception {
        Optional<String> address = offLoopbackAddress();
        assumeTrue(address.isPresent(), "this host has no address off loopback");
        String a = address.get();
        assertRefused("wordstream master: " + a + " (--host) is off loopback, where anyone who reaches it gets in:"
                + " give --certs-dir DIR (made with 'wordstream certs create-ca', see docs/security.md), or"
                + " --insecure to run in the clear", "master", "--host", a, "--data-dir", dir.toString());
        assertRefused("wordstream broker: " + a + " (--host), " + a + " (--controllers) are off loopback, where"
                + " anyone who reaches it gets in: give --certs-dir DIR (made with 'wordstream certs create-ca', see"
                + " docs/security.md), or --insecure to run in the clear", "broker", "--node-id", "1", "--host", a,
                "--controllers", "1@" + a + ":29093", "--cluster-id", ID, "--data-dir", dir.toString(), "--port",
                "29092", "--controller-port", "29093");
    }

    @Test
    void insecurePrintsOneWarningLineAndGoesOn() throws Exception {
        Path file = Files.writeString(dir.resolve("lines.txt"), "x\n");
        // The second line is send's own refusal of its arguments, which comes before it would dial anything.
        assertEquals(2, run("send", "--data-dir", dir.toString(), "--insecure", "--bootstrap-server", ELSEWHERE
                + ":9092", "--file", file.toString(), "words"));
        assertEquals(List.of("wordstream send: warning: --insecure: the links of " + ELSEWHERE
                + " (--bootstrap-server) are neither encrypted nor authenticated; anyone who reaches them can read"
                + " the counts and run code on the workers", "wordstream send: give sentences as arguments or --file,"
                + " not both (see 'wordstream send --help')"), err.toString().lines().toList());
    }

    @Test
    void certsDirAndInsecureExcludeEachOther() {
        assertEquals(2, run("send", "--certs-dir", dir.toString(), "--insecure", "words"));
        assertTrue(err.toString().startsWith("wordstream send: Error: --certs-dir=DIR, --insecure are mutually"
                + " exclusive"), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    @Test
    void aBadCertsDirIsRefusedByEveryCommandBeforeAnythingStarts() throws Exception {
        TestCerts certs = TestCerts.create(dir.resolve("pki"));
        Path host2 = certs.node("host2", "10.0.0.2");
        String data = dir.toString();
        assertRefused("wordstream broker: " + host2.resolve("node.crt") + " names 10.0.0.2 but not 127.0.0.1"
                + " (--host); make this host's with 'wordstream certs create-node --certs-dir " + host2 + " --ca-key"
                + " FILE 127.0.0.1'", "broker", "--node-id", "1", "--controllers", "1@127.0.0.1:29093",
                "--cluster-id", ID, "--data-dir", data, "--port", "29092", "--controller-port", "29093",
                "--certs-dir", host2.toString());
        assertRefused("wordstream run: " + host2.resolve("node.crt") + " names 10.0.0.2 but not 127.0.0.1 (the"
                + " embedded broker); make this host's with 'wordstream certs create-node --certs-dir " + host2
                + " --ca-key FILE 127.0.0.1'", "run", "--data-dir", data, "--certs-dir", host2.toString());
        Files.delete(host2.resolve("spark.secret"));
        assertRefused("wordstream worker: " + host2.resolve("spark.secret") + " is missing; copy spark.secret from"
                + " the certs dir that 'wordstream certs create-ca' made", "worker", "--data-dir", data, "--master",
                "spark://127.0.0.1:7077", "--certs-dir", host2.toString());
        assertRefused("wordstream master: --tls-ui serves the web UI with this host's node certificate: give"
                + " --certs-dir", "master", "--data-dir", data, "--tls-ui");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertRefused("wordstream watch: " + empty.resolve("ca.crt") + " is missing; copy the cluster's ca.crt there"
                + " (made by 'wordstream certs create-ca')", "watch", "--data-dir", data, "--certs-dir",
                empty.toString());
    }

    @Test
    void aClientWithoutCertsDirOnASecuredPipelinesDataDirIsToldToGiveIt() {
        RecordedKafka.write(dir, "127.0.0.1:9092", true);
        assertRefused("wordstream watch: the pipeline on " + dir + " runs with --certs-dir: its Kafka at"
                + " 127.0.0.1:9092 takes TLS with a certificate of its CA only; give --certs-dir DIR too", "watch",
                "--data-dir", dir.toString());
        RecordedKafka.write(dir, "127.0.0.1:9092", false);
        assertEquals(false, RecordedKafka.certs(dir), "a plain pipeline started later on the same data dir");
    }

    /** An IPv4 address of this host's interfaces that is not loopback, if it has one. */
    private static Optional<String> offLoopbackAddress() throws Exception {
        for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(i.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return Optional.of(a.getHostAddress());
                }
            }
        }
        return Optional.empty();
    }
}

package io.wordstream.console.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordstream.console.kafka.SentenceSender;
import io.wordstream.console.launch.Ports;
import io.wordstream.console.roles.ClusterId;
import io.wordstream.console.security.CertsDir;
import io.wordstream.console.security.TestCerts;
import io.wordstream.console.security.TlsContexts;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import io.wordstream.testsupport.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The roles with {@code --certs-dir} on loopback ports: three Kafka nodes whose client, inter-broker and controller
 * listeners all speak TLS and require a certificate of the cluster's CA, a Spark master serving its web UI over TLS
 * to certificate holders only ({@code --tls-ui}), and a worker it registers over authenticated, encrypted RPC.
 * One node's certificate is replaced and that node restarted while sentences are sent, as docs/security.md says to.
 */
class SecuredRolesIT {
    private static final Duration START = Duration.ofSeconds(300);
    private static final Map<String, String> ENV = Map.of("WORDSTREAM_NO_BUILD", "1");
    private static final String TOPIC = "secured";

    @TempDir
    Path dir;

    private final List<DaemonUnderTest> started = new ArrayList<>();

    @Test
    void securedRolesLetCertificateHoldersInAndNobodyElse() throws Exception {
        try {
            exercise();
        } finally {
            DaemonUnderTest.killAll(started);
        }
    }

    private void exercise() throws Exception {
        TestCerts certs = TestCerts.create(dir.resolve("pki"));
        // One host: every node and the master present the same node certificate, naming 127.0.0.1.
        Path host = certs.node("host", Settings.LOOPBACK);
        // Node 2 has a certs dir of its own, whose node certificate is replaced while the cluster runs.
        Path node2 = certs.node("node-2", Settings.LOOPBACK);
        Path operator = certs.client("operator", "operator");
        List<Integer> ports = Ports.freePorts(Settings.LOOPBACK, 9, Set.of());
        List<String> voters = new ArrayList<>();
        List<String> listeners = new ArrayList<>();
        for (int node = 1; node <= 3; node++) {
            voters.add(node + "@" + Settings.LOOPBACK + ":" + ports.get(2 + node));
            listeners.add(Settings.LOOPBACK + ":" + ports.get(node - 1));
        }
        String bootstrap = String.join(",", listeners);
        String clusterId = ClusterId.create();
        List<DaemonUnderTest> daemons = new ArrayList<>();
        List<String[]> brokerArgs = new ArrayList<>();
        for (int node = 1; node <= 3; node++) {
            brokerArgs.add(new String[] {"broker", "--node-id", Integer.toString(node), "--port",
                Integer.toString(ports.get(node - 1)), "--controller-port", Integer.toString(ports.get(2 + node)),
                "--controllers", String.join(",", voters), "--cluster-id", clusterId, "--data-dir",
                dir.resolve("broker-" + node).toString(), "--certs-dir", (node == 2 ? node2 : host).toString()});
            daemons.add(wordstream("broker-" + node, brokerArgs.get(node - 1)));
        }
        int masterPort = ports.get(6);
        int uiPort = ports.get(7);
        String masterUrl = "spark://" + Settings.LOOPBACK + ":" + masterPort;
        daemons.add(wordstream("master", "master", "--port", Integer.toString(masterPort), "--ui-port",
                Integer.toString(uiPort), "--data-dir", dir.resolve("master").toString(), "--certs-dir",
                host.toString(), "--tls-ui"));
        daemons.add(wordstream("worker", "worker", "--master", masterUrl, "--ui-port", Integer.toString(ports.get(8)),
                "--memory", "512m", "--data-dir", dir.resolve("worker").toString(), "--certs-dir", host.toString()));
        for (DaemonUnderTest d : daemons) {
            d.awaitReady(START);
        }

        // A client with its certificate: a topic of three replicas, in sync over the TLS inter-broker listener.
        DaemonUnderTest send = wordstream("send", "send", "--bootstrap-server", bootstrap, "--certs-dir",
                operator.toString(), "--data-dir", dir.resolve("client").toString(), "--topics", TOPIC,
                "tls across brokers");
        assertTrue(send.process().waitFor(180, TimeUnit.SECONDS), "send did not end");
        assertEquals(0, send.process().exitValue(), send.stderr());
        Properties client = TestCerts.kafkaClient(operator, bootstrap);
        try (Admin admin = Admin.create(client)) {
            assertEquals(3, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
            Poll.until(Duration.ofSeconds(60), () -> ReplicatedTopic.inSync(admin, TOPIC), n -> n == 3,
                    "three in-sync replicas of every partition of " + TOPIC);
        }
        assertEquals(List.of("tls across brokers"), ReplicatedTopic.values(client, TOPIC));

        // Rotation: node 2's certificate is replaced and node 2 restarted while sentences are sent; none is lost or
        // doubled, and node 2 then presents the new certificate.
        List<String> sent = Collections.synchronizedList(new ArrayList<>(List.of("tls across brokers")));
        AtomicBoolean rotated = new AtomicBoolean();
        try (SentenceSender sender = new SentenceSender(client, TOPIC)) {
            CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
                // Until 20 sentences after the restart, one each 50 ms: a steady trickle, not a synchronisation.
                for (int i = 0, after = 0; after < 20; i++) {
                    sender.send("rotation sentence " + i).join();
                    sent.add("rotation sentence " + i);
                    after += rotated.get() ? 1 : 0;
                    pause(50);
                }
            });
            X509Certificate old = NodeCertificates.inDir(node2);
            DaemonUnderTest rotate = wordstream("rotate", "certs", "create-node", "--certs-dir", node2.toString(),
                    "--ca-key", certs.caKey().toString(), "--overwrite", Settings.LOOPBACK);
            assertTrue(rotate.process().waitFor(60, TimeUnit.SECONDS), "certs create-node did not end");
            assertEquals(0, rotate.process().exitValue(), rotate.stderr());
            X509Certificate renewed = NodeCertificates.inDir(node2);
            assertTrue(!renewed.getSerialNumber().equals(old.getSerialNumber()), "the certificate was replaced");
            assertEquals(0, daemons.get(1).stop(Duration.ofSeconds(60)), daemons.get(1).stderr());
            daemons.set(1, wordstream("broker-2-rotated", brokerArgs.get(1)));
            daemons.get(1).awaitReady(START);
            assertEquals(renewed, NodeCertificates.presented(operator, Settings.LOOPBACK, ports.get(1)),
                    "node 2 presents its new certificate");
            rotated.set(true);
            stream.get(180, TimeUnit.SECONDS);
        }
        try (Admin admin = Admin.create(client)) {
            Poll.until(Duration.ofSeconds(60), () -> ReplicatedTopic.inSync(admin, TOPIC), n -> n == 3,
                    "three in-sync replicas again after the rotation");
        }
        List<String> read = new ArrayList<>(ReplicatedTopic.values(client, TOPIC, sent.size()));
        List<String> expected = new ArrayList<>(sent);
        Collections.sort(read);
        Collections.sort(expected);
        assertEquals(expected, read, "every sentence exactly once across the rotation");

        // No TLS, TLS without a certificate, a certificate of another CA: none is let in, and each broker says so.
        for (Properties stranger : KafkaStrangers.of(client, Settings.LOOPBACK, dir.resolve("foreign"))) {
            try (Admin admin = Admin.create(stranger)) {
                assertThrows(ExecutionException.class, () -> admin.describeCluster(
                        new DescribeClusterOptions().timeoutMs(5000)).nodes().get(20, TimeUnit.SECONDS));
            }
        }
        // Logged by the brokers' network threads, not before the clients' calls fail: polled.
        Poll.until(Duration.ofSeconds(30), () -> refusalsLogged(dir), n -> n >= 3,
                "the brokers to log the three refused clients");

        // The master's web UI: over TLS to a certificate holder, with the worker it registered; nobody else.
        URI page = URI.create("https://" + Settings.LOOPBACK + ":" + uiPort + "/json/");
        HttpClient holder = HttpClient.newBuilder().sslContext(TlsContexts.client(CertsDir.read(operator,
                CertsDir.Needs.clientOnly(), Instant.now()))).build();
        JsonNode status = new ObjectMapper().readTree(holder.send(HttpRequest.newBuilder(page).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertEquals("ALIVE", status.path("status").asText(), status.toString());
        assertEquals(1, status.path("aliveworkers").asInt(), status.toString());
        HttpClient anonymous = HttpClient.newBuilder().sslContext(TlsContexts.trusting(CertsDir.read(operator,
                CertsDir.Needs.clientOnly(), Instant.now()))).build();
        assertThrows(IOException.class, () -> anonymous.send(HttpRequest.newBuilder(page).build(),
                HttpResponse.BodyHandlers.ofString()));

        String secret = Files.readString(host.resolve("spark.secret")).strip();
        for (DaemonUnderTest d : daemons) {
            List<ProcessHandle> tree = new ArrayList<>(d.process().descendants().toList());
            tree.add(d.process().toHandle());
            for (ProcessHandle p : tree) {
                String arguments = Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"),
                        StandardCharsets.ISO_8859_1);
                assertTrue(!arguments.contains(secret), "the secret is in the arguments of " + d);
            }
        }
        for (int i = daemons.size() - 1; i >= 0; i--) {
            DaemonUnderTest d = daemons.get(i);
            List<ProcessHandle> tree = d.process().descendants().toList();
            assertEquals(0, d.stop(Duration.ofSeconds(60)), d + ": " + d.stderr());
            for (ProcessHandle p : tree) {
                Poll.until(Duration.ofSeconds(15), p::isAlive, alive -> !alive, p.pid() + " to be gone");
            }
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private DaemonUnderTest wordstream(String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Install.current().home().resolve("wordstream").toString()));
        command.addAll(List.of(args));
        DaemonUnderTest d = DaemonUnderTest.start(name, command, ENV, dir);
        started.add(d);
        return d;
    }

    /** The lines of the three brokers' logs that name a client refused at the handshake. */
    private static long refusalsLogged(Path dir) {
        long refusals = 0;
        for (int node = 1; node <= 3; node++) {
            try {
                refusals += Files.readString(dir.resolve("broker-" + node).resolve("logs").resolve("broker.log"))
                        .lines().filter(l -> l.contains("Failed authentication with /127.0.0.1")).count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return refusals;
    }
}

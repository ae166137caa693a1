package io.wordstream.console.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.launch.Ports;
import io.wordstream.console.roles.ClusterId;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import io.wordstream.testsupport.Poll;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three Kafka nodes on loopback, each a {@code wordstream broker} given the same SASL/PLAIN {@code --kafka-config}
 * file: they require its user from clients, replicate to each other with it, and a client given the file sends
 * and reads.
 */
class SaslBrokersIT {
    private static final Duration START = Duration.ofSeconds(300);
    private static final Map<String, String> ENV = Map.of("WORDSTREAM_NO_BUILD", "1");
    private static final String TOPIC = "secured";

    @TempDir
    Path dir;

    private final List<DaemonUnderTest> started = new ArrayList<>();

    @Test
    void brokersStartedWithASaslPlainFileRequireItAndClientsGivenItSendAndRead() throws Exception {
        try {
            exercise();
        } finally {
            DaemonUnderTest.killAll(started);
        }
    }

    private void exercise() throws Exception {
        String secret = "pw-" + UUID.randomUUID();
        Path file = clientFile("client.properties", secret);
        List<Integer> ports = Ports.freePorts(Settings.LOOPBACK, 6, Set.of());
        List<String> voters = new ArrayList<>();
        List<String> listeners = new ArrayList<>();
        for (int node = 1; node <= 3; node++) {
            voters.add(node + "@" + Settings.LOOPBACK + ":" + ports.get(2 + node));
            listeners.add(Settings.LOOPBACK + ":" + ports.get(node - 1));
        }
        String bootstrap = String.join(",", listeners);
        String clusterId = ClusterId.create();
        List<DaemonUnderTest> brokers = new ArrayList<>();
        for (int node = 1; node <= 3; node++) {
            brokers.add(wordstream("broker-" + node, "broker", "--node-id", Integer.toString(node), "--port",
                    Integer.toString(ports.get(node - 1)), "--controller-port", Integer.toString(ports.get(2 + node)),
                    "--controllers", String.join(",", voters), "--cluster-id", clusterId, "--data-dir",
                    dir.resolve("broker-" + node).toString(), "--kafka-config", file.toString()));
        }
        for (DaemonUnderTest broker : brokers) {
            broker.awaitReady(START);
        }

        // A client given the file: its sentence lands on a topic of three replicas, all in sync over SASL.
        DaemonUnderTest send = wordstream("send", "send", "--bootstrap-server", bootstrap, "--kafka-config",
                file.toString(), "--data-dir", dir.resolve("client").toString(), "--topics", TOPIC,
                "sasl across brokers");
        assertTrue(send.process().waitFor(180, TimeUnit.SECONDS), "send did not end");
        assertEquals(0, send.process().exitValue(), send.stderr());
        Properties withFile = KafkaClients.of(bootstrap, Optional.of(file));
        try (Admin admin = Admin.create(withFile)) {
            assertEquals(3, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
            Poll.until(Duration.ofSeconds(60), () -> ReplicatedTopic.inSync(admin, TOPIC), n -> n == 3,
                    "three in-sync replicas of every partition of " + TOPIC);
        }
        assertEquals(List.of("sasl across brokers"), ReplicatedTopic.values(withFile, TOPIC));

        // Without the file, a client is not let in; with another password, it is told so.
        Properties anonymous = new Properties();
        anonymous.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(anonymous)) {
            assertThrows(ExecutionException.class, () -> admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs(5000)).nodes().get(20, TimeUnit.SECONDS));
        }
        Properties wrong = KafkaClients.of(bootstrap, Optional.of(clientFile("wrong.properties", "not-" + secret)));
        try (Admin admin = Admin.create(wrong)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs(10000)).nodes().get(20, TimeUnit.SECONDS));
            assertInstanceOf(SaslAuthenticationException.class, e.getCause(), e.toString());
        }

        for (DaemonUnderTest broker : brokers) {
            List<ProcessHandle> tree = new ArrayList<>(broker.process().descendants().toList());
            tree.add(broker.process().toHandle());
            for (ProcessHandle p : tree) {
                String arguments = Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"),
                        StandardCharsets.ISO_8859_1);
                assertTrue(!arguments.contains(secret), "the secret is in the arguments of " + broker);
            }
        }
        for (DaemonUnderTest broker : List.of(brokers.get(2), brokers.get(1), brokers.get(0))) {
            List<ProcessHandle> tree = broker.process().descendants().toList();
            assertEquals(0, broker.stop(Duration.ofSeconds(60)), broker + ": " + broker.stderr());
            for (ProcessHandle p : tree) {
                Poll.until(Duration.ofSeconds(15), p::isAlive, alive -> !alive, p.pid() + " to be gone");
            }
        }
    }

    /** An owner-only SASL/PLAIN client file for user operator with {@code password}. */
    private Path clientFile(String name, String password) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n"
                + "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"operator\" password=\"" + password + "\";\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private DaemonUnderTest wordstream(String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Install.current().home().resolve("wordstream").toString()));
        command.addAll(List.of(args));
        DaemonUnderTest d = DaemonUnderTest.start(name, command, ENV, dir);
        started.add(d);
        return d;
    }
}

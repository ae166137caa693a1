package io.wordstream.broker;

import io.wordstream.common.ClassDataRecording;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import kafka.Kafka;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Runs a one-node Kafka broker in KRaft combined mode, in this JVM, until the JVM is asked to stop (SIGTERM) or
 * the process it watches ends. Storage is formatted on first start and reused after.
 *
 * <p>Arguments: {@code --dir DIR --port PORT --controller-port PORT [--host HOST] [--watch-pid PID]
 * [--client-config FILE] [--ssl-ca FILE --ssl-cert FILE --ssl-key FILE] [--node-id N --controllers
 * 1@A:9093,2@B:9093,... --cluster-id ID [--session-timeout-ms MS]]}: with the Kafka client properties file the console
 * uses, a SASL/PLAIN one makes the client listener require its user (the secret is read from the file, never passed
 * as an argument); with the PEM files of a certs dir, every listener speaks TLS and requires a certificate of that
 * CA; with a node id and controllers, the node is one member of a quorum of several hosts, formatted with the given
 * cluster id, which fences a node that stopped beating after the session timeout.
 */
public final class EmbeddedBroker {
    private EmbeddedBroker() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = parse(args);
        Path dir = Path.of(a.get("--dir")).toAbsolutePath();
        String host = a.getOrDefault("--host", "127.0.0.1");
        int port = Integer.parseInt(a.get("--port"));
        int controllerPort = Integer.parseInt(a.get("--controller-port"));
        long watchPid = Long.parseLong(a.getOrDefault("--watch-pid", "0"));
        Optional<ClientSecurity> security = Optional.empty();
        if (a.containsKey("--client-config")) {
            try {
                security = ClientSecurity.from(Path.of(a.get("--client-config")));
            } catch (IllegalArgumentException | IOException e) {
                System.out.println("wordstream broker: " + e.getMessage());
                System.exit(2);
            }
        }

        Optional<BrokerTls> tls = Optional.empty();
        if (a.containsKey("--ssl-ca")) {
            if (security.isPresent()) {
                System.out.println("wordstream broker: --client-config with SASL and the --ssl-* files exclude each"
                        + " other; secure the node with one of them");
                System.exit(2);
            }
            try {
                tls = Optional.of(BrokerTls.read(Path.of(a.get("--ssl-ca")), Path.of(a.get("--ssl-cert")),
                        Path.of(a.get("--ssl-key"))));
            } catch (IOException | NullPointerException e) {
                System.out.println("wordstream broker: cannot read the TLS files (--ssl-ca, --ssl-cert, --ssl-key): "
                        + e.getMessage());
                System.exit(2);
            }
        }
        Quorum quorum = a.containsKey("--controllers")
                ? Quorum.of(Integer.parseInt(a.getOrDefault("--node-id", "1")), a.get("--controllers"))
                        .withSessionTimeout(Long.parseLong(a.getOrDefault("--session-timeout-ms", "0")))
                : Quorum.single(host, controllerPort);
        Path config = writeConfig(dir, host, port, controllerPort, security, tls, quorum);
        if (a.containsKey("--cluster-id")) {
            Files.writeString(dir.resolve("cluster.id"), a.get("--cluster-id"));
        }
        formatOnce(dir, config);
        if (watchPid > 0) {
            watch(watchPid);
        }
        System.out.println("wordstream broker: starting on " + host + ":" + port + " (controller " + host + ":"
                + controllerPort + (tls.isPresent() ? ", TLS with client certificates on both" : "") + "), data in "
                + dir);
        // When the console asks (the first run after a build), the broker records its class data once it serves.
        ClassDataRecording.recordWhenAsked();
        // Kafka's own entry point: it installs the shutdown hook that makes SIGTERM a clean, controlled shutdown.
        Kafka.main(new String[] {config.toString()});
    }

    static Path writeConfig(Path dir, String host, int port, int controllerPort) throws IOException {
        return writeConfig(dir, host, port, controllerPort, Optional.empty());
    }

    static Path writeConfig(Path dir, String host, int port, int controllerPort, Optional<ClientSecurity> security)
            throws IOException {
        return writeConfig(dir, host, port, controllerPort, security, Optional.empty(),
                Quorum.single(host, controllerPort));
    }

    /**
     * Writes the broker's settings; with {@code security}, its client listener takes SASL/PLAIN, and with
     * {@code tls} every listener speaks TLS. The file, which may then hold a password or a key, is readable by its
     * owner only.
     */
    static Path writeConfig(Path dir, String host, int port, int controllerPort, Optional<ClientSecurity> security,
                            Optional<BrokerTls> tls, Quorum quorum) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(quorum.nodeId()));
        p.put("controller.quorum.voters", quorum.voters());
        p.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dir.resolve("data").toString());
        // Internal topics, and topics created without a replication factor, get a copy on up to three nodes.
        String replicas = Integer.toString(quorum.replicationFactor());
        String minInSync = Integer.toString(quorum.minInSyncReplicas());
        p.put("offsets.topic.replication.factor", replicas);
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", replicas);
        p.put("transaction.state.log.min.isr", minInSync);
        p.put("share.coordinator.state.topic.replication.factor", replicas);
        p.put("share.coordinator.state.topic.min.isr", minInSync);
        p.put("default.replication.factor", replicas);
        p.put("min.insync.replicas", minInSync);
        p.put("num.partitions", "1");
        if (quorum.size() > 1 && quorum.sessionTimeoutMs() > 0) {
            // A node of several that dies is fenced, and its partitions led elsewhere, after this long without a
            // heartbeat: the floor of what losing a host costs (docs/failover.md, "Losing a host").
            p.put("broker.session.timeout.ms", Long.toString(quorum.sessionTimeoutMs()));
            p.put("broker.heartbeat.interval.ms", Long.toString(quorum.heartbeatIntervalMs()));
        }
        // Consumers of a single operator should not wait three seconds for a group of one to settle.
        p.put("group.initial.rebalance.delay.ms", "0");
        // The console creates the topics it needs; a typo in a topic name should fail, not create a new topic.
        p.put("auto.create.topics.enable", "false");
        security.ifPresent(sec -> sec.configure(p, host, port));
        tls.ifPresent(t -> t.configure(p, host, port, controllerPort));
        Path file = dir.resolve("server.properties");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(file)) {
            p.store(out, "written by wordstream at every start; edits are overwritten");
        }
        return file;
    }

    /** Formats the storage the first time; a formatted directory keeps its cluster id and its data. */
    static void formatOnce(Path dir, Path config) throws IOException {
        String failure = format(dir, config);
        if (failure != null) {
            System.out.println("wordstream broker: cannot format the Kafka storage in " + dir + ": " + failure);
            System.exit(1);
        }
    }

    /** Formats the storage unless it is; returns null when it is formatted, else what the tool said. */
    static String format(Path dir, Path config) throws IOException {
        if (Files.exists(dir.resolve("data").resolve("meta.properties"))) {
            return null;
        }
        Path idFile = dir.resolve("cluster.id");
        if (!Files.exists(idFile)) {
            Files.writeString(idFile, clusterId());
        }
        String clusterId = Files.readString(idFile).trim();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // execute(), unlike StorageTool.main, returns instead of exiting the JVM. "--cluster-id=ID" is one
        // argument: an id may begin with '-', which the tool's parser would take for an option (a dir formatted
        // before this was fixed may hold such an id).
        int code = StorageTool.execute(
                new String[] {"format", "--cluster-id=" + clusterId, "--config", config.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String said = out.toString(StandardCharsets.UTF_8);
        System.out.print(said);
        if (code == 0) {
            return null;
        }
        return said.lines().filter(l -> !l.isBlank()).reduce((x, y) -> y).orElse("exit code " + code
                + " (its reason is on standard error, above)");
    }

    /** A Kafka cluster id; Kafka's own generator never starts one with '-', which command lines would misread. */
    static String clusterId() {
        return Uuid.randomUuid().toString();
    }

    /** Exits (running the shutdown hooks) once {@code pid} has ended, so a killed console leaves no broker. */
    private static void watch(long pid) {
        Thread t = new Thread(() -> {
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.out.println("wordstream broker: process " + pid + " has ended, shutting down");
            System.exit(0);
        }, "watch-parent");
        t.setDaemon(true);
        t.start();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        for (String required : new String[] {"--dir", "--port", "--controller-port"}) {
            if (!a.containsKey(required)) {
                System.err.println("wordstream broker: missing " + required);
                System.exit(2);
            }
        }
        return a;
    }
}

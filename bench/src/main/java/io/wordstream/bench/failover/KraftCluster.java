package io.wordstream.bench.failover;

import io.wordstream.console.launch.ChildProcesses;
import io.wordstream.console.launch.Ports;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;

/**
 * A Kafka cluster of KRaft nodes on 127.0.0.1, each broker and controller at once and a JVM of its own, run with the
 * broker module's jars and Kafka's own main class, as an operator runs one: for failover drills that kill a node
 * and bring it back. Internal topics have three replicas and writes need two in sync, as on a production cluster.
 */
public final class KraftCluster implements DrillCluster {
    /** Three replicas, two of them in sync for a write: one node may be lost without losing a write or a read. */
    private static final Map<String, String> REPLICATION = Map.of("offsets.topic.replication.factor", "3",
            "transaction.state.log.replication.factor", "3", "transaction.state.log.min.isr", "2",
            "default.replication.factor", "3", "min.insync.replicas", "2");

    /** One node: its id, client and controller ports on 127.0.0.1, and its directory (settings, data, log). */
    public record NodeSpec(int id, int port, int controllerPort, Path dir) {
        public String address() {
            return Settings.LOOPBACK + ":" + port;
        }
    }

    // A node's heap and JIT as the embedded broker's (BrokerProcess): small, and C1 only on a two-core machine.
    private static final List<String> JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseG1GC",
            "-Djava.awt.headless=true");

    private final Install install;
    private final List<NodeSpec> nodes;
    private final Map<Integer, Process> running = new LinkedHashMap<>();
    private final Set<Integer> paused = new HashSet<>();

    private KraftCluster(Install install, List<NodeSpec> nodes) {
        this.install = install;
        this.nodes = List.copyOf(nodes);
    }

    /**
     * Formats and starts {@code size} nodes under {@code dir} on free ports and returns once every node is registered
     * and unfenced.
     */
    public static KraftCluster start(Install install, Path dir, int size, Duration timeout) {
        List<Integer> ports = Ports.freePorts(Settings.LOOPBACK, 2 * size, Set.of());
        List<NodeSpec> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nodes.add(new NodeSpec(i + 1, ports.get(2 * i), ports.get(2 * i + 1), dir.resolve("node-" + (i + 1))));
        }
        KraftCluster cluster = new KraftCluster(install, nodes);
        try {
            cluster.format(Uuid.randomUuid().toString(), timeout);
            nodes.forEach(n -> cluster.start(n.id()));
            cluster.topics().awaitBrokers(timeout);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void format(String clusterId, Duration timeout) {
        String voters = nodes.stream().map(n -> n.id() + "@" + Settings.LOOPBACK + ":" + n.controllerPort())
                .collect(Collectors.joining(","));
        List<Process> formats = new ArrayList<>();
        for (NodeSpec n : nodes) {
            Path config = writeConfig(n, voters);
            // Kafka's storage tool, as kafka-storage.sh runs it; "--cluster-id=ID" in one argument, as the embedded
            // broker does, so an id starting with '-' is not taken for an option.
            formats.add(java(n, "format.log", "kafka.tools.StorageTool", "format", "--cluster-id=" + clusterId,
                    "--config", config.toString()));
        }
        for (int i = 0; i < formats.size(); i++) {
            Process p = formats.get(i);
            Path log = nodes.get(i).dir().resolve("format.log");
            try {
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("formatting node " + nodes.get(i).id() + " took over "
                            + timeout.toSeconds() + " s: " + tail(log, 5));
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("formatting node " + nodes.get(i).id() + " failed with status "
                            + p.exitValue() + ": " + tail(log, 5));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while formatting", e);
            }
        }
    }

    private static Path writeConfig(NodeSpec n, String voters) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(n.id()));
        p.put("controller.quorum.voters", voters);
        p.put("listeners", "PLAINTEXT://" + n.address() + ",CONTROLLER://" + Settings.LOOPBACK + ":"
                + n.controllerPort());
        p.put("advertised.listeners", "PLAINTEXT://" + n.address());
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", n.dir().resolve("data").toString());
        p.putAll(REPLICATION);
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        // Everything else, the session timeout that fences a dead node included, is Kafka's default.
        try {
            Files.createDirectories(n.dir().resolve("data"));
            Path file = n.dir().resolve("server.properties");
            try (Writer out = Files.newBufferedWriter(file)) {
                p.store(out, "a node of a failover drill's cluster");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the settings of node " + n.id(), e);
        }
    }

    private Process java(NodeSpec n, String log, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM);
        command.add("-Dlog4j2.configurationFile="
                + install.configDir().resolve("log4j2-broker.properties").toUri());
        command.addAll(List.of("-cp", install.brokerLib().resolve("*").toString(), mainClass));
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(n.dir().resolve(log).toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JVM for node " + n.id(), e);
        }
    }

    /** Starts node {@code id} (again) on its formatted storage; it rejoins the cluster a few seconds later. */
    @Override
    public synchronized void start(int id) {
        NodeSpec n = node(id);
        if (running.containsKey(id)) {
            throw new IllegalStateException("node " + id + " is running");
        }
        running.put(id, java(n, "node.log", "kafka.Kafka", n.dir().resolve("server.properties").toString()));
    }

    /** SIGKILL: the node ends at once, without a controlled shutdown, as when its host dies. */
    @Override
    public synchronized void kill(int id) {
        Process p = running.remove(id);
        p.destroyForcibly();
        ChildProcesses.awaitExit(p.toHandle(), Duration.ofSeconds(10));
    }

    /**
     * SIGSTOP: the node stops answering but keeps its connections open, as a broker in a long pause does; clients
     * time out instead of seeing a disconnect. {@link #resume} lets it go on.
     */
    public synchronized void pause(int id) {
        signal(id, "STOP");
        paused.add(id);
    }

    /** SIGCONT: a paused node goes on where it stopped. */
    public synchronized void resume(int id) {
        signal(id, "CONT");
        paused.remove(id);
    }

    // Java can only end a process; the kill command sends the other signals.
    private void signal(int id, String signal) {
        Process node = running.get(id);
        if (node == null) {
            throw new IllegalStateException("node " + id + " is not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(node.pid()))
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                kill.destroyForcibly();
                throw new IllegalStateException("cannot send SIG" + signal + " to node " + id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill -" + signal, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + signal, e);
        }
    }

    public List<NodeSpec> nodes() {
        return nodes;
    }

    public NodeSpec node(int id) {
        return nodes.stream().filter(n -> n.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + id));
    }

    @Override
    public String bootstrap() {
        return nodes.stream().map(NodeSpec::address).collect(Collectors.joining(","));
    }

    @Override
    public KafkaTopics topics() {
        return new KafkaTopics(bootstrap(), nodes.size(), this::failedNode, this::logTails);
    }

    /** A node that should run but exited, described for a failure message, or null. */
    private synchronized String failedNode() {
        return running.entrySet().stream().filter(e -> !e.getValue().isAlive())
                .map(e -> "node " + e.getKey() + " exited with " + e.getValue().exitValue() + "; see "
                        + node(e.getKey()).dir().resolve("node.log"))
                .findFirst().orElse(null);
    }

    /** The last lines of each node's log, for a failure message. */
    private String logTails() {
        return nodes.stream().map(n -> "\n--- node " + n.id() + ": " + tail(n.dir().resolve("node.log"), 5))
                .collect(Collectors.joining());
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log)";
        }
    }

    /** Stops every node, politely first. */
    @Override
    public synchronized void close() {
        // A stopped process would not act on SIGTERM before its grace ran out.
        List.copyOf(paused).forEach(this::resume);
        running.values().forEach(Process::destroy);
        running.values().forEach(p -> ChildProcesses.stop(p.toHandle(), Duration.ofSeconds(20)));
    }
}

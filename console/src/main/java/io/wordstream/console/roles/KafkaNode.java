package io.wordstream.console.roles;

import io.wordstream.console.errors.UserError;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.kafka.KafkaNodes;
import io.wordstream.console.launch.BrokerProcess;
import io.wordstream.console.launch.SessionLeader;
import io.wordstream.console.security.ClusterSecurity;
import io.wordstream.console.settings.Install;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One member of a Kafka KRaft cluster over several hosts, broker and controller in one JVM: the broker module's
 * main class, as the console's embedded broker runs it, told its node id, the quorum and the cluster id.
 *
 * @param nodeId         this node's id among the controllers
 * @param host           the address both listeners bind to
 * @param port           the client listener's port
 * @param controllerPort the controller listener's port
 * @param controllers    every voter of the quorum, this node included
 * @param clusterId      the id every node's storage is formatted with
 * @param dataDir        the role's data dir: Kafka's storage under {@code kafka/}, the log under {@code logs/}
 * @param kafkaConfig    a client properties file; a SASL/PLAIN one secures the client listener
 * @param sessionTimeout how long the quorum waits for a node that stopped beating before it fences it
 * @param security       with a certs dir, TLS with certificates on every listener, and the node's own identity
 *                       when it asks the cluster whether it has joined
 */
public record KafkaNode(int nodeId, String host, int port, int controllerPort, Controllers controllers,
                        String clusterId, Path dataDir, Optional<Path> kafkaConfig, Duration sessionTimeout,
                        ClusterSecurity security) {

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public Path log() {
        return dataDir.resolve("logs").resolve("broker.log");
    }

    public String address() {
        return host + ":" + port;
    }

    /** Starts the node's JVM; it serves once this node is an unfenced broker of the cluster. */
    public Daemon start(Install install) {
        List<String> command = new ArrayList<>();
        if (SessionLeader.available()) {
            // Ctrl-C at the role's terminal reaches only the role, which then stops Kafka in order.
            command.add(SessionLeader.COMMAND);
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(BrokerProcess.HEAP, BrokerProcess.JIT, "-XX:+UseG1GC", "-Djava.awt.headless=true",
                BrokerProcess.LOG4J_NO_JMX,
                "-Dlog4j2.configurationFile=" + install.configDir().resolve("log4j2-broker.properties").toUri(),
                "-cp", install.brokerLib().resolve("*").toString(),
                "io.wordstream.broker.EmbeddedBroker",
                "--dir", kafkaDir().toString(),
                "--host", host,
                "--port", Integer.toString(port),
                "--controller-port", Integer.toString(controllerPort),
                "--node-id", Integer.toString(nodeId),
                "--controllers", controllers.toString(),
                "--cluster-id", clusterId,
                "--session-timeout-ms", Long.toString(sessionTimeout.toMillis()),
                "--watch-pid", Long.toString(ProcessHandle.current().pid())));
        kafkaConfig.ifPresent(f -> command.addAll(List.of("--client-config", f.toAbsolutePath().toString())));
        command.addAll(security.brokerArguments());
        try {
            Files.createDirectories(log().getParent());
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            return new Daemon("the Kafka node", p, log(),
                    KafkaNodes.listed(KafkaClients.of(address(), kafkaConfig, security), nodeId),
                    Duration.ofSeconds(30));
        } catch (IOException e) {
            throw new UserError("cannot start the Kafka node: " + e.getMessage());
        }
    }
}

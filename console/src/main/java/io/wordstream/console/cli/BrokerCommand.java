package io.wordstream.console.cli;

import io.wordstream.common.Durations;
import io.wordstream.console.launch.HostLossTimeouts;
import io.wordstream.console.launch.Ports;
import io.wordstream.console.roles.ClusterId;
import io.wordstream.console.roles.Controllers;
import io.wordstream.console.roles.HostAddress;
import io.wordstream.console.roles.KafkaNode;
import io.wordstream.console.security.CertsDir;
import io.wordstream.console.security.ClusterSecurity;
import io.wordstream.console.security.SecureMode;
import io.wordstream.console.settings.Install;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code broker} role: one Kafka KRaft node, broker and controller, of a cluster over several hosts. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Run one Kafka KRaft node (broker and controller) of a cluster over several hosts, in the"
                + " foreground. Three such nodes on three hosts, given the same --controllers and --cluster-id,"
                + " make one cluster.",
                "Prints a line starting with 'ready' once the node is part of the cluster; SIGTERM or Ctrl-C stops"
                        + " it."})
final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--new-cluster-id", description = "Print a new cluster id to give every node, and exit.")
    boolean newClusterId;

    @Option(names = "--node-id", paramLabel = "N", description = "This node's id among --controllers.")
    Integer nodeId;

    @Mixin
    RoleOptions role;

    @Mixin
    RoleOptions.RolePort clientPort = new RoleOptions.RolePort(9092);

    @Option(names = "--controller-port", paramLabel = "PORT", defaultValue = "9093",
            description = "Port of the controller listener (default: ${DEFAULT-VALUE}).")
    int controllerPort;

    @Option(names = "--controllers", paramLabel = "ID@HOST:PORT[,...]",
            description = "Every node of the cluster with its controller address, this one included.")
    String controllers;

    @Option(names = "--cluster-id", paramLabel = "ID", description = "The cluster's id, the same on every node.")
    String clusterId;

    @Option(names = "--session-timeout", paramLabel = "DURATION",
            defaultValue = HostLossTimeouts.BROKER_SESSION_TIMEOUT,
            description = "How long the cluster waits for a node that stopped answering before it gives its"
                    + " partitions other leaders; the same on every node (default: ${DEFAULT-VALUE}; Kafka's own is"
                    + " 9s).")
    Duration sessionTimeout;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties; a SASL/PLAIN one makes the client listener require its user.")
    Path kafkaConfig;

    @Override
    public Integer call() throws Exception {
        if (newClusterId) {
            role.command.commandLine().getOut().println(ClusterId.create());
            return 0;
        }
        KafkaNode node = node();
        ConsoleLog.init(node.dataDir().resolve("logs"));
        RoleRun run = role.foreground(node.dataDir());
        return run.run(() -> {
            // Checked with the lock held: another node on this data dir may be formatting it right now.
            ClusterId.requireSameAsOnDisk(node.clusterId(), node.kafkaDir());
            Ports.requireFree(role.host, clientPort.port, "pass --port to choose another");
            Ports.requireFree(role.host, controllerPort,
                    "pass --controller-port to choose another (in --controllers too)");
            return node.start(Install.current());
        }, Optional.empty(), "", "ready broker " + node.nodeId() + " kafka=" + node.address() + " controller="
                + role.host + ":" + controllerPort + " cluster=" + node.clusterId() + " log=" + node.log());
    }

    /** The node the options describe, every check that needs no daemon done. */
    private KafkaNode node() {
        if (nodeId == null || controllers == null || clusterId == null) {
            throw new IllegalArgumentException("a broker needs --node-id, --controllers and --cluster-id (make an id"
                    + " with 'wordstream broker --new-cluster-id')");
        }
        Controllers quorum = Controllers.parse(controllers);
        ClusterId.requireValid(clusterId);
        quorum.requireMember(nodeId, role.host, controllerPort);
        if (clientPort.port == controllerPort) {
            throw new IllegalArgumentException("--port and --controller-port must differ");
        }
        HostAddress.requireLocal(role.host, "--host");
        if (sessionTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("--session-timeout must be at least 1s, not "
                    + Durations.format(sessionTimeout));
        }
        if (kafkaConfig != null && !Files.isReadable(kafkaConfig)) {
            throw new IllegalArgumentException("cannot read --kafka-config " + kafkaConfig);
        }
        // Its listeners, and every controller it dials; its node certificate must name its own address.
        List<SecureMode.Endpoint> endpoints = new ArrayList<>();
        endpoints.add(new SecureMode.Endpoint(role.host, SecureMode.Link.KAFKA, "--host"));
        quorum.voters().forEach(v -> endpoints.add(new SecureMode.Endpoint(v.host(), SecureMode.Link.KAFKA,
                "--controllers")));
        ClusterSecurity secured = role.security().decide(endpoints, Optional.ofNullable(kafkaConfig),
                new CertsDir.Needs(List.of(new CertsDir.HostName(role.host, "--host")), true, true, false),
                role.command.commandLine().getErr(), "wordstream broker");
        return new KafkaNode(nodeId, role.host, clientPort.port, controllerPort, quorum, clusterId, role.dataDir(),
                Optional.ofNullable(kafkaConfig), sessionTimeout, secured);
    }
}

package io.wordstream.bench.hostloss;

import com.fasterxml.jackson.databind.JsonNode;
import io.wordstream.bench.failover.DrillCluster;
import io.wordstream.bench.failover.KafkaTopics;
import io.wordstream.bench.failover.WordstreamProcess;
import io.wordstream.console.launch.SparkDaemons;
import io.wordstream.console.roles.ClusterId;
import io.wordstream.console.settings.Install;
import io.wordstream.netns.NetworkHosts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Three hosts, each with a Kafka broker and a one-core Spark worker, and a fourth with the Spark master, made as
 * network namespaces on this machine and run with wordstream's own roles ({@code broker}, {@code worker},
 * {@code master}), as an operator runs them: what the host-loss drill counts on and loses one host of at a time.
 * The master's host is never lost (a standalone master alone is a single point of failure, and not the subject).
 */
public final class HostCluster implements DrillCluster {
    /** The hosts that hold a broker and a worker, numbered 1 to this. */
    public static final int HOSTS = 3;
    private static final int MASTER_HOST = HOSTS + 1;
    // Each namespace has ports of its own: the same ones on every host.
    private static final int KAFKA_PORT = 9092;
    private static final int CONTROLLER_PORT = 9093;
    private static final int MASTER_PORT = 7077;
    private static final int MASTER_UI_PORT = 8080;
    private static final int WORKER_UI_PORT = 8081;

    private final Install install;
    private final Path work;
    private final NetworkHosts hosts;
    private final Duration timeout;
    private final Map<String, String> daemonEnv;
    private final List<String> brokerOptions;
    private final String clusterId = ClusterId.create();
    private final Map<Integer, WordstreamProcess> brokers = new LinkedHashMap<>();
    private final Map<Integer, WordstreamProcess> workers = new LinkedHashMap<>();
    private final Set<Integer> cutOff = new HashSet<>();
    private WordstreamProcess master;

    private HostCluster(Install install, Path work, NetworkHosts hosts, Duration timeout,
                        Map<String, String> daemonEnv, List<String> brokerOptions) {
        this.install = install;
        this.work = work;
        this.hosts = hosts;
        this.timeout = timeout;
        this.daemonEnv = Map.copyOf(daemonEnv);
        this.brokerOptions = List.copyOf(brokerOptions);
    }

    /** True when this process may make network namespaces: root, with {@code ip} on the path. */
    public static boolean available() {
        return NetworkHosts.available();
    }

    /**
     * Makes the hosts and starts every role at once, returning once each has printed its ready line and every broker
     * is registered; each wait gets {@code timeout}.
     *
     * @param daemonEnv     added to the environment of the master and the workers ({@code SPARK_MASTER_OPTS}, ...)
     * @param brokerOptions more options of every {@code broker} role ({@code --session-timeout 9s})
     */
    public static HostCluster start(Install install, Path work, Map<String, String> daemonEnv,
                                    List<String> brokerOptions, Duration timeout) {
        NetworkHosts hosts;
        try {
            hosts = NetworkHosts.create(MASTER_HOST);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the drill's hosts", e);
        }
        HostCluster cluster = new HostCluster(install, work, hosts, timeout, daemonEnv, brokerOptions);
        try {
            for (int host = 1; host <= HOSTS; host++) {
                cluster.startBroker(host);
            }
            cluster.master = cluster.role(MASTER_HOST, "master", List.of("master", "--host",
                    hosts.address(MASTER_HOST), "--port", Integer.toString(MASTER_PORT), "--ui-port",
                    Integer.toString(MASTER_UI_PORT), "--data-dir", work.resolve("master").toString()));
            for (int host = 1; host <= HOSTS; host++) {
                cluster.startWorker(host);
            }
            cluster.master.awaitReady(timeout);
            for (int host = 1; host <= HOSTS; host++) {
                cluster.brokers.get(host).awaitReady(timeout);
                cluster.workers.get(host).awaitReady(timeout);
            }
            cluster.topics().awaitBrokers(timeout);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void startBroker(int host) {
        String controllers = IntStream.rangeClosed(1, HOSTS)
                .mapToObj(h -> h + "@" + hosts.address(h) + ":" + CONTROLLER_PORT).collect(Collectors.joining(","));
        List<String> args = new ArrayList<>(List.of("broker", "--node-id", Integer.toString(host), "--host",
                hosts.address(host), "--port", Integer.toString(KAFKA_PORT), "--controller-port",
                Integer.toString(CONTROLLER_PORT), "--controllers", controllers, "--cluster-id", clusterId,
                "--data-dir", work.resolve("broker-" + host).toString()));
        args.addAll(brokerOptions);
        brokers.put(host, role(host, "broker-" + host, args));
    }

    private void startWorker(int host) {
        workers.put(host, role(host, "worker-" + host, List.of("worker", "--host", hosts.address(host), "--master",
                masterUrl(), "--cores", "1", "--memory", "640m", "--master-wait", timeout.toSeconds() + "s",
                "--ui-port", Integer.toString(WORKER_UI_PORT), "--data-dir",
                work.resolve("worker-" + host).toString())));
    }

    private WordstreamProcess role(int host, String name, List<String> args) {
        // The drill measures the plain cluster; off loopback that is asked for by name.
        List<String> plain = new ArrayList<>(args);
        plain.add("--insecure");
        return WordstreamProcess.start(name, install, hosts.on(host, List.of()), plain, daemonEnv,
                work.resolve(name + ".err"));
    }

    /** The master's {@code spark://HOST:PORT}. */
    public String masterUrl() {
        return "spark://" + hosts.address(MASTER_HOST) + ":" + MASTER_PORT;
    }

    /** The address the driver, in the root namespace, is reached at from the hosts. */
    public String driverHost() {
        return hosts.rootAddress();
    }

    /** Host {@code id}'s address. */
    public String address(int id) {
        return hosts.address(id);
    }

    @Override
    public String name(int id) {
        return "host " + id + " (" + hosts.address(id) + ")";
    }

    @Override
    public String bootstrap() {
        return IntStream.rangeClosed(1, HOSTS).mapToObj(h -> hosts.address(h) + ":" + KAFKA_PORT)
                .collect(Collectors.joining(","));
    }

    @Override
    public KafkaTopics topics() {
        return new KafkaTopics(bootstrap(), HOSTS, this::exited, this::logTails);
    }

    /** Loses host {@code id} as its processes would all be killed at once: peers see their connections close. */
    @Override
    public synchronized void kill(int id) {
        try {
            hosts.killEverything(id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot kill the processes of " + name(id), e);
        }
        brokers.remove(id);
        workers.remove(id);
    }

    /**
     * Loses host {@code id} as a machine that loses power: its link goes down first, so no peer hears of the end of
     * its processes, then they are killed. {@link #start} plugs it in again.
     */
    public synchronized void cutOffAndKill(int id) {
        try {
            hosts.disconnect(id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cut " + name(id) + " off", e);
        }
        cutOff.add(id);
        kill(id);
    }

    /** Starts host {@code id}'s broker and worker again, returning once both have printed their ready lines. */
    @Override
    public synchronized void start(int id) {
        if (cutOff.remove(id)) {
            try {
                hosts.reconnect(id);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot plug " + name(id) + " in again", e);
            }
        }
        startBroker(id);
        startWorker(id);
        brokers.get(id).awaitReady(timeout);
        workers.get(id).awaitReady(timeout);
    }

    /** The master's JSON status page, or null while it does not answer. */
    public JsonNode masterStatus() {
        return SparkDaemons.status(hosts.address(MASTER_HOST), MASTER_UI_PORT);
    }

    /** Cores the running application holds, one per executor here; -1 while the master names none. */
    public int applicationCores() {
        JsonNode status = masterStatus();
        return status == null || status.path("activeapps").isEmpty() ? -1
                : status.path("activeapps").get(0).path("cores").asInt();
    }

    /** Waits until the application holds {@code cores} executors of one core (a new one on a host back). */
    public void awaitApplicationCores(int cores, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (applicationCores() != cores) {
            String failed = exited();
            if (failed != null) {
                throw new IllegalStateException("while waiting for " + cores + " executors: " + failed);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + within.toSeconds() + " s waiting for the"
                        + " application to hold " + cores + " executors; the master says " + masterStatus());
            }
            Thread.sleep(200);
        }
    }

    /** A role that should run but exited, described, or null. */
    private synchronized String exited() {
        List<WordstreamProcess> roles = new ArrayList<>(brokers.values());
        roles.addAll(workers.values());
        if (master != null) {
            roles.add(master);
        }
        return roles.stream().filter(r -> !r.alive()).map(r -> r + " exited: " + r.lastLines(3)).findFirst()
                .orElse(null);
    }

    private synchronized String logTails() {
        return brokers.values().stream().map(b -> "\n--- " + b + ": " + b.lastLines(5)).collect(Collectors.joining());
    }

    /** Stops every role (each stops what it started), then removes the hosts with whatever is left on them. */
    @Override
    public synchronized void close() {
        try {
            List<WordstreamProcess> roles = new ArrayList<>(workers.values());
            if (master != null) {
                roles.add(master);
            }
            roles.addAll(brokers.values());
            roles.forEach(r -> r.stop(Duration.ofSeconds(30)));
        } finally {
            hosts.close();
        }
    }
}

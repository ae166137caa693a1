package io.wordstream.console.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordstream.console.kafka.SentenceSender;
import io.wordstream.console.launch.MasterPoller;
import io.wordstream.console.model.HostOutage;
import io.wordstream.console.roles.ClusterId;
import io.wordstream.console.security.CertsDir;
import io.wordstream.console.security.ClusterSecurity;
import io.wordstream.console.security.SecureMode;
import io.wordstream.console.security.TestCerts;
import io.wordstream.console.security.TlsContexts;
import io.wordstream.console.settings.Install;
import io.wordstream.netns.NetworkHosts;
import io.wordstream.testsupport.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * wordstream over three hosts made as network namespaces: a Kafka broker on each, a Spark master on the first and
 * a one-core worker on the second and third, all started with the roles, and {@code run} in the root namespace.
 * Counts stay exact when the third host is lost in the middle of a stream, and after it comes back; the console's
 * model, fed from the same sources as the console, names the host lost with its roles, sees counting resume with
 * nothing sent after the loss, and sees the host's broker, worker and a new executor back.
 *
 * <p>The cluster is secured ({@code --certs-dir}). A fourth host on the same bridge, holding no credentials, is
 * refused at every door ({@link IntruderChecks}); host 3 comes back with a new node certificate; and a capture of
 * the bridge for the whole run holds none of the words, the Spark secret or a key.
 */
class ClusterOverHostsIT {
    private static final int KAFKA_PORT = 19092;
    private static final int CONTROLLER_PORT = 19093;
    private static final int MASTER_PORT = 17077;
    /** Spark's default, which the console's cluster view looks at on a master it did not start. */
    private static final int MASTER_UI_PORT = 8080;
    private static final int WORKER_UI_PORT = 18081;
    private static final int INTRUDER = 4;
    private static final Duration START = Duration.ofSeconds(400);
    private static final List<String> WORDS = List.of("spark", "streams", "broker", "replica", "replication",
            "producer", "window", "kafka", "offsets", "counting", "records", "partition");
    private static final Map<String, String> ENV = Map.of("WORDSTREAM_NO_BUILD", "1");

    @TempDir
    Path dir;

    private final List<DaemonUnderTest> started = new ArrayList<>();
    private final Map<Integer, Path> hostCerts = new TreeMap<>();
    private TestCerts certs;
    private Path clientCerts;

    @Test
    void countsStayExactWhenAHostIsLostAndComesBack() throws Exception {
        assumeTrue(NetworkHosts.available(), "needs root and iproute2 to make network namespaces");
        try (NetworkHosts hosts = NetworkHosts.create(INTRUDER)) {
            try {
                exercise(hosts);
            } finally {
                DaemonUnderTest.killAll(started);
            }
        }
    }

    private void exercise(NetworkHosts hosts) throws Exception {
        certs = TestCerts.create(dir.resolve("pki"));
        for (int host = 1; host <= 3; host++) {
            hostCerts.put(host, certs.node("host-" + host, hosts.address(host)));
        }
        // The console's host: the CA, the secret and a client certificate, as docs/security.md has it.
        clientCerts = certs.client("console", "operator");
        try (BridgeCapture capture = BridgeCapture.start(hosts.bridge(), dir.resolve("bridge.pcap"))) {
            exercise(hosts, capture);
        }
    }

    private void exercise(NetworkHosts hosts, BridgeCapture capture) throws Exception {
        String clusterId = ClusterId.create();
        String controllers = String.join(",", voter(hosts, 1), voter(hosts, 2), voter(hosts, 3));
        String bootstrap = String.join(",", hosts.address(1) + ":" + KAFKA_PORT, hosts.address(2) + ":"
                + KAFKA_PORT, hosts.address(3) + ":" + KAFKA_PORT);
        String masterUrl = "spark://" + hosts.address(1) + ":" + MASTER_PORT;

        long t = System.nanoTime();
        List<DaemonUnderTest> brokers = new ArrayList<>();
        for (int host = 1; host <= 3; host++) {
            brokers.add(broker(hosts, host, controllers, clusterId));
        }
        DaemonUnderTest master = role(hosts, 1, "master", "master", "--host", hosts.address(1), "--port",
                Integer.toString(MASTER_PORT), "--ui-port", Integer.toString(MASTER_UI_PORT), "--data-dir",
                dir.resolve("master").toString(), "--tls-ui");
        // All six start at once: the workers wait for the master (--master-wait), the brokers for their quorum.
        List<DaemonUnderTest> workers = new ArrayList<>(List.of(worker(hosts, 2, masterUrl),
                worker(hosts, 3, masterUrl)));
        assertTrue(master.awaitReady(START).startsWith("ready master " + masterUrl + " "));
        for (int i = 0; i < 3; i++) {
            assertTrue(brokers.get(i).awaitReady(START).startsWith("ready broker " + (i + 1) + " kafka="
                    + hosts.address(i + 1) + ":" + KAFKA_PORT + " "));
        }
        for (DaemonUnderTest w : workers) {
            assertTrue(w.awaitReady(START).startsWith("ready worker "), w.toString());
        }
        report("cluster start-up (3 brokers, master, 2 workers)", t);

        t = System.nanoTime();
        DaemonUnderTest run = DaemonUnderTest.start("run", List.of(Install.current().home().resolve("wordstream")
                .toString(), "run", "--data-dir", dir.resolve("run").toString(), "--bootstrap-server", bootstrap,
                "--master", masterUrl, "--start-timeout", "400s",
                // The driver's address that executors on the hosts connect back to, and a checkpoint all reach.
                "--driver-host", hosts.rootAddress(), "--checkpoint", dir.resolve("shared-checkpoint").toString(),
                "--conf", "spark.executor.cores=1", "--conf", "spark.cores.max=2",
                "--conf", "spark.executor.memory=512m", "--certs-dir", clientCerts.toString()), ENV, dir);
        started.add(run);
        String ready = run.awaitReady(START);
        assertTrue(ready.contains(" master=" + masterUrl + " "), ready);
        report("run ready on the cluster", t);
        awaitApplicationCores(hosts, 2);

        Properties kafka = TestCerts.kafkaClient(clientCerts, bootstrap);
        Instant w1 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1));
        Instant w2 = w1.plusSeconds(10);
        Instant w3 = w1.plusSeconds(20);
        Map<String, Long> expected = new TreeMap<>();
        try (SentenceSender sender = new SentenceSender(kafka, "sentences");
             ResultsReader reader = new ResultsReader(kafka, "wordcounts", "wordstream-metrics");
             ClusterWatching console = new ClusterWatching(kafka, List.of("sentences"), "wordcounts",
                     MasterPoller.of(masterUrl, null, clientSecurity()), reader)) {
            // A known text, counted exactly in all three dimensions.
            send(sender, 0, 150, w1.plusSeconds(1));
            expected.putAll(expectedCounts(w1, 0, 150));
            awaitExact(reader, expected, "the first window's counts on five hosts' processes");
            theConsoleSeesAnExecutorOn(console, hosts.address(3));

            // The fourth host, with no credentials, tries every door while the cluster counts.
            t = System.nanoTime();
            String app = masterStatus(hosts).path("activeapps").get(0).path("id").asText();
            IntruderChecks intruder = new IntruderChecks(new Intruder(c -> hosts.on(INTRUDER, c),
                    hosts.address(INTRUDER), dir.resolve("intruder")), clientCerts, dir.resolve("intruder"));
            intruder.kafkaRefused(kafka, hosts.address(INTRUDER), "sentences", controllers.replaceAll("\\d@", ""));
            intruder.uiRefused(URI.create("https://" + hosts.address(1) + ":" + MASTER_UI_PORT + "/json/"));
            intruder.sparkRefused(masterUrl, () -> masterStatus(hosts), Set.of(app), List.of(
                    dir.resolve("worker-2").resolve("spark-work"), dir.resolve("worker-3").resolve("spark-work")));
            Poll.until(Duration.ofSeconds(30), () -> refusalsLogged(hosts.address(INTRUDER)), n -> n >= 3,
                    "the brokers to log the intruder's refusals");
            // Its processes were killed by force; one may stay visible for a moment until it is reaped.
            Poll.until(Duration.ofSeconds(30), () -> processCount(hosts, INTRUDER), n -> n == 0,
                    "nothing of the intruder's left running");
            report("the intruder refused everywhere", t);
            awaitExact(reader, expected, "the counts, untouched by the intruder");

            // The third host is lost in the middle of a stream: its broker, its worker and the executor on it.
            // Nothing is sent after the loss, so counting can only be seen to resume from the job itself.
            int sent = streamUntilHostLost(sender, reader, w2, hosts);
            expected.putAll(expectedCounts(w2, 150, 150 + sent));
            awaitExact(reader, expected, "exact counts after losing host 3");
            theConsoleTellsTheLossAndThatCountingResumed(console, hosts.address(3));

            // Host 3 comes back with a new node certificate: its broker and worker rejoin, counting stays exact.
            t = System.nanoTime();
            X509Certificate old = NodeCertificates.inDir(hostCerts.get(3));
            certs.node("host-3", hosts.address(3));
            brokers.set(2, broker(hosts, 3, controllers, clusterId));
            workers.set(1, worker(hosts, 3, masterUrl));
            brokers.get(2).awaitReady(START);
            workers.get(1).awaitReady(START);
            report("host 3's broker and worker back", t);
            X509Certificate renewed = NodeCertificates.presented(clientCerts, hosts.address(3), KAFKA_PORT);
            assertEquals(NodeCertificates.inDir(hostCerts.get(3)), renewed,
                    "host 3's broker shows its new certificate");
            assertTrue(!renewed.getSerialNumber().equals(old.getSerialNumber()), "host 3's certificate was replaced");
            try (Admin admin = Admin.create(kafka)) {
                assertEquals(3, Poll.until(Duration.ofSeconds(120), () -> clusterSize(admin),
                        n -> n == 3, "three brokers again"));
            }
            awaitApplicationCores(hosts, 2);
            theConsoleSeesTheHostBack(console, hosts.address(3));
            send(sender, 450, 600, w3.plusSeconds(1));
            expected.putAll(expectedCounts(w3, 450, 600));
            awaitExact(reader, expected, "exact counts after host 3 rejoined");
        }
        nothingInTheClear(hosts, capture);

        // Stopped by SIGTERM, every role and run exit 0 and leave nothing on any host.
        assertEquals(0, run.stop(Duration.ofSeconds(90)), "run's exit status; stderr: " + run.stderr());
        for (DaemonUnderTest d : List.of(workers.get(0), workers.get(1), master, brokers.get(0), brokers.get(1),
                brokers.get(2))) {
            assertEquals(0, d.stop(Duration.ofSeconds(60)), d + "'s exit status; stderr: " + d.stderr());
        }
        for (int host = 1; host <= 3; host++) {
            int h = host;
            Poll.until(Duration.ofSeconds(30), () -> processCount(hosts, h), n -> n == 0,
                    "no process left on host " + h);
        }
    }

    /**
     * Streams sentences 150 onwards into window {@code w2}, each acknowledged before the next, and loses host 3 once
     * the stream's first counts show: every process on it SIGKILLed. Sends nothing after the loss; returns how many
     * sentences were sent.
     */
    private static int streamUntilHostLost(SentenceSender sender, ResultsReader reader, Instant w2,
                                           NetworkHosts hosts) throws Exception {
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean lost = new AtomicBoolean();
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
            for (int i = 150; i < 450 && !lost.get(); i++) {
                sender.send(sentence(i), w2.plusSeconds(1).toEpochMilli()).join();
                sent.incrementAndGet();
                pause(40);
            }
        });
        Poll.until(Duration.ofSeconds(120), () -> reader.counts().keySet().stream()
                .anyMatch(k -> k.startsWith(ResultsReader.label(w2, "", "").strip())), found -> found,
                "the stream's first counts");
        lost.set(true);
        hosts.killEverything(3);
        assertEquals(List.of(), hosts.processes(3), "every process on host 3 is gone");
        // How long counting stalls is the benchmark's to measure (bench --failover), not this test's.
        stream.get(300, TimeUnit.SECONDS);
        return sent.get();
    }

    /** Before the loss, the console's model knows the job's executor on {@code host}. */
    private static void theConsoleSeesAnExecutorOn(ClusterWatching console, String host) {
        Poll.until(Duration.ofSeconds(60), () -> console.refresh().executors(),
                executors -> executors.stream().anyMatch(e -> e.host().startsWith(host + ":")),
                "the console's model to list an executor on " + host);
    }

    /**
     * The console's model names the host lost, with its worker and the job's executor there (its broker too, once
     * Kafka has fenced it), and sees counting resume: the job completed a trigger started after the loss.
     */
    private static void theConsoleTellsTheLossAndThatCountingResumed(ClusterWatching console, String host) {
        HostOutage lost = Poll.until(Duration.ofSeconds(120), () -> outage(console, host),
                o -> o != null && o.workerLost() && !o.executors().isEmpty() && o.brokers().equals(List.of(3))
                        && o.resumedAfter().isPresent(),
                "the console's model to name " + host + " lost with broker 3, its worker and an executor, and"
                        + " counting resumed");
        System.out.println("cluster-it: the console said: " + lost.line(Instant.now()));
    }

    /** Once the host's roles are back, the console's model sees its broker answer, its worker and a new executor. */
    private static void theConsoleSeesTheHostBack(ClusterWatching console, String host) {
        HostOutage back = Poll.until(Duration.ofSeconds(120), () -> outage(console, host),
                o -> o != null && !o.open() && o.workerBack() && o.brokersBack().equals(List.of(3))
                        && o.newExecutor().filter(e -> !o.executors().contains(e)).isPresent(),
                "the console's model to see " + host + "'s broker, worker and a new executor back");
        System.out.println("cluster-it: the console said: " + back.line(Instant.now()));
    }

    private static HostOutage outage(ClusterWatching console, String host) {
        return console.refresh().outages().outages().stream().filter(o -> o.host().equals(host)).findFirst()
                .orElse(null);
    }

    private static String voter(NetworkHosts hosts, int host) {
        return host + "@" + hosts.address(host) + ":" + CONTROLLER_PORT;
    }

    private DaemonUnderTest broker(NetworkHosts hosts, int host, String controllers, String clusterId)
            throws Exception {
        return role(hosts, host, "broker-" + host, "broker", "--node-id", Integer.toString(host), "--host",
                hosts.address(host), "--port", Integer.toString(KAFKA_PORT), "--controller-port",
                Integer.toString(CONTROLLER_PORT), "--controllers", controllers, "--cluster-id", clusterId,
                "--data-dir", dir.resolve("broker-" + host).toString());
    }

    private DaemonUnderTest worker(NetworkHosts hosts, int host, String masterUrl) throws Exception {
        return role(hosts, host, "worker-" + host, "worker", "--host", hosts.address(host), "--master", masterUrl,
                "--cores", "1", "--memory", "640m", "--master-wait", "300s", "--ui-port",
                Integer.toString(WORKER_UI_PORT), "--data-dir", dir.resolve("worker-" + host).toString());
    }

    /** {@code wordstream ROLE ARGS...} on host {@code host}. */
    private DaemonUnderTest role(NetworkHosts hosts, int host, String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Install.current().home().resolve("wordstream").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--certs-dir", hostCerts.get(host).toString()));
        DaemonUnderTest d = DaemonUnderTest.start(name, hosts.on(host, command), ENV, dir);
        started.add(d);
        return d;
    }

    private void awaitApplicationCores(NetworkHosts hosts, int cores) {
        Poll.until(Duration.ofSeconds(180), () -> {
            JsonNode status = masterStatus(hosts);
            return status.path("activeapps").isEmpty() ? -1 : status.path("activeapps").get(0).path("cores").asInt();
        }, n -> n == cores, "the application to hold " + cores + " single-core executors");
    }

    /** The master's JSON status, over TLS with the console's certificate ({@code --tls-ui}); empty while none. */
    private JsonNode masterStatus(NetworkHosts hosts) {
        try {
            HttpClient https = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(
                    TlsContexts.client(CertsDir.read(clientCerts, CertsDir.Needs.clientOnly(), Instant.now()))).build();
            HttpResponse<String> answer = https.send(HttpRequest.newBuilder(URI.create("https://"
                    + hosts.address(1) + ":" + MASTER_UI_PORT + "/json/")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? new ObjectMapper().readTree(answer.body())
                    : new ObjectMapper().createObjectNode();
        } catch (IOException e) {
            return new ObjectMapper().createObjectNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ObjectMapper().createObjectNode();
        }
    }

    /** The security of a command given the console's certs dir, as the console's cluster view reads the master. */
    private ClusterSecurity clientSecurity() {
        return SecureMode.decide(new SecureMode.Request(Optional.of(clientCerts), false, List.of(), false,
                CertsDir.Needs.clientOnly()), Instant.now()).security();
    }

    /** How many times the brokers logged a refused client from {@code address}. */
    private long refusalsLogged(String address) {
        long refusals = 0;
        for (int host = 1; host <= 3; host++) {
            Path log = dir.resolve("broker-" + host).resolve("logs").resolve("broker.log");
            try {
                if (Files.exists(log)) {
                    refusals += Files.readString(log).lines()
                            .filter(l -> l.contains("Failed authentication with /" + address + " ")).count();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return refusals;
    }

    /**
     * The bridge's capture of the run, between the cluster's hosts and the console's: none of the words, the Spark
     * secret or a key's text. The intruder's part of it shows what the capture would have seen in the clear.
     */
    private void nothingInTheClear(NetworkHosts hosts, BridgeCapture capture) throws Exception {
        capture.stop();
        Path cluster = capture.select("cluster", "not host " + hosts.address(INTRUDER));
        Path intruder = capture.select("intruder", "host " + hosts.address(INTRUDER));
        assertEquals(Set.of("GET /json/", "apache-kafka-java"), BridgeCapture.occurring(intruder,
                List.of("GET /json/", "apache-kafka-java")), "the intruder's plaintext tries, seen in the clear");
        // A bare "spark" does cross in the clear, in Spark's own protocol names (seen in the 14:07 UTC run): each
        // word is looked for as the data carries it, in a sentence (beside a space) or in a result (quoted).
        List<String> secrets = new ArrayList<>();
        for (String word : WORDS) {
            secrets.addAll(List.of(word + " ", " " + word, "\"" + word + "\""));
        }
        secrets.add(Files.readString(clientCerts.resolve("spark.secret")).strip());
        for (Path d : List.of(hostCerts.get(1), hostCerts.get(2), hostCerts.get(3))) {
            secrets.add(keyText(d.resolve("node.key")));
        }
        assertTrue(Files.size(cluster) > 1_000_000, "the cluster's capture holds " + Files.size(cluster) + " bytes");
        assertEquals(Set.of(), BridgeCapture.occurring(cluster, secrets), "in the clear on the bridge");
        System.out.println("cluster-it: captured " + Files.size(cluster) + " bytes of the cluster's traffic");
    }

    /** A line from the middle of a PEM key: text that only someone who read the key could send. */
    private static String keyText(Path key) throws IOException {
        List<String> lines = Files.readAllLines(key);
        return lines.get(lines.size() / 2);
    }

    private static int clusterSize(Admin admin) {
        try {
            return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
        } catch (Exception e) {
            return -1;
        }
    }

    private static int processCount(NetworkHosts hosts, int host) {
        try {
            return hosts.processes(host).size();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void send(SentenceSender sender, int from, int to, Instant at) {
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (int i = from; i < to; i++) {
            acks.add(sender.send(sentence(i), at.toEpochMilli()));
        }
        acks.forEach(CompletableFuture::join);
    }

    /** Sentence {@code i} of the known text: six words of the list, in an order that varies. */
    static String sentence(int i) {
        List<String> words = new ArrayList<>();
        for (int j = 0; j < 6; j++) {
            words.add(WORDS.get((i * (j + 1) + j * 5) % WORDS.size()));
        }
        return String.join(" ", words);
    }

    /** The counts of sentences {@code from} to {@code to} in the window starting at {@code window}. */
    static Map<String, Long> expectedCounts(Instant window, int from, int to) {
        Map<String, Long> counts = new TreeMap<>();
        for (int i = from; i < to; i++) {
            for (String word : sentence(i).split(" ")) {
                counts.merge(ResultsReader.label(window, "word", word), 1L, Long::sum);
                String first = word.substring(0, 1).toUpperCase(Locale.ROOT);
                if ("SPR".contains(first)) {
                    counts.merge(ResultsReader.label(window, "letter", first), 1L, Long::sum);
                }
                if (List.of(6, 8, 11).contains(word.length())) {
                    counts.merge(ResultsReader.label(window, "length", Integer.toString(word.length())), 1L,
                            Long::sum);
                }
            }
        }
        return counts;
    }

    private static void awaitExact(ResultsReader reader, Map<String, Long> expected, String what) {
        assertEquals(expected, Poll.until(Duration.ofSeconds(300), reader::counts, expected::equals, what));
    }

    private static void report(String what, long sinceNanos) {
        System.out.println("cluster-it: " + what + ": " + (System.nanoTime() - sinceNanos) / 1_000_000 + " ms");
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

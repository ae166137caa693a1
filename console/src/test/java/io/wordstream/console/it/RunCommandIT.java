package io.wordstream.console.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.kafka.SentenceSender;
import io.wordstream.console.kafka.TopicAdmin;
import io.wordstream.console.launch.Ports;
import io.wordstream.console.security.TestCerts;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import io.wordstream.testsupport.Poll;
import io.wordstream.testsupport.Postmortem;
import io.wordstream.testsupport.ProcessLiveness;
import io.wordstream.testsupport.ProcessOutput;
import io.wordstream.testsupport.ProcessRun;
import java.io.IOException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product as an operator runs it: {@code ./wordstream run} in one process, {@code send} and {@code watch} in
 * others, stopped by a signal, started again on the same data dir.
 *
 * <p>Long because each scenario needs a real pipeline; the runner and the process checks at the end serve them all.
 */
class RunCommandIT {
    @TempDir
    Path dataDir;

    private final int brokerPort = Ports.freePort(Settings.LOOPBACK);
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopWhateverIsLeft() {
        started.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
    }

    @Test
    void runsStopsOnSignalsAndResumesOnTheSameDataDir() throws Exception {
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", Settings.LOOPBACK + ":" + brokerPort);

        Running first = run();
        assertTrue(first.readyLine.startsWith("ready bootstrap=127.0.0.1:" + brokerPort
                + " topics=sentences results=wordcounts"), first.readyLine);
        assertEquals(0, wordstream("send", "alpha beta alpha").exitCode, "send exits 0");
        Path file = dataDir.resolve("lines.txt");
        Files.writeString(file, "delta from a file\n\ndelta again\n");
        Result fromFile = wordstream("send", "--file", file.toString());
        assertEquals(0, fromFile.exitCode);
        assertTrue(fromFile.stdout.contains("sent 2 records to sentences, skipped 1 empty line"), fromFile.stdout);
        Result fromStdin = wordstreamWithInput("epsilon on stdin\n{\"resumo\": \"epsilon as json\"}\n", "send");
        assertEquals(0, fromStdin.exitCode, fromStdin.stdout);
        try (ResultsReader reader = new ResultsReader(kafka, "wordcounts", "wordstream-metrics")) {
            Map<String, Long> counts = Poll.until(Duration.ofSeconds(60), reader::counts,
                    // Rows of one batch reach the results topic one by one: wait for each word asserted on.
                    c -> total(c, "alpha") == 2 && total(c, "delta") == 2 && total(c, "epsilon") == 2
                            && total(c, "json") == 1,
                    "the words of the arguments, the file and standard input, and the JSON record's text");
            assertEquals(0, total(counts, "resumo"));
        }
        // watch reads for its --timeout, which a busy machine may end before every partition is read: asked again.
        Result json = Poll.until(Duration.ofSeconds(60), () -> polled("watch", "--json", "--timeout", "3s"),
                r -> r.exitCode != 0 || r.stdout.lines().anyMatch(l -> l.matches("\\{\"windowStart\":\"[0-9T:Z-]+\","
                        + "\"windowEnd\":\"[0-9T:Z-]+\",\"dimension\":\"word\",\"key\":\"alpha\",\"count\":2}")),
                "watch --json to show alpha's count");
        assertEquals(0, json.exitCode, json.stdout);
        Result missing = wordstream("watch", "--results-topic", "no-such-topic", "--timeout", "1s");
        assertEquals(2, missing.exitCode);
        assertEquals("wordstream watch: topic 'no-such-topic' does not exist on Kafka at 127.0.0.1:" + brokerPort
                        + "; start the pipeline with 'wordstream run' first, or check the topic options",
                missing.stdout.strip());
        Result watch = Poll.until(Duration.ofSeconds(60), () -> polled("watch", "--timeout", "4s"),
                r -> r.exitCode != 0 || r.stdout.lines().anyMatch(l -> l.matches("\\s+alpha\\s+2(\\s.*)?")),
                "watch to show alpha's count");
        assertEquals(0, watch.exitCode, watch.stdout);
        oneSentenceGivesOneWatchTable();
        aLineTheJobWouldRejectIsNotSent();
        aSecondRunOnTheBrokerPortIsToldToUseThatBroker();
        first.stop("INT");

        Running second = run();
        assertEquals(0, wordstream("send", "alpha gamma").exitCode);
        try (ResultsReader reader = new ResultsReader(kafka, "wordcounts", "wordstream-metrics")) {
            // Nothing counted twice across the restart.
            reader.awaitWordTotals(Duration.ofSeconds(60), Map.of("gamma", 1L, "alpha", 3L, "beta", 1L),
                    "the counts after the restart");
        }
        second.stop("TERM");
    }

    @Test
    void aKilledDriverIsRelaunchedFromItsCheckpointAndNothingIsLostOrCountedTwice() throws Exception {
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", Settings.LOOPBACK + ":" + brokerPort);
        Running running = run();
        assertEquals(0, wordstream("send", "before the crash", "before").exitCode);
        try (ResultsReader reader = new ResultsReader(kafka, "wordcounts", "wordstream-metrics")) {
            Poll.until(Duration.ofSeconds(60), reader::counts, c -> total(c, "before") == 2,
                    "the counts before the crash");
            ProcessHandle driver = running.process.descendants()
                    .filter(d -> d.info().commandLine().orElse("").contains("org.apache.spark.deploy.SparkSubmit"))
                    .findFirst().orElseThrow(() -> new AssertionError("no driver JVM under run"));
            driver.destroyForcibly();
            // Sent while no job runs: Kafka keeps it, the relaunched job reads it from its checkpointed offsets.
            assertEquals(0, wordstream("send", "during the outage").exitCode);
            Path err = dataDir.resolve("run.err");
            Poll.until(Duration.ofSeconds(120), () -> read(err),
                    e -> e.contains("relaunching the job from its checkpoint in 1 s (attempt 1 of 5)")
                            && e.lines().filter(l -> l.contains("completed its first micro-batch")).count() == 2,
                    "run to say the job ended and to relaunch it");
            assertEquals(0, wordstream("send", "after the crash").exitCode);
            Map<String, Long> counts = Poll.until(Duration.ofSeconds(60), reader::counts,
                    // Rows of one batch reach the results topic one by one: wait for each word asserted on.
                    c -> total(c, "after") == 1 && total(c, "outage") == 1 && total(c, "crash") >= 2
                            && total(c, "the") >= 3, "the counts after the relaunch");
            assertEquals(2, total(counts, "before"), "nothing counted twice");
            assertEquals(2, total(counts, "crash"));
            assertEquals(3, total(counts, "the"), "every sentence counted once");
            assertTrue(running.process.isAlive(), "run goes on");
        }
        running.stop("TERM");
    }

    @Test
    void aBrokerKilledWhileSentencesAreSentIsRestartedAndEverySentenceIsCountedOnce() throws Exception {
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", Settings.LOOPBACK + ":" + brokerPort);
        Running running = run();
        ProcessHandle broker = running.process.descendants()
                .filter(d -> d.info().commandLine().orElse("").contains("io.wordstream.broker.EmbeddedBroker"))
                .findFirst().orElseThrow(() -> new AssertionError("no broker JVM under run"));
        int sentences = 60;
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>();
        // The console's own sender: idempotent, acknowledged by all replicas, retried while the broker is away.
        try (SentenceSender sender = new SentenceSender(kafka, "sentences")) {
            for (int i = 0; i < sentences; i++) {
                acks.add(sender.send("tick probe" + i));
                if (i == 20) {
                    Poll.until(Duration.ofSeconds(30), () -> acks.stream().allMatch(
                            CompletableFuture::isDone), done -> done, "the first sentences acknowledged");
                    broker.destroyForcibly();
                    Poll.until(Duration.ofSeconds(10), () -> ProcessLiveness.running(broker), alive -> !alive,
                            "the broker to be gone");
                }
            }
            for (CompletableFuture<RecordMetadata> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        }
        // The producer may be acknowledged a moment before run's own check sees the broker answer.
        String err = Poll.until(Duration.ofSeconds(60), () -> read(dataDir.resolve("run.err")),
                e -> e.contains("the Kafka broker is back on"), "run to say the broker is back");
        assertTrue(err.contains("the Kafka broker exited (killed (SIGKILL))"), err);
        assertTrue(err.contains("restarting the Kafka broker in 1 s (attempt 1 of 5)"), err);
        assertTrue(err.contains("the Kafka broker is back on 127.0.0.1:" + brokerPort), err);
        try (ResultsReader reader = new ResultsReader(kafka, "wordcounts", "wordstream-metrics")) {
            // Rows of one batch reach the results topic one by one: wait for every probe's row too, not only for the
            // "tick" row that may come first (CI once read tick=60 with some probes still on the way).
            Map<String, Long> counts = Poll.until(Duration.ofSeconds(120), reader::counts,
                    c -> total(c, "tick") >= sentences && IntStream.range(0, sentences)
                            .allMatch(i -> total(c, "probe" + i) >= 1),
                    "every sentence counted after the broker came back");
            assertEquals(sentences, total(counts, "tick"), "each sentence counted once");
            for (int i = 0; i < sentences; i++) {
                assertEquals(1, total(counts, "probe" + i), "probe" + i + " in " + counts);
            }
        }
        assertTrue(running.process.isAlive(), "run goes on");
        running.stop("TERM");
    }

    @Test
    void anExternalKafkaThatStopsAndComesBackIsReportedAndWhatWasSentMeanwhileIsCountedOnce() throws Exception {
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", Settings.LOOPBACK + ":" + brokerPort);
        Path kafkaDir = dataDir.resolve("external-kafka");
        Process first = externalBroker(kafkaDir, kafka);
        Running running = run("--bootstrap-server", Settings.LOOPBACK + ":" + brokerPort);
        try (SentenceSender sender = new SentenceSender(kafka, "sentences");
             ResultsReader reader = new ResultsReader(kafka, "wordcounts", "wordstream-metrics")) {
            sender.send("before the outage").get(30, TimeUnit.SECONDS);
            Poll.until(Duration.ofSeconds(60), reader::counts, c -> total(c, "before") == 1,
                    "the count before the outage");

            first.destroy(); // SIGTERM: the operator stops their Kafka
            assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the external broker stopped");
            Path err = dataDir.resolve("run.err");
            Poll.until(Duration.ofSeconds(30), () -> read(err),
                    e -> e.contains("Kafka at 127.0.0.1:" + brokerPort + " does not answer"), "run to notice");
            // Sent from another thread, as the console does: with no broker the producer waits for the topic's
            // metadata inside send itself, until the broker is back.
            CompletableFuture<RecordMetadata> during = CompletableFuture.completedFuture(null)
                    .thenComposeAsync(x -> sender.send("during the outage"));

            externalBroker(kafkaDir, kafka);
            Poll.until(Duration.ofSeconds(60), () -> read(err),
                    e -> e.contains("Kafka at 127.0.0.1:" + brokerPort + " answers again"), "run to notice it back");
            during.get(60, TimeUnit.SECONDS);
            Map<String, Long> counts = Poll.until(Duration.ofSeconds(120), reader::counts,
                    c -> total(c, "during") == 1 && total(c, "outage") >= 2,
                    "the sentence sent during the outage, counted");
            assertEquals(1, total(counts, "before"), "nothing counted twice");
            assertEquals(2, total(counts, "outage"));
        }
        assertTrue(running.process.isAlive(), "run goes on");
        running.stop("TERM");
    }

    /** A broker the operator runs, not wordstream: started here, on the test's port, until the test ends. */
    private Process externalBroker(Path dir, Properties kafka) throws Exception {
        int controller = Ports.freePorts(Settings.LOOPBACK, 1, Set.of(brokerPort)).get(0);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", Install.current().brokerLib().resolve("*").toString(), "io.wordstream.broker.EmbeddedBroker",
                "--dir", dir.toString(), "--port", Integer.toString(brokerPort), "--controller-port",
                Integer.toString(controller), "--watch-pid", Long.toString(ProcessHandle.current().pid()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("external-kafka.log").toFile()))
                .start();
        started.add(p);
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            Poll.until(Duration.ofSeconds(60), () -> admin.reachable(Duration.ofMillis(500)), up -> up,
                    "the external broker to answer");
        }
        return p;
    }

    @Test
    void aSaslPlainClientFileSecuresBrokerConsoleAndJobAndItsSecretStaysOutOfArgumentsAndLogs() throws Exception {
        String secret = "pw-" + UUID.randomUUID();
        Path clientFile = dataDir.resolve("client.properties");
        Files.writeString(clientFile, "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n"
                + "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"operator\" password=\"" + secret + "\";\n");
        Properties kafka = new Properties();
        kafka.load(Files.newBufferedReader(clientFile));
        kafka.put("bootstrap.servers", Settings.LOOPBACK + ":" + brokerPort);

        Running running = run("--kafka-config", clientFile.toString());
        assertEquals(0, wordstream("send", "--kafka-config", clientFile.toString(), "secured words").exitCode);
        try (ResultsReader reader = new ResultsReader(kafka, "wordcounts", "wordstream-metrics")) {
            Poll.until(Duration.ofSeconds(60), reader::counts, c -> total(c, "secured") == 1,
                    "the count, read with the file's credentials");
        }
        // Without the credentials the broker lets nothing through.
        Result anonymous = wordstream("watch", "--timeout", "3s");
        assertTrue(anonymous.exitCode != 0, anonymous.stdout);
        assertTrue(anonymous.stdout.strip().lines().count() <= 2 && !anonymous.stdout.contains("\tat "),
                anonymous.stdout);

        List<ProcessHandle> ours = new ArrayList<>(running.process.descendants().toList());
        ours.add(running.process.toHandle());
        assertTrue(ours.size() >= 3, "console, broker and driver: " + ours);
        for (ProcessHandle p : ours) {
            assertTrue(!read(Path.of("/proc", Long.toString(p.pid()), "cmdline")).contains(secret),
                    "the secret is in the arguments of " + p.info().command().orElse("?"));
        }
        try (var logs = Files.list(dataDir.resolve("logs"))) {
            for (Path log : logs.toList()) {
                assertTrue(!read(log).contains(secret), "the secret is in " + log);
            }
        }
        assertTrue(!read(dataDir.resolve("run.err")).contains(secret), "the secret is in run's output");
        List<ListeningSockets.Listener> listening = ListeningSockets.of(ours);
        assertTrue(listening.stream().anyMatch(l -> l.port() == brokerPort), "the broker listens: " + listening);
        assertTrue(listening.stream().allMatch(ListeningSockets.Listener::loopback),
                "every listener of run's processes is on the loopback: " + listening);
        Path brokerConfig = dataDir.resolve("kafka").resolve("server.properties");
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(brokerConfig)), "the broker's settings hold the secret: owner only");
        running.stop("TERM");
    }

    @Test
    void aCertsDirSecuresEveryLinkCountsExactlyRefusesStrangersAndShowsNoSecretOrKey() throws Exception {
        TestCerts certs = TestCerts.create(dataDir.resolve("pki"));
        // The embedded broker's node certificate names 127.0.0.1; send and the test read as client 'operator'.
        Path host = certs.node("host", Settings.LOOPBACK);
        Path operator = certs.client("operator", "operator");
        String bootstrap = Settings.LOOPBACK + ":" + brokerPort;
        Properties kafka = TestCerts.kafkaClient(operator, bootstrap);

        // One worker: the job's executor is a JVM of its own that reads and writes Kafka with the job's identity.
        Running running = run("--certs-dir", host.toString(), "--local-cluster", "1");
        List<String> sentences = IntStream.range(0, 20).mapToObj(i -> "tls probe" + i + " tls").toList();
        List<String> send = new ArrayList<>(List.of("send", "--certs-dir", operator.toString()));
        send.addAll(sentences);
        Result sent = wordstream(send.toArray(String[]::new));
        assertEquals(0, sent.exitCode, sent.stdout);
        try (ResultsReader reader = new ResultsReader(kafka, "wordcounts", "wordstream-metrics")) {
            Map<String, Long> counts = Poll.until(Duration.ofSeconds(90), reader::counts,
                    c -> total(c, "tls") >= 40 && IntStream.range(0, 20).allMatch(i -> total(c, "probe" + i) >= 1),
                    "every sentence counted over TLS");
            assertEquals(40, total(counts, "tls"), "counts: " + counts);
            IntStream.range(0, 20).forEach(i -> assertEquals(1, total(counts, "probe" + i), "probe" + i));

            // Strangers are refused at the handshake, and the broker names each: no TLS, no certificate, another CA.
            for (Properties stranger : KafkaStrangers.of(kafka, Settings.LOOPBACK, dataDir.resolve("foreign"))) {
                try (Admin admin = Admin.create(stranger)) {
                    assertThrows(ExecutionException.class, () -> admin.describeCluster(
                            new DescribeClusterOptions().timeoutMs(5000)).nodes().get(20, TimeUnit.SECONDS));
                }
            }
            Path brokerLog = dataDir.resolve("logs").resolve("broker.log");
            Poll.until(Duration.ofSeconds(30), () -> read(brokerLog).lines()
                    .filter(l -> l.contains("Failed authentication with /127.0.0.1")).count(), n -> n >= 3,
                    "the broker to log the three strangers");
            Result anonymous = wordstream("watch", "--timeout", "3s");
            assertTrue(anonymous.exitCode != 0 && !anonymous.stdout.contains("\tat "), anonymous.stdout);

            // The pipeline counts on.
            assertEquals(0, wordstream("send", "--certs-dir", operator.toString(), "after strangers").exitCode);
            Poll.until(Duration.ofSeconds(60), reader::counts, c -> total(c, "strangers") == 1,
                    "a sentence sent after the strangers");
        }

        // Spark: the executor authenticates with the secret and encrypts its RPC; the secret is not in its arguments.
        List<ProcessHandle> ours = new ArrayList<>(running.process.descendants().toList());
        ours.add(running.process.toHandle());
        String executor = ours.stream().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("CoarseGrainedExecutorBackend")).findFirst()
                .orElseThrow(() -> new AssertionError("no executor JVM under run: " + ours));
        assertTrue(executor.contains("-Dspark.authenticate=true") && executor.contains(
                "-Dspark.network.crypto.enabled=true"), executor);

        // Neither the secret nor a key is on any command line or in any log; the files that hold them are
        // owner-only, and only those wordstream writes on purpose hold them.
        List<String> secrets = List.of(Files.readString(host.resolve("spark.secret")).strip(),
                keyLine(host.resolve("node.key")), keyLine(operator.resolve("client.operator.key")));
        for (ProcessHandle p : ours) {
            String arguments = read(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
            secrets.forEach(s -> assertTrue(!arguments.contains(s), "a secret in the arguments of " + arguments));
        }
        Set<String> holders = Set.of("kafka/server.properties", "run/spark-app.properties",
                "run/kafka-client.properties", "run/spark-daemon.properties");
        try (var files = Files.walk(dataDir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(dataDir.resolve("pki")))
                    .toList()) {
                String text = read(f);
                if (secrets.stream().anyMatch(text::contains)) {
                    String name = dataDir.relativize(f).toString();
                    assertTrue(holders.contains(name), "a secret or key in " + name);
                    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), name);
                }
            }
        }
        List<ListeningSockets.Listener> listening = ListeningSockets.of(ours);
        assertTrue(listening.stream().allMatch(ListeningSockets.Listener::loopback),
                "every listener of run's processes is on the loopback: " + listening);
        running.stop("TERM");
    }

    /** A line from the middle of a PEM key's body: any copy of the key would contain it. */
    private static String keyLine(Path key) throws IOException {
        List<String> lines = Files.readAllLines(key);
        return lines.get(lines.size() / 2);
    }

    @Test
    void aCheckpointMadeWithOtherSettingsIsNamedAndResetOnlyAfterYes() throws Exception {
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", Settings.LOOPBACK + ":" + brokerPort);
        Running first = run();
        assertEquals(0, wordstream("send", "kept sentence").exitCode);
        try (ResultsReader reader = new ResultsReader(kafka, "wordcounts", "wordstream-metrics")) {
            Poll.until(Duration.ofSeconds(60), reader::counts, c -> total(c, "kept") == 1,
                    "the first run's count");
        }
        first.stop("TERM");
        Path checkpoint = dataDir.resolve("checkpoint");

        Result changed = wordstream("run", "--window", "20s");
        assertEquals(2, changed.exitCode, changed.stdout);
        assertEquals("wordstream run: the checkpoint in " + checkpoint + " was made with --window 10s, not 20s: start"
                + " with those settings to keep counting where it stopped, or add --reset to count again from the"
                + " start (it asks before deleting anything)", changed.stdout.strip());

        Result refused = wordstreamWithInput("no\n", "run", "--window", "20s", "--reset");
        assertEquals(2, refused.exitCode, refused.stdout);
        assertTrue(refused.stdout.strip().endsWith("wordstream run: nothing was reset or deleted: --reset goes on"
                + " only when yes is typed"), refused.stdout);
        assertTrue(Files.isDirectory(checkpoint.resolve("offsets")), "the checkpoint is still there");

        Running reset = runWithInput("yes\n", "--window", "20s", "--reset");
        assertTrue(read(dataDir.resolve("run.err")).contains("deleted the checkpoint " + checkpoint));
        assertEquals(0, wordstream("send", "fresh sentence").exitCode);
        try (ResultsReader reader = new ResultsReader(kafka, "wordcounts", "wordstream-metrics")) {
            // Counted again from the retained input, in a 20 s window; the old 10 s row went with the old topic.
            reader.awaitWordTotals(Duration.ofSeconds(60), Map.of("fresh", 1L, "kept", 1L, "sentence", 2L),
                    "the counts after the reset");
        }
        assertTrue(read(dataDir.resolve("checkpoint-settings.properties")).contains("--window=20s"));
        reset.stop("TERM");
    }

    /** A following watch prints one table for one 10-word sentence, with all its words, not one per poll. */
    private void oneSentenceGivesOneWatchTable() throws Exception {
        Path out = dataDir.resolve("watch.out");
        Process follower = new ProcessBuilder(command("watch", "--top", "40", "--timeout", "180s"))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        started.add(follower);
        try {
            Poll.until(Duration.ofSeconds(60), () -> read(out), o -> o.contains(" alpha "),
                    "watch to print the history");
            List<String> words = List.of("kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau");
            assertEquals(0, wordstream("send", String.join(" ", words)).exitCode);
            Poll.until(Duration.ofSeconds(60), () -> read(out), o -> o.contains(" tau "),
                    "watch to print the sentence's table");
            // A later batch marks the end: any half-built table of the sentence would come before it.
            assertEquals(0, wordstream("send", "zeta").exitCode);
            String printed = Poll.until(Duration.ofSeconds(60), () -> read(out), o -> o.contains(" zeta "),
                    "watch to print the next batch's table");
            List<String> tables = List.of(printed.split("\n\n"));
            int first = 0;
            while (!tables.get(first).contains(" kappa ")) {
                first++;
            }
            int next = first;
            while (!tables.get(next).contains(" zeta ")) {
                next++;
            }
            assertEquals(1, next - first, "one table for one sentence:\n" + printed);
            for (String word : words) {
                assertTrue(tables.get(first).contains(" " + word + " "), word + " in\n" + tables.get(first));
            }
        } finally {
            follower.descendants().forEach(ProcessHandle::destroy);
            follower.destroy();
        }
    }

    /** JSON the job would reject is named and not sent; the other lines are, and the exit status says so. */
    private void aLineTheJobWouldRejectIsNotSent() throws Exception {
        Result r = wordstreamWithInput("iota is fine\n{\"summary\": \"wrong field\"}\n{not json\n", "send");
        assertEquals(2, r.exitCode, r.stdout);
        assertTrue(r.stdout.contains("wordstream send: line 2 not sent: the JSON object has no string field"
                + " \"resumo\"; fix it, or pass --json to send it as plain text"), r.stdout);
        assertTrue(r.stdout.contains("wordstream send: line 3 not sent: it starts with '{' but is not valid JSON"),
                r.stdout);
        assertTrue(r.stdout.contains("sent 1 record to sentences, refused 2"), r.stdout);
    }

    /** A second embedded broker on a port where Kafka already listens: the advice is to use that Kafka. */
    private void aSecondRunOnTheBrokerPortIsToldToUseThatBroker() throws Exception {
        String launcher = Install.current().home().resolve("wordstream").toString();
        ProcessRun r = ProcessRun.of(new ProcessBuilder(launcher, "run", "--data-dir",
                dataDir.resolve("other").toString(), "--broker-port", Integer.toString(brokerPort)), "",
                Duration.ofSeconds(60), dataDir);
        String out = r.output();
        assertEquals(2, r.exitCode(), out);
        assertTrue(out.contains("a Kafka broker already listens on 127.0.0.1:" + brokerPort + "; pass"
                + " --bootstrap-server 127.0.0.1:" + brokerPort + " to use it"), out);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void aFailedStartSaysWhyInOneLineAndLeavesNoProcessBehind() throws Exception {
        // The deadline starts once the topics exist, and no first micro-batch follows within 10 ms: the start fails
        // after the broker and the driver started, whatever the machine's speed (2 s was not always too short).
        ProcessRun r = ProcessRun.of(new ProcessBuilder(command("run", "--start-timeout", "10ms")), "",
                Duration.ofSeconds(90), dataDir);
        String out = r.output();
        assertEquals(1, r.exitCode(), "a start timeout is the pipeline's failure, not the operator's: " + out);
        String last = out.strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("wordstream run: the Spark job did not complete a micro-batch within 10ms"), out);
        assertTrue(!out.contains("Exception") && !out.contains("\tat "), out);
        Poll.until(Duration.ofSeconds(30), () -> ProcessHandle.allProcesses()
                        .filter(h -> h.info().commandLine().orElse("").contains(dataDir.toString())).toList(),
                List::isEmpty, "no process of the failed start left");
    }

    @Test
    void aConsoleKilledWithSigkillLeavesNoProcessBehind() throws Exception {
        Running running = run("--local-cluster", "1");
        // Broker, driver, master, worker, and the executor the worker started.
        List<ProcessHandle> all = running.process.descendants().toList();
        assertTrue(all.stream().filter(d -> d.info().command().orElse("").endsWith("java")).count() >= 5,
                "broker, driver, master, worker and executor JVMs: " + all);
        running.process.destroyForcibly();
        for (ProcessHandle p : all) {
            Poll.until(Duration.ofSeconds(30), () -> ProcessLiveness.running(p), alive -> !alive,
                    "pid " + p.pid() + " " + p.info().command().orElse("") + " to end after the console's SIGKILL");
        }
    }

    private static long total(Map<String, Long> counts, String word) {
        return counts.entrySet().stream().filter(e -> e.getKey().endsWith(" word " + word))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** A running {@code wordstream run}, with the processes it had started once ready. */
    private final class Running {
        final Process process;
        final String readyLine;
        final List<ProcessHandle> children;

        /** With {@code --bootstrap-server}, run starts no broker of its own. */
        final boolean external;

        Running(Process process, String readyLine, boolean external) {
            this.external = external;
            this.process = process;
            this.readyLine = readyLine;
            this.children = process.descendants().toList();
        }

        void stop(String signal) throws Exception {
            // The broker and the driver, plus any short-lived helper the driver runs at this moment.
            List<ProcessHandle> before = new ArrayList<>(children);
            process.descendants().filter(d -> !before.contains(d)).forEach(before::add);
            long jvms = external ? 1 : 2;
            assertTrue(before.stream().filter(d -> d.info().command().orElse("").endsWith("java")).count() >= jvms,
                    "run started " + (external ? "a driver JVM: " : "a broker JVM and a driver JVM: ") + before);
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                throw new AssertionError("run exits after SIG" + signal + Postmortem.of(process.toHandle(), dataDir));
            }
            assertEquals(0, process.exitValue(), "run exits 0 after SIG" + signal + "; stderr: "
                    + Files.readString(dataDir.resolve("run.err")));
            String stderr = Files.readString(dataDir.resolve("run.err"));
            for (ProcessHandle child : before) {
                Poll.until(Duration.ofSeconds(10), () -> ProcessLiveness.running(child), r -> !r,
                        "pid " + child.pid() + " (" + child.info().commandLine().orElse("?") + ") to be gone after SIG"
                                + signal + "; stderr: " + stderr);
            }
        }
    }

    private Running run(String... options) throws IOException {
        return runWithInput("", options);
    }

    /** {@code run} with {@code input} on its standard input. */
    private Running runWithInput(String input, String... options) throws IOException {
        String[] args = new String[options.length + 1];
        args[0] = "run";
        System.arraycopy(options, 0, args, 1, options.length);
        List<String> command = new ArrayList<>(command(args));
        // As Ctrl-C in a terminal finds it: a build started in the background by a script inherits SIGINT ignored,
        // and the JVM then leaves it ignored (so nohup and '&' work), which would make the SIGINT below a no-op.
        command.addAll(0, List.of("env", "--default-signal=INT"));
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(dataDir.resolve("run.err").toFile()))
                .start();
        started.add(p);
        try (var in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        Optional<String> ready = ProcessOutput.stdout(p, "run-stdout").awaitLine(l -> l.startsWith("ready"),
                Duration.ofSeconds(240), "the ready line");
        if (ready.isEmpty()) {
            throw new AssertionError("run exited with " + p.exitValue() + " before ready: "
                    + Files.readString(dataDir.resolve("run.err")));
        }
        return new Running(p, ready.get(), List.of(options).contains("--bootstrap-server"));
    }

    private record Result(int exitCode, String stdout) {
    }

    private Result wordstream(String... args) throws Exception {
        return wordstreamWithInput("", args);
    }

    /** {@link #wordstream} inside a poll, which takes no checked exception. */
    private Result polled(String... args) {
        try {
            return wordstream(args);
        } catch (Exception e) {
            throw new AssertionError("wordstream " + String.join(" ", args), e);
        }
    }

    private Result wordstreamWithInput(String input, String... args) throws Exception {
        ProcessRun run = ProcessRun.of(new ProcessBuilder(command(args)), input, Duration.ofSeconds(60), dataDir);
        return new Result(run.exitCode(), run.output());
    }

    private List<String> command(String... args) {
        List<String> c = new ArrayList<>();
        c.add(Install.current().home().resolve("wordstream").toString());
        c.add(args[0]);
        c.addAll(List.of("--data-dir", dataDir.toString(), "--broker-port", Integer.toString(brokerPort)));
        c.addAll(List.of(args).subList(1, args.length));
        return c;
    }
}

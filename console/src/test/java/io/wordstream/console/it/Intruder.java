package io.wordstream.console.it;

import io.wordstream.console.settings.Install;
import io.wordstream.testsupport.Poll;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
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
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Someone on a host of the test's network who holds no credentials of the cluster, trying its doors with real
 * clients run on that host: a Kafka client ({@link KafkaProbe}) with the settings it is given, curl against a web
 * UI, and a Spark application of Spark's own jars that asks a master for executors.
 */
final class Intruder {
    private final UnaryOperator<List<String>> onHost;
    private final String address;
    private final Path dir;

    /**
     * @param onHost  a command as run on the intruder's host (e.g. {@code ip netns exec NS ...})
     * @param address the intruder host's address
     * @param dir     where its files and outputs go
     */
    Intruder(UnaryOperator<List<String>> onHost, String address, Path dir) throws IOException {
        this.onHost = onHost;
        this.address = address;
        this.dir = Files.createDirectories(dir);
    }

    /**
     * Runs {@link KafkaProbe} on the host with {@code settings}, and returns what each try said: its name to
     * {@code "in ..."} or {@code "refused ..."}.
     */
    Map<String, String> kafka(String name, Properties settings, String topic, String controllers, String... tries)
            throws IOException, InterruptedException {
        Path file = dir.resolve(name + ".properties");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            settings.store(out, null);
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        // A plaintext client reads a TLS server's first bytes as the length of a reply of some 350 MB and allocates
        // it: the heap lets it fail by the refusal, not by running out of memory first.
        // Surefire names the tests' class path apart when java.class.path is its one-manifest jar.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", classPath,
                KafkaProbe.class.getName(), file.toString(), topic, controllers));
        command.addAll(List.of(tries));
        String said = run(name, command, Map.of(), Duration.ofSeconds(180));
        Map<String, String> outcomes = new TreeMap<>();
        said.lines().filter(l -> l.startsWith("probe ")).forEach(l -> {
            String[] parts = l.split(" ", 3);
            outcomes.put(parts[1], parts.length > 2 ? parts[2] : "");
        });
        if (outcomes.size() != tries.length) {
            throw new AssertionError("the probe " + name + " said: " + said);
        }
        return outcomes;
    }

    /** What curl on the host got for {@code uri}: with the client identity of {@code certsDir}, or none at all. */
    HttpAnswer get(String name, URI uri, Optional<Path> certsDir) throws IOException, InterruptedException {
        Path body = dir.resolve(name + ".body");
        Files.deleteIfExists(body);
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "15", "-o", body.toString(),
                "-w", "\nstatus=%{http_code}\n"));
        if (certsDir.isPresent()) {
            Path d = certsDir.get();
            command.addAll(List.of("--cacert", d.resolve("ca.crt").toString(), "--cert", clientFile(d, ".crt"),
                    "--key", clientFile(d, ".key")));
        } else {
            // An intruder does not care who the server is: only its own lack of a certificate should stop it.
            command.add("-k");
        }
        command.add(uri.toString());
        Process p = start(name, command, Map.of());
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String said = Files.readString(dir.resolve(name + ".out"));
        Matcher status = Pattern.compile("status=(\\d{3})").matcher(said);
        return new HttpAnswer(ended ? p.exitValue() : -1, status.find() ? status.group(1) : "000", said.strip(),
                Files.exists(body) ? Files.readString(body, StandardCharsets.ISO_8859_1) : "");
    }

    /**
     * A Spark application of Spark's own jars ({@code UIWorkloadGenerator}, which runs jobs on whatever executors it
     * gets), started on the host without the cluster's secret against {@code masterUrl}. Returns its output once it
     * has said that the master let it in ({@code Connected to Spark cluster}) or that it gave up; then it is stopped.
     */
    String sparkApplication(String masterUrl, Duration within) throws IOException, InterruptedException {
        // Through spark-submit, which gives the driver Java 17's module flags; "spark-internal": a class of Spark's.
        Path sparkSubmit = Install.current().sparkHome().resolve("bin").resolve("spark-submit");
        // Its scratch files in the test's directory: stopped by force, it leaves them behind.
        Path scratch = Files.createDirectories(dir.resolve("spark-app-tmp"));
        Process p = start("spark-app", List.of(sparkSubmit.toString(), "--master", masterUrl, "--driver-memory",
                "512m", "--conf", "spark.local.dir=" + scratch, "--driver-java-options", "-Djava.io.tmpdir=" + scratch,
                "--class", "org.apache.spark.ui.UIWorkloadGenerator", "spark-internal", masterUrl, "FIFO", "1"),
                Map.of("SPARK_LOCAL_IP", address));
        Path out = dir.resolve("spark-app.out");
        try {
            return Poll.until(within, () -> read(out), s -> !p.isAlive()
                    || s.contains("All masters are unresponsive") || s.contains("Connected to Spark cluster"),
                    "the intruder's application to be let in or to give up");
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The name of the client certificate or key of {@code certsDir}, as {@code wordstream certs} named it. */
    private static String clientFile(Path certsDir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(certsDir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("client.")
                    && f.getFileName().toString().endsWith(suffix)).findFirst()
                    .orElseThrow(() -> new IOException("no client" + suffix + " in " + certsDir)).toString();
        }
    }

    private String run(String name, List<String> command, Map<String, String> env, Duration within)
            throws IOException, InterruptedException {
        Process p = start(name, command, env);
        if (!p.waitFor(within.toSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(name + " on the intruder's host did not end in " + within);
        }
        return Files.readString(dir.resolve(name + ".out"));
    }

    private Process start(String name, List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(onHost.apply(command)).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** curl's exit status (0: it got an answer), the HTTP status (000 without one), what it said, and the body. */
    record HttpAnswer(int exit, String status, String said, String body) {
        boolean answered() {
            return exit == 0 && status.startsWith("2");
        }
    }
}

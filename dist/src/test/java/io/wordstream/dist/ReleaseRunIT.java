package io.wordstream.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.testsupport.Poll;
import io.wordstream.testsupport.ProcessLiveness;
import io.wordstream.testsupport.ProcessOutput;
import io.wordstream.testsupport.ProcessRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release as an operator runs it on a host with Java 17 and neither Maven nor the sources: unpacked under a path
 * with a space, started with {@code bin/wordstream}, stopped with SIGTERM.
 */
class ReleaseRunIT {
    private static final Path ARCHIVE = Path.of(System.getProperty("wordstream.archive"));
    private static final String VERSION = System.getProperty("wordstream.version");
    private static final Pattern ROW = Pattern.compile("\\{\"windowStart\":\"([^\"]+)\",\"windowEnd\":\"[^\"]+\","
            + "\"dimension\":\"word\",\"key\":\"([^\"]+)\",\"count\":(\\d+)}");

    @TempDir
    static Path work;
    static Path install;
    /** A PATH with every command of /usr/bin but Maven. */
    static Path withoutMaven;

    @TempDir
    Path dataDir;
    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void unpack() throws Exception {
        Path opt = Files.createDirectories(work.resolve("opt with space"));
        Process tar = new ProcessBuilder("tar", "xzf", ARCHIVE.toString(), "-C", opt.toString())
                .redirectErrorStream(true).start();
        String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(tar.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, tar.exitValue(), out);
        assertEquals("", out, "tar unpacks the archive without a warning");
        install = opt.resolve("wordstream-" + VERSION);
        withoutMaven = commands(work.resolve("bin"), Set.of("mvn", "mvnDebug"));
    }

    @AfterEach
    void stopWhateverIsLeft() {
        started.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
    }

    @Test
    void runSendAndWatchFromTheReleaseWithoutMavenAndSigtermLeavesNoProcess() throws Exception {
        int port = freePort();
        // A generous start-up timeout: this machine, shared by many builds, once took over three minutes to a batch.
        Process run = start(withoutMaven, "run", "--data-dir", dataDir.toString(), "--broker-port",
                Integer.toString(port), "--start-timeout", "300s");
        Optional<String> ready = ProcessOutput.stdout(run, "run-stdout").awaitLine(l -> l.startsWith("ready"),
                Duration.ofSeconds(400), "the ready line");
        assertTrue(ready.isPresent(), "run exited before ready: " + read(dataDir.resolve("run.err")));
        assertTrue(read(dataDir.resolve("run.err")).contains("wordstream: JVM class data archives are kept in the"
                + " install (" + install.resolve("cds") + ")"), "run says where the class data archives go");
        List<ProcessHandle> children = run.descendants().toList();
        assertTrue(children.stream().filter(c -> c.info().command().orElse("").endsWith("java")).count() >= 2,
                "a broker JVM and a driver JVM: " + children);

        Result sent = wordstream(withoutMaven, "send", "--data-dir", dataDir.toString(), "--broker-port",
                Integer.toString(port), "the release counts the words");
        assertEquals(0, sent.status(), sent.output());
        Map<String, Long> expected = Map.of("the", 2L, "release", 1L, "counts", 1L, "words", 1L);
        // Rows of one batch reach the results topic one by one: watch again until all of them are there.
        Map<String, Long> counts = Poll.until(Duration.ofSeconds(90), () -> wordTotals(watchJson(port)),
                expected::equals, "watch --json to show the sentence's counts");
        assertEquals(expected, counts);

        // The broker records its class data archive while it runs, once the pipeline is ready (a pause of seconds):
        // stopping it meanwhile would throw the half-made archive away, so the stop waits for it.
        Poll.until(Duration.ofSeconds(90), () -> archives(install, "broker"), names -> !names.isEmpty(),
                "the broker to record its class data archive in " + install.resolve("cds"));
        run.destroy(); // SIGTERM
        assertTrue(run.waitFor(90, TimeUnit.SECONDS), "run exits after SIGTERM");
        assertEquals(0, run.exitValue(), read(dataDir.resolve("run.err")));
        for (ProcessHandle child : children) {
            Poll.until(Duration.ofSeconds(30), () -> ProcessLiveness.running(child), alive -> !alive,
                    "pid " + child.pid() + " " + child.info().commandLine().orElse("") + " to end after SIGTERM");
        }
        Poll.until(Duration.ofSeconds(30), () -> ProcessHandle.allProcesses().filter(ProcessLiveness::running)
                        .filter(h -> h.info().commandLine().orElse("").contains(install.toString())).toList(),
                List::isEmpty, "no process of the release left");

        // The install can be written to: its class data archives are kept in it, and the console log says so.
        String log = read(dataDir.resolve("logs/console.log"));
        assertTrue(log.contains("JVM class data archives are kept in the install (" + install.resolve("cds") + ")"),
                log);
        try (Stream<Path> cds = Files.list(install.resolve("cds"))) {
            List<String> names = cds.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.matches("broker-[0-9a-f]+\\.jsa")), "the broker's: " + names);
        }
        // Java 17 takes no class from an archive whose class path holds a space, as this install's does: the
        // launcher asked the console for none (it records beside the broker, whose archive is there).
        assertEquals(List.of(), archives(install, "console"), "no console archive under a path with a space");
    }

    /** A role's class data archives in the install, by name. */
    private static List<String> archives(Path install, String role) {
        if (!Files.isDirectory(install.resolve("cds"))) {
            return List.of();
        }
        try (Stream<Path> cds = Files.list(install.resolve("cds"))) {
            return cds.map(p -> p.getFileName().toString()).filter(n -> n.matches(role + "-[0-9a-f]+\\.jsa"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void versionNamesTheReleaseAndTheSparkAndKafkaItBundles() throws Exception {
        Result version = wordstream(withoutMaven, "--version");
        assertEquals(0, version.status(), version.output());
        assertEquals("wordstream " + VERSION + " (Spark 3.5.7, Kafka 4.4.0)", version.output().strip());
    }

    @Test
    void aJavaOlderThan17IsNamedBesideTheOneNeeded() throws Exception {
        Path fake = Files.createDirectories(dataDir.resolve("old-java"));
        Path java = fake.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n");
        assertTrue(java.toFile().setExecutable(true));
        Path path = commands(dataDir.resolve("bin"), Set.of("mvn", "mvnDebug", "java"));
        Result result = wordstream(fake + ":" + path, "--version");
        assertEquals(2, result.status(), result.output());
        assertEquals("wordstream: found Java 11.0.2 at " + java + "; wordstream needs Java 17 or newer: install one,"
                + " or set JAVA_HOME to it", result.output().strip());
    }

    @Test
    void withoutJavaTheLauncherSaysWhatItNeeds() throws Exception {
        Result result = wordstream(commands(dataDir.resolve("bin"), Set.of("mvn", "mvnDebug", "java")).toString(),
                "send", "no java here");
        assertEquals(2, result.status(), result.output());
        assertEquals("wordstream: no Java found (no java on PATH, JAVA_HOME unset); wordstream needs Java 17 or"
                + " newer: install one, or set JAVA_HOME", result.output().strip());
    }

    @Test
    void aDeletedJarIsNamed() throws Exception {
        Path jar = install.resolve("lib/jars/picocli-4.7.7.jar");
        Path away = jar.resolveSibling("picocli.away");
        Files.move(jar, away);
        try {
            Result result = wordstream(withoutMaven, "--version");
            assertEquals(2, result.status(), result.output());
            assertEquals("wordstream: this install is missing lib/console/picocli-4.7.7.jar (../jars/picocli-4.7.7.jar"
                    + " is gone); unpack the release archive again", result.output().strip());
        } finally {
            Files.move(away, jar);
        }
    }

    private String watchJson(int port) {
        try {
            Result watch = wordstream(withoutMaven, "watch", "--json", "--timeout", "3s", "--data-dir",
                    dataDir.toString(), "--broker-port", Integer.toString(port));
            assertEquals(0, watch.status(), watch.output());
            return watch.output();
        } catch (Exception e) {
            throw new AssertionError("watch --json failed to run", e);
        }
    }

    /** The last count of each word in each window, summed over the windows. */
    private static Map<String, Long> wordTotals(String json) {
        Map<String, Long> latest = new LinkedHashMap<>();
        for (String line : json.lines().toList()) {
            Matcher row = ROW.matcher(line.strip());
            if (row.matches()) {
                latest.put(row.group(1) + " " + row.group(2), Long.parseLong(row.group(3)));
            }
        }
        Map<String, Long> totals = new TreeMap<>();
        latest.forEach((key, count) -> totals.merge(key.substring(key.indexOf(' ') + 1), count, Long::sum));
        return totals;
    }

    private record Result(int status, String output) {
    }

    private Result wordstream(Path path, String... args) throws Exception {
        return wordstream(path.toString(), args);
    }

    private Result wordstream(String path, String... args) throws Exception {
        // Output to a file and a time limit: a command that never ends fails the test instead of hanging it.
        ProcessRun run = ProcessRun.of(builder(path, args), "", Duration.ofSeconds(60), dataDir);
        return new Result(run.exitCode(), run.output());
    }

    private Process start(Path path, String... args) throws IOException {
        return start(path.toString(), args);
    }

    /** {@code bin/wordstream ARGS} with this PATH, no JAVA_HOME and no wordstream settings from the environment. */
    private Process start(String path, String... args) throws IOException {
        Process p = builder(path, args).start();
        started.add(p);
        return p;
    }

    private ProcessBuilder builder(String path, String... args) {
        List<String> command = new ArrayList<>(List.of(install.resolve("bin/wordstream").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dataDir.toFile());
        builder.environment().keySet().removeIf(k -> k.equals("JAVA_HOME") || k.equals("SPARK_HOME")
                || k.startsWith("WORDSTREAM_"));
        builder.environment().put("PATH", path);
        if (args.length > 0 && args[0].equals("run")) {
            builder.redirectError(ProcessBuilder.Redirect.appendTo(dataDir.resolve("run.err").toFile()));
        } else {
            builder.redirectErrorStream(true);
        }
        return builder;
    }

    /** A folder of links to every command in /usr/bin but those named: a PATH without them. */
    private static Path commands(Path dir, Set<String> except) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> all = Files.list(Path.of("/usr/bin"))) {
            for (Path command : all.toList()) {
                String name = command.getFileName().toString();
                if (!except.contains(name) && !Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(dir.resolve(name), command);
                }
            }
        }
        return dir;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}

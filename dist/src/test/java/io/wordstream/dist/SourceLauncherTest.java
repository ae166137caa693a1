package io.wordstream.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.testsupport.Poll;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source tree's {@code ./wordstream} when two are started during one build: the second waits for the first's
 * build and starts no Maven of its own. Maven is a stand-in here (it only records the call and holds the build open
 * until the test lets it finish); the launcher and its lock are the real ones.
 */
class SourceLauncherTest {
    private static final Path HOME = Path.of(System.getProperty("wordstream.home"));

    @TempDir
    Path tree;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aSecondLauncherWaitsForTheBuildInsteadOfStartingAnother() throws Exception {
        Files.copy(HOME.resolve("wordstream"), tree.resolve("wordstream"));
        Files.createDirectories(tree.resolve("dist/src/main/bin"));
        Files.copy(HOME.resolve("dist/src/main/bin/wordstream"), tree.resolve("dist/src/main/bin/wordstream"));
        Files.writeString(tree.resolve("pom.xml"), "<project/>\n");
        Path bin = Files.createDirectories(tree.resolve("fake-bin"));
        Path calls = tree.resolve("mvn.calls");
        Path finish = tree.resolve("finish-build");
        Files.writeString(bin.resolve("mvn"), "#!/bin/sh\n"
                + "echo \"$*\" >> '" + calls + "'\n"
                + "while [ ! -e '" + finish + "' ]; do sleep 0.1; done\n"
                + "mkdir -p console/target/lib && touch console/target/lib/wordstream-console.jar\n");
        assertTrue(bin.resolve("mvn").toFile().setExecutable(true));

        Process first = launcher(bin, "first.err");
        Poll.until(Duration.ofSeconds(30), () -> read(calls), c -> c.lines().count() == 1,
                "the first launcher to start its build");
        Process second = launcher(bin, "second.err");
        Poll.until(Duration.ofSeconds(30), () -> read(tree.resolve("second.err")), e -> e.contains("wordstream:"
                + " another ./wordstream is building this tree; waiting for that build to finish..."),
                "the second launcher to say it waits");
        assertTrue(second.isAlive(), "the second launcher waits");

        Files.writeString(finish, "");
        assertTrue(first.waitFor(60, TimeUnit.SECONDS));
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        assertEquals(List.of("-B -q -DskipTests package -pl !dist"), Files.readAllLines(calls),
                "one build, for both launchers: " + read(tree.resolve("second.err")));
    }

    private Process launcher(Path bin, String err) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(tree.resolve("wordstream").toString(), "--version")
                .directory(tree.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(tree.resolve(err).toFile());
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().remove("WORDSTREAM_NO_BUILD");
        Process p = builder.start();
        started.add(p);
        return p;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}

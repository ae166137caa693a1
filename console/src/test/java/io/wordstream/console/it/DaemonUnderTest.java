package io.wordstream.console.it;

import io.wordstream.testsupport.ProcessOutput;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A wordstream command started by a test as its own process: its stdout lines kept, its stderr in a file. */
final class DaemonUnderTest {
    private final String name;
    private final Process process;
    private final Path stderr;
    private final ProcessOutput stdout;

    private DaemonUnderTest(String name, Process process, Path stderr) {
        this.name = name;
        this.process = process;
        this.stderr = stderr;
        this.stdout = ProcessOutput.stdout(process, name + "-stdout");
    }

    /** Starts {@code command} with {@code env} added, standard error going to {@code dir/NAME.err}. */
    static DaemonUnderTest start(String name, List<String> command, Map<String, String> env, Path dir)
            throws IOException {
        Path stderr = dir.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        return new DaemonUnderTest(name, pb.start(), stderr);
    }

    /** Waits for the line starting with {@code ready}; fails with what the process said if it exits first. */
    String awaitReady(Duration timeout) throws IOException {
        Optional<String> ready = stdout.awaitLine(l -> l.startsWith("ready"), timeout, name + "'s ready line");
        if (ready.isEmpty()) {
            throw new AssertionError(name + " exited with " + process.exitValue() + " before ready: "
                    + Files.readString(stderr));
        }
        return ready.get();
    }

    boolean alive() {
        return process.isAlive();
    }

    Process process() {
        return process;
    }

    String stderr() throws IOException {
        return Files.readString(stderr);
    }

    /** Kills each daemon a test started, and whatever it started, by handle: the last guard of a test. */
    static void killAll(List<DaemonUnderTest> daemons) {
        for (DaemonUnderTest d : daemons) {
            d.process.descendants().forEach(ProcessHandle::destroyForcibly);
            d.process.destroyForcibly();
        }
    }

    /** Sends SIGTERM and waits for the exit status. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not stop within " + timeout.toSeconds() + " s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public String toString() {
        return name;
    }
}

package io.wordstream.bench.failover;

import io.wordstream.console.launch.ChildProcesses;
import io.wordstream.console.settings.Install;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@code wordstream} command a drill runs as a process of its own ({@code run}, or a role on a host): its standard
 * error appended to a file, its standard output read until it prints the line starting with {@code ready}.
 */
public final class WordstreamProcess {
    private final String name;
    private final Process process;
    private final Path stderr;
    private final CompletableFuture<String> ready = new CompletableFuture<>();

    private WordstreamProcess(String name, Process process, Path stderr) {
        this.name = name;
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("ready ")) {
                        ready.complete(line);
                    }
                }
            } catch (IOException e) {
                // it ended: said below
            }
            ready.completeExceptionally(new IllegalStateException(name + " ended before it was ready"));
        }, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code prefix} (empty, or {@code ip netns exec HOST}) then {@code wordstream ARGS}, with {@code env}
     * added; standard error goes to {@code stderr}.
     */
    public static WordstreamProcess start(String name, Install install, List<String> prefix, List<String> args,
                                          Map<String, String> env, Path stderr) {
        List<String> command = new ArrayList<>(prefix);
        command.add(install.home().resolve("wordstream").toString());
        command.addAll(args);
        try {
            Files.createDirectories(stderr.getParent());
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().put("WORDSTREAM_NO_BUILD", "1");
            pb.environment().putAll(env);
            return new WordstreamProcess(name, pb.start(), stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /**
     * Returns the ready line once printed.
     *
     * @throws IllegalStateException when the process ended first or {@code timeout} passed, with its last words
     */
    public String awaitReady(Duration timeout) {
        try {
            return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s: "
                    + lastLines(5), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The last {@code n} lines of its standard error. */
    public String lastLines(int n) {
        try {
            List<String> lines = Files.readAllLines(stderr);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    /** SIGTERM, and SIGKILL after {@code grace}; then whatever it started that is still there. */
    public void stop(Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        ChildProcesses.stop(process.toHandle(), grace);
        tree.forEach(d -> ChildProcesses.stop(d, Duration.ofSeconds(10)));
    }

    @Override
    public String toString() {
        return name;
    }
}

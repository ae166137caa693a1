package io.wordstream.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A child process's standard output or error, read line by line on a thread of its own as it comes (so the child
 * never blocks on a full pipe) and kept, so a test can wait for a line.
 */
public final class ProcessOutput {
    /** How long the reader may take to hand over the last lines once the process has exited. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private ProcessOutput(Process process, InputStream stream, String name) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended and its stream was closed
            }
        }, name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts reading {@code process}'s standard output on a thread named {@code name}. */
    public static ProcessOutput stdout(Process process, String name) {
        return new ProcessOutput(process, process.getInputStream(), name);
    }

    /** Starts reading {@code process}'s standard error on a thread named {@code name}. */
    public static ProcessOutput stderr(Process process, String name) {
        return new ProcessOutput(process, process.getErrorStream(), name);
    }

    /** The lines read so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The lines read so far, one string. */
    public String text() {
        return String.join("\n", lines);
    }

    /** The first line read so far that {@code matches}. */
    public Optional<String> first(Predicate<String> matches) {
        return lines.stream().filter(matches).findFirst();
    }

    /**
     * Waits for the first line that {@code matches}.
     *
     * @return the line, or empty when the process exited without one
     * @throws AssertionError after {@code timeout}, naming {@code what} and the lines read
     */
    public Optional<String> awaitLine(Predicate<String> matches, Duration timeout, String what) {
        Optional<String> line = Poll.until(timeout, () -> first(matches),
                found -> found.isPresent() || !process.isAlive(),
                () -> what + " (the output so far: " + lines + ")");
        if (line.isPresent()) {
            return line;
        }
        // The process exited: the reader may still hold its last lines, so let it finish before saying none came.
        try {
            reader.join(DRAIN.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
        return first(matches);
    }
}

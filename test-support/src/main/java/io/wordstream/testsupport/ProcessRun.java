package io.wordstream.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A process run to its exit: its status and its output, standard error included. */
public record ProcessRun(int exitCode, String output) {
    /**
     * Starts {@code builder} with {@code input} on its standard input and waits up to {@code limit} for it to exit, its
     * output in a file under {@code workDir}. One that does not exit fails the test with its output and a
     * {@link Postmortem} of its processes and of the logs under {@code workDir}, and is stopped with its descendants:
     * a test that reads a process's output to its end would instead wait for ever.
     */
    public static ProcessRun of(ProcessBuilder builder, String input, Duration limit, Path workDir)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile(workDir, "command-", ".out");
        Process p = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            String report = String.join(" ", builder.command()) + " did not exit within " + limit + "; its output:\n"
                    + read(output) + Postmortem.of(p.toHandle(), workDir);
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(report);
        }
        return new ProcessRun(p.exitValue(), read(output));
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}

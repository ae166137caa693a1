package io.wordstream.console.roles;

import io.wordstream.console.errors.UserError;
import io.wordstream.console.launch.ChildProcesses;
import io.wordstream.console.launch.LogTail;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One engine daemon that a role started in a JVM of its own: how to tell that it serves, where it logs, and how to
 * stop it with whatever it started (a worker's executors) so nothing outlives the role.
 */
public final class Daemon implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(250);

    private final String name;
    private final Process process;
    private final Path log;
    private final BooleanSupplier serving;
    private final Duration grace;

    /**
     * @param name    what it is, for messages ("the Kafka node")
     * @param serving true once the daemon serves; asked repeatedly, so it must answer quickly
     * @param grace   how long a clean stop may take before it is killed
     */
    public Daemon(String name, Process process, Path log, BooleanSupplier serving, Duration grace) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.serving = serving;
        this.grace = grace;
    }

    /**
     * Waits until the daemon serves: true then, false when {@code stop} was released first. Fails with the log's
     * last error when the daemon exits, and with {@code timeoutMessage} after {@code timeout} if one is given.
     */
    public boolean awaitServing(CountDownLatch stop, Optional<Duration> timeout, String timeoutMessage)
            throws InterruptedException {
        long deadline = timeout.map(t -> System.nanoTime() + t.toNanos()).orElse(Long.MAX_VALUE);
        while (true) {
            if (!process.isAlive()) {
                throw new DaemonFailure(name + " exited with status " + process.exitValue() + " while starting: "
                        + LogTail.lastError(log) + " (full log: " + log + ")");
            }
            if (serving.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                throw new UserError(timeoutMessage + " (log: " + log + ")");
            }
            if (stop.await(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
        }
    }

    /** Waits for {@code stop} or the daemon's end: empty after a stop request, else how the daemon ended. */
    public Optional<String> awaitEnd(CountDownLatch stop) throws InterruptedException {
        while (!stop.await(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
            if (!process.isAlive()) {
                int status = process.exitValue();
                return Optional.of(name + " ended with status " + status + (status == 137 ? " (killed)" : ": "
                        + LogTail.lastError(log)) + " (full log: " + log + ")");
            }
        }
        return Optional.empty();
    }

    public Path log() {
        return log;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Stops the daemon (SIGTERM, then SIGKILL after the grace), then whatever it had started. */
    @Override
    public void close() {
        List<ProcessHandle> started = process.toHandle().descendants().toList();
        ChildProcesses.stop(process.toHandle(), grace);
        started.forEach(p -> ChildProcesses.stop(p, Duration.ofSeconds(10)));
    }

    /** The daemon ended by itself while starting: a failure of the engine (exit 1), not of the input. */
    public static final class DaemonFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DaemonFailure(String message) {
            super(message);
        }
    }
}

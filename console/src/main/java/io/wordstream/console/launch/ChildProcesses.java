package io.wordstream.console.launch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops processes by handle: politely first (SIGTERM), then for good (SIGKILL) when they take too long. */
public final class ChildProcesses {
    private ChildProcesses() {
    }

    /** Asks {@code p} to stop and waits up to {@code grace}; kills it if it is still there. True if it had to. */
    public static boolean stop(ProcessHandle p, Duration grace) {
        if (!p.isAlive()) {
            return false;
        }
        p.destroy();
        if (awaitExit(p, grace)) {
            return false;
        }
        p.destroyForcibly();
        awaitExit(p, Duration.ofSeconds(10));
        return true;
    }

    /** Waits until {@code p} has exited or {@code timeout} has passed; true when it has exited. */
    public static boolean awaitExit(ProcessHandle p, Duration timeout) {
        try {
            p.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !p.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    /** Kills whatever this JVM started and is still running: the last guard against leaving a process behind. */
    public static void killDescendants() {
        List<ProcessHandle> left = ProcessHandle.current().descendants().toList();
        left.forEach(ProcessHandle::destroyForcibly);
        left.forEach(p -> awaitExit(p, Duration.ofSeconds(5)));
    }
}

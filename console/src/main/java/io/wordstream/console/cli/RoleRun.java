package io.wordstream.console.cli;

import io.wordstream.console.launch.DataDirLock;
import io.wordstream.console.roles.Daemon;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * The life of a role in the foreground, the same for each engine: lock the data dir for this role, start the
 * daemon, print one {@code ready} line once it serves, and stop it on SIGTERM or Ctrl-C, leaving no process.
 */
record RoleRun(String role, Path dataDir, PrintWriter out, PrintWriter err) {
    /**
     * Runs the daemon until a stop signal (exit 0) or its own end (exit 1).
     *
     * @param start          starts the daemon (checks that may refuse come before this, with the lock held)
     * @param readyTimeout   how long the daemon may take to serve; empty to wait as long as it runs
     * @param timeoutMessage the one line for a daemon that did not serve in time
     * @param readyLine      the line to print once it serves
     */
    int run(Supplier<Daemon> start, Optional<Duration> readyTimeout, String timeoutMessage, String readyLine)
            throws InterruptedException {
        try (DataDirLock lock = DataDirLock.acquireForRole(dataDir, role)) {
            CountDownLatch stop = Signals.stopOnInterruptOrTerminate();
            try (Daemon daemon = start.get()) {
                if (!daemon.awaitServing(stop, readyTimeout, timeoutMessage)) {
                    return 0;
                }
                out.println(readyLine);
                out.flush();
                Optional<String> end = daemon.awaitEnd(stop);
                end.ifPresent(how -> err.println("wordstream " + role + ": " + how));
                return end.isPresent() ? 1 : 0;
            } catch (Daemon.DaemonFailure e) {
                err.println("wordstream " + role + ": " + e.getMessage());
                return 1;
            }
        }
    }
}

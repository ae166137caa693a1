package io.wordstream.bench.failover;

import io.wordstream.console.settings.Install;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code wordstream bench --failover}: wordstream on a three-node Kafka cluster, each node killed in turn while a
 * steady trickle of sentences is counted; prints how long counting stalled after each kill (to the first row of a
 * probe sent right after it), whether every count stayed exact, and a RESULT line.
 */
public final class FailoverBench {
    private FailoverBench() {
    }

    /** @return 0 when counting resumed after every kill and every count is exact, else 1 */
    public static int run(Install install, Path work, Map<String, String> sparkConf, Duration timeout,
                          PrintStream out, PrintStream err) throws InterruptedException {
        List<String> options = new ArrayList<>();
        sparkConf.forEach((k, v) -> options.addAll(List.of("--conf", k + "=" + v)));
        err.println("bench: starting a three-node Kafka cluster and wordstream run on it");
        try (FailoverDrill drill = FailoverDrill.start(install, work, options, timeout)) {
            for (int node = 1; node <= 3; node++) {
                drill.startTicks(Duration.ofMillis(250));
                Duration recovery = drill.killAndProbe(node, timeout);
                err.printf(Locale.ROOT, "bench: node %d killed, counting resumed after %.1f s%n", node,
                        recovery.toMillis() / 1000.0);
                drill.restart(node, timeout);
                drill.stopTicks();
            }
            boolean exact = awaitExact(drill, timeout);
            RecoveryTimes times = RecoveryTimes.now(drill.recoveries());
            out.println(times.line());
            out.printf(Locale.ROOT, "RESULT failover_median_s=%.1f failover_worst_s=%.1f exact=%s send_failures=%d%n",
                    times.median().toMillis() / 1000.0, times.worst().toMillis() / 1000.0, exact,
                    drill.sendFailures());
            return exact && drill.sendFailures() == 0 ? 0 : 1;
        } catch (IllegalStateException e) {
            err.println("wordstream bench: " + e.getMessage());
            return 1;
        }
    }

    /** Whether every acknowledged sentence came to be counted exactly once within {@code timeout}. */
    private static boolean awaitExact(FailoverDrill drill, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (exact(drill)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static boolean exact(FailoverDrill drill) {
        if (drill.total(FailoverDrill.TICK) != drill.ticksAcked()
                || drill.total(FailoverDrill.PROBE) != drill.probes()) {
            return false;
        }
        for (int p = 1; p <= drill.probes(); p++) {
            if (drill.total("probe" + p) != 1) {
                return false;
            }
        }
        return true;
    }
}

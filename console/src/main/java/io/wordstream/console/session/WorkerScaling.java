package io.wordstream.console.session;

import io.wordstream.console.errors.UserError;
import io.wordstream.console.launch.LocalCluster;
import io.wordstream.console.launch.Waits;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

/**
 * The operator's changes to the console's local cluster: a worker added, or the newest stopped (never the last).
 * Each waits, bounded, until the master counts the workers and the job's executors have followed, and is reported
 * as one {@link SessionEvent.Workers}. Asked from the UI thread, applied on the supervisor's lifecycle thread,
 * which starts every process.
 */
final class WorkerScaling {
    /** What the operator asked for. */
    enum Change { ADD, STOP }

    /** The cluster as the scaling sees it; {@link #of} adapts the pipeline's {@link LocalCluster}. */
    interface Cluster {
        /** Starts one more worker, unless the pipeline is stopping; returns its number. */
        int addWorker();

        /** Stops the newest worker; returns its number, or 0 when it is the last (then it stays). */
        int stopNewestWorker();

        /** The workers started and not stopped. */
        int workers();

        /** The workers the master counts as alive; -1 while it does not answer. */
        int aliveWorkers();

        /** The executors the master has given the job. */
        int executors();

        /** Where the worker numbered {@code number} logs. */
        String workerLog(int number);
    }

    static final Duration FOLLOW = Duration.ofSeconds(120);
    private static final long POLL_MS = 250;

    private final Queue<Change> asked = new ConcurrentLinkedQueue<>();
    private final SessionListener listener;
    private final Duration follow;

    WorkerScaling(SessionListener listener, Duration follow) {
        this.listener = listener;
        this.follow = follow;
    }

    void ask(Change change) {
        asked.add(change);
    }

    boolean pending() {
        return !asked.isEmpty();
    }

    /** Applies the oldest change asked for, if any; {@code stopping} ends a wait at once. */
    void applyNext(Cluster cluster, BooleanSupplier stopping) {
        Change change = asked.poll();
        if (change == null || cluster == null || stopping.getAsBoolean()) {
            return;
        }
        if (change == Change.ADD) {
            add(cluster, stopping);
        } else {
            stop(cluster, stopping);
        }
    }

    private void add(Cluster cluster, BooleanSupplier stopping) {
        int number;
        try {
            number = cluster.addWorker();
        } catch (UserError e) {
            if (!stopping.getAsBoolean()) {
                report(cluster, "Spark worker not added: " + e.getMessage());
            }
            return;
        }
        if (follow(cluster, stopping)) {
            report(cluster, "Spark worker " + number + " added: " + counts(cluster) + " (log: "
                    + cluster.workerLog(number) + ")");
        } else if (!stopping.getAsBoolean()) {
            report(cluster, "Spark worker " + number + " started, but after " + follow.toSeconds() + " s "
                    + counts(cluster) + "; see " + cluster.workerLog(number));
        }
    }

    private void stop(Cluster cluster, BooleanSupplier stopping) {
        int number = cluster.stopNewestWorker();
        if (number == 0) {
            report(cluster, "the last Spark worker stays: the job needs one (press w to add a worker)");
            return;
        }
        boolean followed = follow(cluster, stopping);
        if (!stopping.getAsBoolean()) {
            report(cluster, "Spark worker " + number + " stopped: " + counts(cluster)
                    + (followed ? "" : " after " + follow.toSeconds() + " s"));
        }
    }

    /** Waits until the master counts every worker alive and the job holds one executor on each. */
    private boolean follow(Cluster cluster, BooleanSupplier stopping) {
        long deadline = System.nanoTime() + follow.toNanos();
        while (!stopping.getAsBoolean()) {
            int n = cluster.workers();
            if (cluster.aliveWorkers() == n && cluster.executors() == n) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Waits.pause(POLL_MS);
        }
        return false;
    }

    private void report(Cluster cluster, String message) {
        listener.onEvent(new SessionEvent.Workers(cluster.workers(), cluster.executors(), message));
    }

    private static String counts(Cluster cluster) {
        int alive = Math.max(0, cluster.aliveWorkers());
        int executors = cluster.executors();
        return alive + " worker" + (alive == 1 ? "" : "s") + ", the job on " + executors + " executor"
                + (executors == 1 ? "" : "s");
    }

    /** The pipeline's local cluster, or null when it runs on none; a worker starts only while not stopping. */
    static Cluster of(Processes p) {
        LocalCluster c = p.cluster();
        if (c == null) {
            return null;
        }
        return new Cluster() {
            @Override
            public int addWorker() {
                return p.unlessStopping(c::addWorker);
            }

            @Override
            public int stopNewestWorker() {
                return c.stopNewestWorker();
            }

            @Override
            public int workers() {
                return c.workers();
            }

            @Override
            public int aliveWorkers() {
                return c.aliveWorkers();
            }

            @Override
            public int executors() {
                return p.job().current() == null ? 0 : c.executorsOf(p.job().current().appId());
            }

            @Override
            public String workerLog(int number) {
                return c.workerLog(number).toString();
            }
        };
    }
}

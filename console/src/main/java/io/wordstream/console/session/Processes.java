package io.wordstream.console.session;

import io.wordstream.console.errors.UserError;
import io.wordstream.console.launch.BrokerProcess;
import io.wordstream.console.launch.ClassDataArchive;
import io.wordstream.console.launch.DataDirLock;
import io.wordstream.console.launch.JobHandle;
import io.wordstream.console.launch.LineServer;
import io.wordstream.console.launch.LocalCluster;
import io.wordstream.console.launch.SparkJob;
import io.wordstream.console.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What one pipeline has started, each by its handle: the data dir lock, the broker, a local cluster, the socket
 * source's server and the job. Started one at a time by {@link StartPlan} and the {@link Supervisor}, stopped
 * together in the reverse order; once stopping, nothing more starts.
 */
final class Processes {
    private final SessionListener listener;
    private final JobHandle job;
    /** What the pipeline runs with, including what was decided at start (a local cluster's URL, a served socket). */
    private volatile Settings settings;
    private boolean stopping;
    private DataDirLock lock;
    // Replaced by a restart on the lifecycle thread, read by the watch.
    private volatile BrokerProcess broker;
    private LocalCluster cluster;
    private LineServer lineServer;

    Processes(Settings settings, JobHandle job, SessionListener listener) {
        this.settings = settings;
        this.job = job;
        this.listener = listener;
    }

    /**
     * Runs one step that starts a process, unless {@link #close} has begun: then nothing more starts.
     *
     * @throws UserError when stopping
     */
    synchronized <T> T unlessStopping(Supplier<T> step) {
        if (stopping) {
            throw new UserError("stopped while starting");
        }
        return step.get();
    }

    synchronized void unlessStopping(Runnable step) {
        unlessStopping(() -> {
            step.run();
            return null;
        });
    }

    synchronized boolean stopping() {
        return stopping;
    }

    Settings settings() {
        return settings;
    }

    void settings(Settings s) {
        this.settings = s;
    }

    JobHandle job() {
        return job;
    }

    void lock(DataDirLock l) {
        this.lock = l;
    }

    BrokerProcess broker() {
        return broker;
    }

    void broker(BrokerProcess b) {
        this.broker = b;
    }

    LocalCluster cluster() {
        return cluster;
    }

    void cluster(LocalCluster c) {
        this.cluster = c;
    }

    LineServer lineServer() {
        return lineServer;
    }

    void lineServer(LineServer s) {
        this.lineServer = s;
    }

    /**
     * The first run after a build: the broker and the driver record their JVM class data archives now that they
     * run, which the next start maps (recorded at exit instead, it made the quit take 18 s); with {@code withConsole},
     * the console JVM records its own when bin/wordstream started it to.
     */
    void recordClassArchives(boolean withConsole) {
        List<String> recording = new ArrayList<>();
        if (broker != null && broker.recordsClassArchive()) {
            broker.recordClassArchive();
            recording.add("the Kafka broker");
        }
        SparkJob driver = job.current();
        if (driver != null && driver.recordsClassArchive()) {
            driver.recordClassArchive();
            recording.add("the Spark driver");
        }
        // Not under the full-screen console: the JVM writes a line of its own while it records.
        if (withConsole && ClassDataArchive.recordConsole()) {
            recording.add("the console");
        }
        if (!recording.isEmpty()) {
            listener.onEvent(new SessionEvent.Step(recordingStep(recording)));
        }
    }

    /** What the operator is told while {@code recording} (one or more JVMs, by name) record their archives. */
    static String recordingStep(List<String> recording) {
        String who = recording.size() == 1 ? recording.get(0) + " records its" : String.join(" and ", recording)
                + " record their";
        return who + " JVM class data for faster starts (first run after a build: a pause of a few seconds)";
    }

    /** Stops the job, then the servers and the broker, each by its handle; safe to call twice. */
    void close() {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        // A start-up waiting for the first batch gives up now rather than at its timeout.
        job.abortStart(new UserError("stopped while starting"));
        boolean started = job.current() != null || broker != null || cluster != null;
        if (job.current() != null) {
            listener.onEvent(new SessionEvent.Step("stopping the Spark job"));
        }
        job.close();
        if (lineServer != null) {
            lineServer.close();
        }
        if (cluster != null) {
            listener.onEvent(new SessionEvent.Step("stopping the Spark standalone cluster"));
            cluster.close();
        }
        if (broker != null) {
            listener.onEvent(new SessionEvent.Step("stopping the Kafka broker"));
            broker.close();
        }
        if (lock != null) {
            lock.close();
        }
        if (started) {
            listener.onEvent(new SessionEvent.Stopped());
        }
    }
}

package io.wordstream.console.launch;

import com.fasterxml.jackson.databind.JsonNode;
import io.wordstream.console.UserError;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A real Spark standalone cluster on 127.0.0.1: one master and N workers of one core each, started from the Spark
 * home's {@code bin/spark-class}, stopped by their handles (workers first).
 */
public final class LocalCluster implements AutoCloseable {
    static final String EXECUTOR_MEMORY = "512m";
    private static final String WORKER_MEMORY = "1g";

    private final Process master;
    private final List<Process> workers;
    private final int port;
    private final int uiPort;
    private final Path logDir;

    private LocalCluster(Process master, List<Process> workers, int port, int uiPort, Path logDir) {
        this.master = master;
        this.workers = workers;
        this.port = port;
        this.uiPort = uiPort;
        this.logDir = logDir;
    }

    /** Starts the master and the workers; they serve once {@link #awaitReady} returns. */
    public static LocalCluster start(Settings settings, Install install) {
        // Master, master UI and one UI per worker: chosen together so no two are the same, and none is the broker's.
        List<Integer> ports = Ports.freePorts(Settings.LOOPBACK, 2 + settings.localCluster(),
                Set.of(settings.brokerPort()));
        int port = ports.get(0);
        int uiPort = ports.get(1);
        String url = "spark://" + Settings.LOOPBACK + ":" + port;
        Path sparkHome = install.sparkHome();
        Process master = SparkDaemons.startMaster(sparkHome, Settings.LOOPBACK, port, uiPort,
                settings.logDir().resolve("spark-master.log"));
        List<Process> workers = new ArrayList<>();
        LocalCluster cluster = new LocalCluster(master, workers, port, uiPort, settings.logDir());
        try {
            for (int i = 1; i <= settings.localCluster(); i++) {
                workers.add(SparkDaemons.startWorker(sparkHome, Settings.LOOPBACK, url, 1, WORKER_MEMORY,
                        ports.get(1 + i), settings.dataDir().resolve("spark-work").resolve("worker-" + i),
                        settings.logDir().resolve("spark-worker-" + i + ".log")));
            }
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** Waits until every worker has registered with the master. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!master.isAlive()) {
                throw new UserError("the Spark master exited while starting: "
                        + LogTail.lastError(logDir.resolve("spark-master.log")));
            }
            for (int i = 0; i < workers.size(); i++) {
                if (!workers.get(i).isAlive()) {
                    Path log = logDir.resolve("spark-worker-" + (i + 1) + ".log");
                    throw new UserError("Spark worker " + (i + 1) + " exited while starting: "
                            + LogTail.lastError(log));
                }
            }
            JsonNode state = status();
            if (state != null && state.path("aliveworkers").asInt() == workers.size()) {
                return;
            }
            sleep(250);
        }
        throw new UserError("the Spark standalone cluster did not come up within " + timeout.toSeconds()
                + " s; see " + logDir.resolve("spark-master.log"));
    }

    /** The master's JSON status page, or null while it does not answer. */
    public JsonNode status() {
        return SparkDaemons.status(Settings.LOOPBACK, uiPort);
    }

    /**
     * How many executors the master has given the application: its cores, one per executor (the console asks
     * for single-core executors). Zero while the master does not know the application.
     */
    public int executorsOf(String appId) {
        JsonNode state = status();
        if (state == null || appId == null) {
            return 0;
        }
        for (JsonNode app : state.path("activeapps")) {
            if (appId.equals(app.path("id").asText())) {
                return app.path("cores").asInt();
            }
        }
        return 0;
    }

    public String masterUrl() {
        return "spark://" + Settings.LOOPBACK + ":" + port;
    }

    public String webUi() {
        return "http://" + Settings.LOOPBACK + ":" + uiPort;
    }

    public int workers() {
        return workers.size();
    }

    public List<ProcessHandle> handles() {
        List<ProcessHandle> h = new ArrayList<>();
        h.add(master.toHandle());
        workers.forEach(w -> h.add(w.toHandle()));
        return h;
    }

    /**
     * Stops the workers, then the master; each gets SIGTERM, and SIGKILL after 20 s. The executors the workers
     * started are waited for too: a worker stops them, but may exit before they have.
     */
    @Override
    public void close() {
        List<ProcessHandle> executors = new ArrayList<>();
        workers.forEach(w -> w.toHandle().descendants().forEach(executors::add));
        workers.forEach(w -> w.toHandle().destroy());
        workers.forEach(w -> ChildProcesses.stop(w.toHandle(), Duration.ofSeconds(20)));
        executors.forEach(e -> ChildProcesses.stop(e, Duration.ofSeconds(10)));
        ChildProcesses.stop(master.toHandle(), Duration.ofSeconds(20));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

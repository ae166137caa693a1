package io.wordstream.console.launch;

import com.fasterxml.jackson.databind.JsonNode;
import io.wordstream.console.errors.UserError;
import io.wordstream.console.security.SparkDaemonConf;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A real Spark standalone cluster on 127.0.0.1: one master and N workers of one core each, started from the Spark
 * home's {@code bin/spark-class}, stopped by their handles (workers first). Workers can be added and the newest
 * stopped while it runs; every worker it started is stopped by {@link #close}.
 */
public final class LocalCluster implements AutoCloseable {
    static final String EXECUTOR_MEMORY = "512m";
    private static final String WORKER_MEMORY = "1g";

    /** A worker this cluster started: its number names its log and work dir. */
    private record Worker(int number, Process process) {
    }

    private final Process master;
    /** Guarded by this: the console adds and stops workers while a quit may close the cluster. */
    private final List<Worker> workers;
    private final int port;
    private final int uiPort;
    private final Path logDir;
    private final Path sparkHome;
    private final Path workRoot;
    private final int brokerPort;
    private final SparkDaemonConf conf;
    private int lastNumber;

    private LocalCluster(Process master, List<Worker> workers, int port, int uiPort, Settings settings,
                         Path sparkHome, SparkDaemonConf conf) {
        this.conf = conf;
        this.master = master;
        this.workers = workers;
        this.port = port;
        this.uiPort = uiPort;
        this.logDir = settings.logDir();
        this.sparkHome = sparkHome;
        this.workRoot = settings.dataDir().resolve("spark-work");
        this.brokerPort = settings.brokerPort();
    }

    /** Starts the master and the workers; they serve once {@link #awaitReady} returns. */
    public static LocalCluster start(Settings settings, Install install) {
        // Master, master UI and one UI per worker: chosen together so no two are the same, and none is the broker's.
        List<Integer> ports = Ports.freePorts(Settings.LOOPBACK, 2 + settings.localCluster(),
                Set.of(settings.brokerPort()));
        int port = ports.get(0);
        int uiPort = ports.get(1);
        Path sparkHome = install.sparkHome();
        // With a certs dir, the daemons authenticate with the cluster secret even here: other users of this host
        // reach loopback too. Their UIs stay on loopback, where the console reads them.
        SparkDaemonConf conf = SparkDaemonConf.of(settings.security(), Settings.LOOPBACK, uiPort, false,
                settings.runDir());
        Process master = SparkDaemons.startMaster(sparkHome, Settings.LOOPBACK, port, uiPort,
                settings.logDir().resolve("spark-master.log"), conf);
        LocalCluster cluster = new LocalCluster(master, new ArrayList<>(), port, uiPort, settings, sparkHome, conf);
        try {
            for (int i = 1; i <= settings.localCluster(); i++) {
                cluster.startWorker(ports.get(1 + i));
            }
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private synchronized int startWorker(int workerUiPort) {
        int number = ++lastNumber;
        Process p = SparkDaemons.startWorker(sparkHome, Settings.LOOPBACK, masterUrl(), 1, WORKER_MEMORY,
                workerUiPort, workRoot.resolve("worker-" + number), workerLog(number), conf);
        workers.add(new Worker(number, p));
        return number;
    }

    /**
     * Starts one more single-core worker; it serves once {@link #awaitReady} returns. The caller makes sure the
     * cluster is not being closed meanwhile.
     *
     * @return the worker's number, which names its log
     */
    public int addWorker() {
        // Not the master's ports nor the broker's; the other workers' UIs are bound, so never handed out.
        int workerUiPort = Ports.freePorts(Settings.LOOPBACK, 1, Set.of(brokerPort, port, uiPort)).get(0);
        return startWorker(workerUiPort);
    }

    /**
     * Stops the newest worker and the executors it started (SIGTERM, SIGKILL after 20 s), unless it is the last.
     *
     * @return the stopped worker's number, or 0 when only one is left (it stays)
     */
    public int stopNewestWorker() {
        Worker newest;
        synchronized (this) {
            if (workers.size() <= 1) {
                return 0;
            }
            newest = workers.remove(workers.size() - 1);
        }
        stopWorkers(List.of(newest));
        return newest.number();
    }

    /** Waits until every worker has registered with the master. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!master.isAlive()) {
                throw new UserError("the Spark master exited while starting: "
                        + LogTail.lastError(logDir.resolve("spark-master.log")));
            }
            for (Worker w : started()) {
                if (!w.process().isAlive()) {
                    throw new UserError("Spark worker " + w.number() + " exited while starting: "
                            + LogTail.lastError(workerLog(w.number())));
                }
            }
            if (aliveWorkers() == workers()) {
                return;
            }
            sleep(250);
        }
        throw new UserError("the Spark standalone cluster did not come up within " + timeout.toSeconds()
                + " s; see " + logDir.resolve("spark-master.log"));
    }

    /** How many workers the master counts as alive; -1 while it does not answer. */
    public int aliveWorkers() {
        JsonNode state = status();
        return state == null ? -1 : state.path("aliveworkers").asInt();
    }

    /** The log of the worker numbered {@code number}. */
    public Path workerLog(int number) {
        return logDir.resolve("spark-worker-" + number + ".log");
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

    /** How many workers this cluster has started and not stopped. */
    public synchronized int workers() {
        return workers.size();
    }

    private synchronized List<Worker> started() {
        return List.copyOf(workers);
    }

    public List<ProcessHandle> handles() {
        List<ProcessHandle> h = new ArrayList<>();
        h.add(master.toHandle());
        started().forEach(w -> h.add(w.process().toHandle()));
        return h;
    }

    /**
     * Stops the workers, then the master; each gets SIGTERM, and SIGKILL after 20 s. The executors the workers
     * started are waited for too: a worker stops them, but may exit before they have.
     */
    @Override
    public void close() {
        List<Worker> all;
        synchronized (this) {
            all = List.copyOf(workers);
            workers.clear();
        }
        stopWorkers(all);
        ChildProcesses.stop(master.toHandle(), Duration.ofSeconds(20));
    }

    private static void stopWorkers(List<Worker> stopped) {
        List<ProcessHandle> executors = new ArrayList<>();
        stopped.forEach(w -> w.process().toHandle().descendants().forEach(executors::add));
        stopped.forEach(w -> w.process().toHandle().destroy());
        stopped.forEach(w -> ChildProcesses.stop(w.process().toHandle(), Duration.ofSeconds(20)));
        executors.forEach(e -> ChildProcesses.stop(e, Duration.ofSeconds(10)));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

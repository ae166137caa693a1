package io.wordstream.console.roles;

import com.fasterxml.jackson.databind.JsonNode;
import io.wordstream.console.errors.UserError;
import io.wordstream.console.launch.SparkDaemons;
import io.wordstream.console.security.SparkDaemonConf;
import io.wordstream.console.settings.Install;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A Spark standalone worker on this host, as Spark's {@code sbin/start-worker.sh} would run it: it offers its cores
 * and memory to the master, which starts executors on it.
 *
 * @param host      the address the worker and its executors bind to
 * @param masterUrl {@code spark://HOST:PORT} of the master
 * @param cores     cores offered to executors
 * @param memory    memory offered to executors ({@code 512m}, {@code 2g})
 * @param uiPort    the worker's web UI port
 * @param dataDir   the role's data dir: executors' work dirs under {@code spark-work/}, the log under {@code logs/},
 *                  its Spark settings under {@code conf/}
 * @param conf      its security: secret, and where its web UI listens
 */
public record SparkWorker(String host, String masterUrl, int cores, String memory, int uiPort, Path dataDir,
                          SparkDaemonConf conf) {
    private static final Pattern MASTER = Pattern.compile("spark://[^:/\\s]+:\\d{1,5}");
    private static final Pattern MEMORY = Pattern.compile("\\d+[mMgG]");

    public SparkWorker {
        if (!MASTER.matcher(masterUrl).matches()) {
            throw new IllegalArgumentException("--master must be the master's spark://HOST:PORT, not '" + masterUrl
                    + "'");
        }
        if (cores < 1) {
            throw new IllegalArgumentException("--cores must be at least 1, not " + cores);
        }
        if (!MEMORY.matcher(memory).matches()) {
            throw new IllegalArgumentException("--memory must be a size such as 512m or 2g, not '" + memory + "'");
        }
    }

    public Path log() {
        return dataDir.resolve("logs").resolve("spark-worker.log");
    }

    public String webUi() {
        return (conf.uiTls() ? "https://" : "http://") + conf.uiHost() + ":" + uiPort;
    }

    /**
     * Waits until the master accepts connections, up to {@code timeout}: a worker started before its master gets
     * that long, then one line instead of a worker retrying alone.
     */
    public void awaitMaster(Duration timeout) {
        URI uri = URI.create(masterUrl);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new UserError("no Spark master answers at " + masterUrl + " (" + e.getMessage()
                            + ") within " + timeout.toSeconds() + " s; start 'wordstream master' there first, or"
                            + " check --master");
                }
                sleep(500);
            }
        }
    }

    /** Starts the worker; it serves once the master has registered it. */
    public Daemon start(Install install) {
        Process p = SparkDaemons.startWorker(install.sparkHome(), host, masterUrl, cores, memory, uiPort,
                dataDir.resolve("spark-work"), log(), conf);
        HttpClient http = conf.httpClient();
        return new Daemon("the Spark worker", p, log(), () -> {
            // The worker names its master on its status page once the master has accepted it.
            JsonNode status = SparkDaemons.status(conf.statusPage(uiPort), http);
            return status != null && !status.path("masterurl").asText("").isEmpty();
        }, Duration.ofSeconds(20));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

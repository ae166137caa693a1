package io.wordstream.console.roles;

import com.fasterxml.jackson.databind.JsonNode;
import io.wordstream.console.launch.SparkDaemons;
import io.wordstream.console.settings.Install;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Spark standalone master on this host, as Spark's {@code sbin/start-master.sh} would run it.
 *
 * @param host    the address the master, its web UI and its RPC bind to
 * @param port    the port of {@code spark://host:port}
 * @param uiPort  the web UI's port
 * @param dataDir the role's data dir: the log under {@code logs/}
 */
public record SparkMaster(String host, int port, int uiPort, Path dataDir) {

    public String url() {
        return "spark://" + host + ":" + port;
    }

    public String webUi() {
        return "http://" + host + ":" + uiPort;
    }

    public Path log() {
        return dataDir.resolve("logs").resolve("spark-master.log");
    }

    /** Starts the master; it serves once its status page says ALIVE. */
    public Daemon start(Install install) {
        Process p = SparkDaemons.startMaster(install.sparkHome(), host, port, uiPort, log());
        return new Daemon("the Spark master", p, log(), () -> {
            JsonNode status = SparkDaemons.status(host, uiPort);
            return status != null && "ALIVE".equals(status.path("status").asText());
        }, Duration.ofSeconds(20));
    }
}

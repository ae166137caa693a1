package io.wordstream.console.roles;

import com.fasterxml.jackson.databind.JsonNode;
import io.wordstream.console.launch.SparkDaemons;
import io.wordstream.console.security.SparkDaemonConf;
import io.wordstream.console.settings.Install;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Spark standalone master on this host, as Spark's {@code sbin/start-master.sh} would run it.
 *
 * @param host    the address the master, its web UI and its RPC bind to
 * @param port    the port of {@code spark://host:port}
 * @param uiPort  the web UI's port
 * @param dataDir the role's data dir: the log under {@code logs/}, its Spark settings under {@code conf/}
 * @param conf    its security: secret, and where its web UI listens
 */
public record SparkMaster(String host, int port, int uiPort, Path dataDir, SparkDaemonConf conf) {

    public String url() {
        return "spark://" + host + ":" + port;
    }

    public String webUi() {
        return (conf.uiTls() ? "https://" : "http://") + conf.uiHost() + ":" + uiPort;
    }

    public Path log() {
        return dataDir.resolve("logs").resolve("spark-master.log");
    }

    /** Starts the master; it serves once its status page says ALIVE. */
    public Daemon start(Install install) {
        Process p = SparkDaemons.startMaster(install.sparkHome(), host, port, uiPort, log(), conf);
        HttpClient http = conf.httpClient();
        return new Daemon("the Spark master", p, log(), () -> {
            JsonNode status = SparkDaemons.status(conf.statusPage(uiPort), http);
            return status != null && "ALIVE".equals(status.path("status").asText());
        }, Duration.ofSeconds(20));
    }
}

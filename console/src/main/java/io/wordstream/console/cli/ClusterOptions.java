package io.wordstream.console.cli;

import io.wordstream.console.roles.HostAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Options of {@code run} and the console for a cluster over several hosts: the driver's address, which executors
 * on other hosts connect back to, and a checkpoint every executor reaches.
 */
public final class ClusterOptions {
    @Option(names = "--driver-host", paramLabel = "ADDR",
            description = "Address of this host that the Spark driver binds to and executors on other hosts connect"
                    + " to (default: 127.0.0.1 for local masters, Spark's choice otherwise).")
    String driverHost;

    @Option(names = "--checkpoint", paramLabel = "DIR|URI",
            description = "Where the job keeps its checkpoint: a path every executor reaches (an NFS mount) or an"
                    + " hdfs:// URI (default: under --data-dir, for masters on this host only).")
    String checkpoint;

    /** The Spark settings {@code --driver-host} stands for; empty without it. */
    public Map<String, String> sparkConf() {
        Map<String, String> conf = new LinkedHashMap<>();
        if (driverHost != null) {
            HostAddress.requireLocal(driverHost, "--driver-host");
            conf.put("spark.driver.host", driverHost);
            conf.put("spark.driver.bindAddress", driverHost);
        }
        return conf;
    }

    public Optional<String> checkpoint() {
        return Optional.ofNullable(checkpoint).filter(c -> !c.isBlank());
    }
}

package io.wordstream.console.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordstream.console.errors.UserError;
import io.wordstream.console.security.SparkDaemonConf;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spark's standalone daemons, started from a Spark home's {@code bin/spark-class} with their own main classes: the
 * one place that knows their arguments and environment, used by {@code --local-cluster} and by the {@code master}
 * and {@code worker} roles alike.
 */
public final class SparkDaemons {
    /** Each daemon's heap: they only schedule and supervise; executors get their own JVMs. */
    static final String DAEMON_MEMORY = "256m";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private SparkDaemons() {
    }

    /**
     * Starts {@code org.apache.spark.deploy.master.Master} listening on {@code host}, logging to {@code log}; its
     * security (secret, where its UI listens) comes from {@code conf}.
     */
    public static Process startMaster(Path sparkHome, String host, int port, int uiPort, Path log,
                                      SparkDaemonConf conf) {
        List<String> args = new ArrayList<>(List.of("org.apache.spark.deploy.master.Master", "--host", host,
                "--port", Integer.toString(port), "--webui-port", Integer.toString(conf.httpPort(uiPort))));
        args.addAll(conf.write());
        return spawn(sparkHome, conf.uiHost(), log, args, Map.of("SPARK_MASTER_OPTS",
                HostLossTimeouts.daemonOptions(host)), Map.of());
    }

    /** Starts {@code org.apache.spark.deploy.worker.Worker} on {@code host}, registering with {@code masterUrl}. */
    public static Process startWorker(Path sparkHome, String host, String masterUrl, int cores, String memory,
                                      int uiPort, Path workDir, Path log, SparkDaemonConf conf) {
        Path scratch = scratchDir(workDir);
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(scratch, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            // An existing directory keeps its mode: set it anyway.
            Files.setPosixFilePermissions(scratch, OWNER_ONLY);
        } catch (IOException e) {
            throw new UserError("cannot create the Spark worker's directory " + workDir + ": " + e.getMessage());
        }
        List<String> args = new ArrayList<>(List.of("org.apache.spark.deploy.worker.Worker", "--host", host,
                "--cores", Integer.toString(cores), "--memory", memory, "--webui-port",
                Integer.toString(conf.httpPort(uiPort)), "--work-dir", workDir.toString()));
        args.addAll(conf.write());
        args.add(masterUrl);
        // Executors keep their blocks and shuffle files in the worker's local dirs, /tmp unless told: beside the
        // worker's work dir instead, readable by its owner only. An operator's SPARK_LOCAL_DIRS still wins.
        return spawn(sparkHome, conf.uiHost(), log, args, Map.of("SPARK_WORKER_OPTS",
                HostLossTimeouts.daemonOptions(host)), Map.of("SPARK_LOCAL_DIRS", scratch.toString()));
    }

    /**
     * Where a worker's executors keep their blocks and shuffle files: beside its work dir ({@code spark-work-scratch}
     * beside {@code spark-work}), which holds only the applications' directories, as Spark's own cleanup expects.
     */
    public static Path scratchDir(Path workDir) {
        return workDir.resolveSibling(workDir.getFileName() + "-scratch");
    }

    /**
     * @param uiHost  where the web UI binds: SPARK_LOCAL_IP, which for a daemon given {@code --host} decides nothing
     *                else (its executors are told their host by the worker)
     * @param options JVM options by the environment variable Spark's launcher reads them from; the operator's own
     *                value of that variable comes after ours, so its settings win
     * @param unlessSet other variables, each set unless the operator's environment has it
     */
    private static Process spawn(Path sparkHome, String uiHost, Path log, List<String> args,
                                 Map<String, String> options, Map<String, String> unlessSet) {
        List<String> command = new ArrayList<>();
        command.add(sparkHome.resolve("bin/spark-class").toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> environment = pb.environment();
        unlessSet.forEach(environment::putIfAbsent);
        // The web UI binds to this address, not to the 0.0.0.0 Spark picks without it; a worker's executors inherit
        // it, and bind to the worker's --host.
        environment.put("SPARK_LOCAL_IP", uiHost);
        environment.put("SPARK_DAEMON_MEMORY", DAEMON_MEMORY);
        environment.put("WORDSTREAM_NEW_SESSION", "1");
        options.forEach((variable, ours) -> {
            if (!ours.isEmpty()) {
                environment.merge(variable, ours, (operator, mine) -> mine + " " + operator);
            }
        });
        try {
            Files.createDirectories(log.getParent());
            return pb.start();
        } catch (IOException e) {
            throw new UserError("cannot start " + args.get(0) + " with " + sparkHome + ": " + e.getMessage());
        }
    }

    /** A daemon's JSON status page ({@code http://host:uiPort/json/}), or null while it does not answer. */
    public static JsonNode status(String host, int uiPort) {
        return status(URI.create("http://" + host + ":" + uiPort + "/json/"), HTTP);
    }

    /** The JSON status page at {@code page}, read with {@code http}, or null while it does not answer. */
    public static JsonNode status(URI page, HttpClient http) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}

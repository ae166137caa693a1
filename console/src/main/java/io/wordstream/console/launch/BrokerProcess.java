package io.wordstream.console.launch;

import io.wordstream.console.errors.PipelineFailure;
import io.wordstream.console.errors.UserError;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.kafka.TopicAdmin;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/** The embedded Kafka broker: a JVM of its own, on 127.0.0.1, owned and stopped by this console. */
public final class BrokerProcess implements AutoCloseable {
    /** Enough for one node under the benchmark's load (docs/benchmarks.md). */
    public static final String HEAP = "-Xmx256m";
    /** C1 only: one console's load needs no C2, which slowed the broker's start (docs/benchmarks.md). */
    public static final String JIT = "-XX:TieredStopAtLevel=1";
    /** Log4j's MBeans: nothing reads them, and registering them is a tenth of a second of a JVM's start. */
    public static final String LOG4J_NO_JMX = "-Dlog4j2.disableJmx=true";

    /** A Kafka broker on loopback answers within a second; anything else gets no answer at all. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final Process process;
    private final Path log;
    private final String bootstrap;
    private final ClassDataArchive classData;

    private BrokerProcess(Process process, Path log, String bootstrap, ClassDataArchive classData) {
        this.classData = classData;
        this.process = process;
        this.log = log;
        this.bootstrap = bootstrap;
    }

    /** Starts the broker JVM; it is not ready to serve until {@link #awaitReady} returns. */
    public static BrokerProcess start(Settings settings, Install install) {
        requirePortFree(settings);
        int controllerPort = Ports.freePorts(Settings.LOOPBACK, 1, Set.of(settings.brokerPort())).get(0);
        Path log = settings.logDir().resolve("broker.log");
        List<String> command = new ArrayList<>();
        if (SessionLeader.available()) {
            command.add(SessionLeader.COMMAND);
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ClassDataArchive classData = ClassDataArchive.of(install.classDataPlace(settings.dataDir()), "broker",
                ClassDataArchive.jarsIn(install.brokerLib()));
        command.addAll(classData.jvmOptions());
        command.addAll(List.of(HEAP, JIT, "-XX:+UseG1GC", "-Djava.awt.headless=true", LOG4J_NO_JMX,
                "-Dlog4j2.configurationFile=" + install.configDir().resolve("log4j2-broker.properties").toUri(),
                "-cp", install.brokerLib().resolve("*").toString(),
                "io.wordstream.broker.EmbeddedBroker",
                "--dir", settings.brokerDir().toString(),
                "--host", Settings.LOOPBACK,
                "--port", Integer.toString(settings.brokerPort()),
                "--controller-port", Integer.toString(controllerPort),
                "--watch-pid", Long.toString(ProcessHandle.current().pid())));
        // The client properties file, by path: a SASL/PLAIN one secures the broker's listener with its user, and
        // the secret never appears on a command line.
        settings.kafkaConfig().ifPresent(f -> command.addAll(List.of("--client-config",
                f.toAbsolutePath().toString())));
        // With a certs dir, the paths of its CA, node certificate and key: every listener speaks TLS.
        command.addAll(settings.security().brokerArguments());
        try {
            Files.createDirectories(settings.logDir());
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            return new BrokerProcess(p, log, settings.bootstrap(), classData);
        } catch (IOException e) {
            throw new UserError("cannot start the embedded Kafka broker: " + e.getMessage());
        }
    }

    /**
     * Fails with advice that fits what holds the broker's port: a port out of range, a Kafka broker that could be
     * used instead, or some other program.
     */
    static void requirePortFree(Settings settings) {
        int port = settings.brokerPort();
        if (port < 1 || port > 65535) {
            throw new UserError("--broker-port " + port + " is not a TCP port; choose one from 1 to 65535");
        }
        if (Ports.isFree(Settings.LOOPBACK, port)) {
            return;
        }
        String address = Settings.LOOPBACK + ":" + port;
        Properties probe = KafkaClients.base(settings);
        probe.put("bootstrap.servers", address);
        try (TopicAdmin admin = new TopicAdmin(probe)) {
            if (admin.reachable(PROBE_TIMEOUT)) {
                throw new UserError("a Kafka broker already listens on " + address + "; pass --bootstrap-server "
                        + address + " to use it, or --broker-port to choose another port");
            }
        }
        throw new UserError("port " + port + " on " + Settings.LOOPBACK + " is held by a program that is not a Kafka"
                + " broker; pass --broker-port to choose another port");
    }

    /** Waits until the broker answers, failing with its last log line if it dies or takes longer than timeout. */
    public void awaitReady(TopicAdmin admin, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new PipelineFailure("the embedded Kafka broker exited with status " + process.exitValue()
                        + " while starting: " + LogTail.lastError(log) + " (full log: " + log + ")");
            }
            if (admin.reachable(Duration.ofMillis(500))) {
                return;
            }
        }
        throw new PipelineFailure("the embedded Kafka broker did not answer on " + bootstrap + " within "
                + timeout.toSeconds() + " s; see " + log);
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public Path log() {
        return log;
    }

    /** True when this broker records a class data archive once it serves (the first run after a build). */
    public boolean recordsClassArchive() {
        return classData.records();
    }

    /** Asks the JVM to record its class data archive now; see {@link ClassDataArchive#recordNow}. */
    public void recordClassArchive() {
        classData.recordNow();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** How the broker ended, for a message: its exit status and last logged error. */
    public String exitSummary() {
        if (process.isAlive()) {
            return "running";
        }
        int status = process.exitValue();
        if (status == 137 || status == 143) {
            // Ended from outside: its log says nothing about why.
            return status == 137 ? "killed (SIGKILL)" : "stopped (SIGTERM)";
        }
        String error = LogTail.lastError(log);
        return "status " + status + (error.isEmpty() ? "" : ": " + error);
    }

    /** Stops the broker cleanly (SIGTERM runs Kafka's controlled shutdown), by force after 30 s. */
    @Override
    public void close() {
        ChildProcesses.stop(process.toHandle(), Duration.ofSeconds(30));
    }
}

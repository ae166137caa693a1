package io.wordstream.bench.subject;

import io.wordstream.bench.measure.ProcessMemory;
import io.wordstream.common.JobConfig;
import io.wordstream.console.launch.ChildProcesses;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;

/**
 * wordstream itself, as an operator runs it, as a child process: {@code ./wordstream run} on a new data dir, either
 * on a Kafka that is already there ({@code --bootstrap-server}, the benchmark: only the job starts) or with its own
 * embedded broker (the soak, and the secured run: {@code --certs-dir}, its broker on TLS, the bench's clients with a
 * client certificate).
 */
public final class WordstreamSubject implements Subject {
    /** The secured run's name in the tables. */
    public static final String SECURED = "wordstream-secured";

    private final Path home;
    private final Path dataDir;
    private final Optional<SharedBroker> shared;
    private final int ownBrokerPort;
    private final List<String> extraArgs;
    private final Optional<BenchCerts> certs;
    /** The bench's own clients' TLS settings, read once from the certs; none when plain. */
    private final Properties clientTls;
    private final CompletableFuture<Long> readyAt = new CompletableFuture<>();
    private Process process;
    private long launchedAtNanos;
    private ResultsReader reader;
    private BatchDurations batches;

    private WordstreamSubject(Path home, Path dataDir, Optional<SharedBroker> shared, int ownBrokerPort,
                              List<String> extraArgs, Optional<BenchCerts> certs) {
        this.home = home;
        this.dataDir = dataDir;
        this.shared = shared;
        this.ownBrokerPort = ownBrokerPort;
        this.extraArgs = List.copyOf(extraArgs);
        this.certs = certs;
        this.clientTls = certs.map(BenchCerts::kafkaClient).orElseGet(Properties::new);
    }

    /** {@code run --bootstrap-server} on a broker that is already running. */
    public static WordstreamSubject onBroker(Path home, Path dataDir, SharedBroker kafka, List<String> extraArgs) {
        return new WordstreamSubject(home, dataDir, Optional.of(kafka), 0, extraArgs, Optional.empty());
    }

    /** {@code run --broker-port}: with its own embedded broker, as {@code ./wordstream run} starts by default. */
    public static WordstreamSubject withOwnBroker(Path home, Path dataDir, int brokerPort, List<String> extraArgs) {
        return new WordstreamSubject(home, dataDir, Optional.empty(), brokerPort, extraArgs, Optional.empty());
    }

    /**
     * {@code run --broker-port --certs-dir}: its own embedded broker on TLS (a plain broker cannot serve it), Spark
     * authenticated and encrypted; the bench's clients present {@code certs}' client certificate.
     */
    public static WordstreamSubject secured(Path home, Path dataDir, int brokerPort, List<String> extraArgs,
                                            BenchCerts certs) {
        return new WordstreamSubject(home, dataDir, Optional.empty(), brokerPort, extraArgs, Optional.of(certs));
    }

    @Override
    public String name() {
        return certs.isPresent() ? SECURED : "wordstream";
    }

    /** The input topic as {@code run} would create it (it keeps one that is there), so a sentence can wait in it. */
    @Override
    public void prepare() {
        shared.ifPresent(k -> k.createTopics(JobConfig.DEFAULT_INPUT_TOPIC, Optional.empty()));
    }

    /** The {@code wordstream run} command line it launches. */
    List<String> command() {
        List<String> command = new ArrayList<>(List.of(new Install(home).launcher().toString(), "run",
                "--data-dir", dataDir.toString()));
        command.addAll(shared.isPresent() ? List.of("--bootstrap-server", shared.get().bootstrap())
                : List.of("--broker-port", Integer.toString(ownBrokerPort)));
        command.addAll(extraArgs);
        certs.ifPresent(c -> command.addAll(List.of("--certs-dir", c.node().toString())));
        return command;
    }

    @Override
    public void start(ResultSink sink) {
        List<String> command = command();
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(dataDir.resolve("run.err").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // The benchmark was built before it started: a build now would be counted as start-up.
        pb.environment().put("WORDSTREAM_NO_BUILD", "1");
        try {
            Files.createDirectories(dataDir);
            launchedAtNanos = System.nanoTime();
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        }
        Thread out = new Thread(this::readStdout, "bench-wordstream-stdout");
        out.setDaemon(true);
        out.start();
        reader = new ResultsReader(kafka(), JobConfig.DEFAULT_RESULTS_TOPIC, sink);
        batches = new BatchDurations(kafka(), JobConfig.DEFAULT_METRICS_TOPIC);
    }

    private void readStdout() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("ready ")) {
                    readyAt.complete(System.nanoTime());
                }
            }
        } catch (IOException e) {
            // The process ended; awaitReady says so.
        }
        readyAt.completeExceptionally(new IllegalStateException("wordstream run exited with status "
                + exitStatus() + " before it was ready: " + lastLine(dataDir.resolve("run.err"))));
    }

    private String exitStatus() {
        try {
            return Integer.toString(process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    @Override
    public void awaitReady(Duration timeout) throws InterruptedException {
        try {
            readyAt.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("wordstream run was not ready within " + timeout.toSeconds() + " s; see "
                    + dataDir.resolve("logs"));
        }
    }

    /** Nanoseconds from launching {@code wordstream run} to its {@code ready} line. */
    public long readyAfterNanos() {
        return readyAt.join() - launchedAtNanos;
    }

    public long launchedAtNanos() {
        return launchedAtNanos;
    }

    @Override
    public Optional<String> ended() {
        if (process == null || process.isAlive()) {
            return Optional.empty();
        }
        return Optional.of("wordstream run exited with status " + process.exitValue() + ": "
                + lastLine(dataDir.resolve("run.err")));
    }

    @Override
    public Optional<BatchDurations> batchDurations() {
        return Optional.ofNullable(batches);
    }

    @Override
    public Input input() {
        return new Input(kafka(), JobConfig.DEFAULT_INPUT_TOPIC);
    }

    /** Client properties to reach its Kafka. */
    public Properties kafka() {
        if (shared.isPresent()) {
            return shared.get().properties();
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", Settings.LOOPBACK + ":" + ownBrokerPort);
        p.putAll(clientTls);
        return p;
    }

    @Override
    public Map<String, Long> peakMemory() {
        return memory(ProcessMemory::peakRssBytes);
    }

    /** Resident memory now of the console, its own broker if it has one, and the driver. */
    public Map<String, Long> currentMemory() {
        return memory(ProcessMemory::currentRssBytes);
    }

    private Map<String, Long> memory(LongFunction<OptionalLong> ofPid) {
        Map<String, Long> m = new LinkedHashMap<>();
        if (process == null) {
            return m;
        }
        ofPid.apply(process.pid()).ifPresent(b -> m.put("console", b));
        process.descendants().forEach(p -> {
            String cmd = commandLine(p.pid());
            if (cmd.contains("io.wordstream.broker.EmbeddedBroker")) {
                ofPid.apply(p.pid()).ifPresent(b -> m.put("broker", b));
            } else if (cmd.contains("org.apache.spark.deploy.SparkSubmit")) {
                ofPid.apply(p.pid()).ifPresent(b -> m.put("driver", b));
            }
        });
        return m;
    }

    private static String commandLine(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String lastLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "(no output)";
        }
    }

    /** SIGTERM, as an operator would stop it: the job, then the broker, stop cleanly; forced after a minute. */
    @Override
    public void close() {
        if (reader != null) {
            reader.close();
        }
        if (batches != null) {
            batches.close();
        }
        if (process != null) {
            List<ProcessHandle> children = process.descendants().toList();
            ChildProcesses.stop(process.toHandle(), Duration.ofSeconds(60));
            children.forEach(c -> ChildProcesses.stop(c, Duration.ofSeconds(10)));
        }
    }
}

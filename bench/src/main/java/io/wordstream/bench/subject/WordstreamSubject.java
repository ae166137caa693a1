package io.wordstream.bench.subject;

import io.wordstream.bench.measure.ProcessMemory;
import io.wordstream.common.JobConfig;
import io.wordstream.console.launch.ChildProcesses;
import io.wordstream.console.security.CertsDir;
import io.wordstream.console.security.CertsTool;
import io.wordstream.console.security.KafkaTls;
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
import java.time.Instant;
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
 * wordstream itself, exactly as an operator runs it: {@code ./wordstream run} on a new data dir, with its own
 * embedded broker and its Spark job, as a child process; secured, with {@code --certs-dir} and the bench's clients
 * showing that dir's certificate.
 */
public final class WordstreamSubject implements Subject {
    public static final String SECURED = "wordstream-secured";

    private final Path home;
    private final Path dataDir;
    private final int brokerPort;
    private final List<String> extraArgs;
    private final Optional<Path> certsDir;
    private final CompletableFuture<Long> readyAt = new CompletableFuture<>();
    private Process process;
    private long launchedAtNanos;
    private ResultsReader reader;
    private BatchDurations batches;
    private ResultSink sink;

    public WordstreamSubject(Path home, Path dataDir, int brokerPort, List<String> extraArgs) {
        this(home, dataDir, brokerPort, extraArgs, Optional.empty());
    }

    /** With {@code certsDir}: {@code run --certs-dir certsDir}, named {@value #SECURED}. */
    public WordstreamSubject(Path home, Path dataDir, int brokerPort, List<String> extraArgs,
                             Optional<Path> certsDir) {
        this.home = home;
        this.dataDir = dataDir;
        this.brokerPort = brokerPort;
        this.extraArgs = List.copyOf(extraArgs);
        this.certsDir = certsDir;
    }

    /**
     * A certs dir for a secured run on this machine, made in {@code dir}: a new CA (its key beside the dir, as an
     * operator keeps it) and a node certificate for 127.0.0.1, which the embedded broker, the job and the bench's
     * clients all use.
     */
    public static Path certsFor(Path dir) {
        Path certs = dir.resolve("certs");
        Path caKey = dir.resolve("ca.key");
        Instant now = Instant.now();
        new CertsTool(certs, false).createCa(caKey, now);
        new CertsTool(certs, false).createNode(caKey, List.of(Settings.LOOPBACK), now);
        return certs;
    }

    @Override
    public String name() {
        return certsDir.isPresent() ? SECURED : "wordstream";
    }

    @Override
    public void start(ResultSink sink) {
        List<String> command = new ArrayList<>(List.of(new Install(home).launcher().toString(), "run",
                "--data-dir", dataDir.toString(), "--broker-port", Integer.toString(brokerPort)));
        command.addAll(extraArgs);
        certsDir.ifPresent(d -> command.addAll(List.of("--certs-dir", d.toString())));
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
        this.sink = sink;
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
            // Only now: the reader's own start (class loading, a consumer retrying an absent broker) would take CPU
            // from the start-up being measured. It reads the topic from its beginning, so no row is missed.
            reader = new ResultsReader(kafka(), JobConfig.DEFAULT_RESULTS_TOPIC, sink);
            batches = new BatchDurations(kafka(), JobConfig.DEFAULT_METRICS_TOPIC);
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
    public Optional<BatchDurations> batchDurations() {
        return Optional.ofNullable(batches);
    }

    @Override
    public Properties kafka() {
        Properties p = new Properties();
        p.put("bootstrap.servers", Settings.LOOPBACK + ":" + brokerPort);
        certsDir.ifPresent(d -> p.putAll(KafkaTls.client(CertsDir.read(d, CertsDir.Needs.clientOnly(),
                Instant.now()))));
        return p;
    }

    @Override
    public String inputTopic() {
        return JobConfig.DEFAULT_INPUT_TOPIC;
    }

    @Override
    public Map<String, Long> peakMemory() {
        return memory(ProcessMemory::peakRssBytes);
    }

    /** Resident memory now of the console, the broker and the driver. */
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

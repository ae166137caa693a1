package io.wordstream.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.wordstream.bench.curve.Curve;
import io.wordstream.bench.failover.FailoverBench;
import io.wordstream.bench.failover.FailoverRun;
import io.wordstream.bench.hostloss.HostCluster;
import io.wordstream.bench.hostloss.HostLossBench;
import io.wordstream.bench.subject.WordstreamSubject;
import io.wordstream.common.Durations;
import io.wordstream.console.launch.ChildProcesses;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./wordstream bench}: every system on the same data, in one run, and the table and RESULT line. */
@Command(name = "wordstream bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures wordstream against the original design (three Spark queries in Complete mode),"
                + " Kafka Streams (exactly-once, and at-least-once as kstreams-alos) and a plain Kafka consumer, on the"
                + " same generated text and one broker, in one run: start-up, latency at steady rates climbing until"
                + " each system no longer keeps up (the latency-throughput curve, its sustainable throughput and its"
                + " p99 <= 1 s throughput), throughput of bursts, peak memory.",
            "Prints tables and, last, a line starting with RESULT."})
public final class BenchCommand implements Callable<Integer> {
    /** The systems, in the order they run. */
    enum Contender {
        WORDSTREAM("wordstream"), ORIGINAL("original"), KSTREAMS("kstreams"), KSTREAMS_ALOS("kstreams-alos"),
        LIMIT("limit");

        private final String id;

        Contender(String id) {
            this.id = id;
        }

        @Override
        public String toString() {
            return id;
        }

        static Contender of(String id) {
            for (Contender c : values()) {
                if (c.id.equals(id)) {
                    return c;
                }
            }
            throw new CommandLine.TypeConversionException("no system '" + id + "'; the systems are "
                    + Arrays.toString(values()));
        }
    }

    @Option(names = "--quick", description = "a smaller run of under two minutes")
    boolean quick;

    @Option(names = "--failover", description = "instead: wordstream on a three-node Kafka cluster whose nodes are"
            + " killed in turn, then on three hosts (network namespaces; needs root) each lost in turn; how long"
            + " counting stalls after each loss, and whether every count stays exact")
    boolean failover;

    @Option(names = "--secured", description = "also measure wordstream secured, last in each repetition: run"
            + " --certs-dir (certificates for 127.0.0.1 made for the run) with its own embedded broker on TLS, the"
            + " bench's clients with a client certificate; reported beside the plain wordstream on the shared"
            + " broker, with the ratios")
    boolean secured;

    /** The failover drills. */
    enum Drill { brokers, hosts }

    @Option(names = "--failover-drills", split = ",", description = "with --failover: which drills (default:"
            + " ${COMPLETION-CANDIDATES})")
    List<Drill> drills = new ArrayList<>(List.of(Drill.values()));

    @Option(names = "--failover-runs", split = ",", description = "with --failover: which runs of each drill, with"
            + " Kafka's and Spark's defaults (before) or wordstream's settings (after) (default: before,after)")
    List<FailoverRun> failoverRuns = new ArrayList<>(List.of(FailoverRun.values()));

    @Mixin
    RunOptions shared;

    @Option(names = "--file", description = "send this text's non-blank lines instead of generated sentences")
    Path file;

    @Option(names = "--rate", defaultValue = "100", description = "sentences per second in the latency phase, the"
            + " curve's first step (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--rates", split = ",", description = "the curve's further steady rates, sentences per second,"
            + " climbed until a system's backlog grows (default 1000,2000,5000,10000,20000,40000,80000,160000,"
            + "320000; --quick 1000,10000,50000,150000,300000)")
    List<Integer> rates;

    @Option(names = "--step-time", description = "length of each further step of the curve (default 30s, --quick 3s;"
            + " a sustainable rate needs at least 30s)")
    String stepTime;

    @Option(names = "--repeat", defaultValue = "1", description = "run the whole comparison this many times, the"
            + " systems' order rotated each time, and report each figure as the median and range (default"
            + " ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--plot", description = "also draw the latency-throughput curve as a PNG image to this file")
    Path plot;

    @Option(names = "--warmup", description = "load at the latency phase's rate before it is measured (default"
            + " 15s, --quick 5s)")
    String warmup;

    @Option(names = "--latency-time", description = "length of the latency phase (default 60s, --quick 10s)")
    String latencyTime;

    @Option(names = "--burst-words", description = "words per throughput burst (default 1000000, --quick 150000)")
    Long burstWords;

    @Option(names = "--warmup-bursts", description = "bursts before the measured ones, not counted (default 3,"
            + " --quick 1)")
    Integer warmupBursts;

    @Option(names = {"--bursts", "--repeats"}, description = "counted bursts per system, the median reported"
            + " (default 5, --quick 1)")
    Integer repeats;

    @Option(names = "--systems", split = ",", converter = ContenderConverter.class, description = "which systems, in"
            + " order (default: all of wordstream, original, kstreams, kstreams-alos, limit)")
    List<Contender> systems = new ArrayList<>(List.of(Contender.values()));

    /** picocli's converter for the systems' names, which are not Java names. */
    static final class ContenderConverter implements CommandLine.ITypeConverter<Contender> {
        @Override
        public Contender convert(String value) {
            return Contender.of(value);
        }
    }

    @Option(names = "--conf", description = "a Spark setting for wordstream's job and the original design's,"
            + " repeatable (to compare a tuning)")
    Map<String, String> sparkConf = new LinkedHashMap<>();

    private final PrintStream out;
    private final PrintStream err;

    BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // Whatever happens to this JVM, its children (a broker, a Spark driver, wordstream run) go with it.
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::killDescendants, "bench-cleanup"));
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command; errors in the arguments are one line on {@code err} and status 2. */
    static int execute(String[] args, PrintStream out, PrintStream err) {
        return new CommandLine(new BenchCommand(out, err))
                .setOut(new PrintWriter(new BufferedWriter(new OutputStreamWriter(out, UTF_8)), true))
                .setParameterExceptionHandler((e, a) -> {
                    err.println("wordstream bench: " + e.getMessage() + " (see ./wordstream bench --help)");
                    return 2;
                })
                .execute(args);
    }

    Plan plan() {
        Duration latency = Durations.parse(latencyTime != null ? latencyTime : quick ? "10s" : "60s");
        if (rate < 1 || latency.toSeconds() < 1) {
            throw new IllegalArgumentException("--rate and --latency-time must be at least 1 sentence per second"
                    + " and 1s");
        }
        if ((burstWords != null && burstWords < 1) || (repeats != null && repeats < 1) || shared.vocabulary < 1) {
            throw new IllegalArgumentException("--burst-words, --repeats and --vocabulary must be at least 1");
        }
        if (warmupBursts != null && warmupBursts < 0) {
            throw new IllegalArgumentException("--warmup-bursts must be 0 or more");
        }
        Duration warm = Durations.parse(warmup != null ? warmup : quick ? "5s" : "15s");
        Duration step = Durations.parse(stepTime != null ? stepTime : quick ? "3s" : "30s");
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1");
        }
        if (step.toSeconds() < 1 || (rates != null && rates.stream().anyMatch(r -> r < 1))) {
            throw new IllegalArgumentException("--rates must be at least 1 sentence per second and --step-time"
                    + " at least 1s");
        }
        List<Integer> ladder = rates != null ? rates : quick ? Curve.QUICK_RATES : Curve.RATES;
        return new Plan(shared.seed, shared.vocabulary, Optional.ofNullable(file), rate, warm, latency, ladder, step, 5,
                burstWords != null ? burstWords : quick ? 150_000 : 1_000_000,
                warmupBursts != null ? warmupBursts : quick ? 1 : 3,
                repeats != null ? repeats : quick ? 1 : 5, shared.timeout());
    }

    @Override
    public Integer call() throws IOException {
        Plan plan;
        try {
            plan = plan();
        } catch (IllegalArgumentException e) {
            err.println("wordstream bench: " + e.getMessage());
            return 2;
        }
        if (secured && (failover || !systems.contains(Contender.WORDSTREAM))) {
            err.println("wordstream bench: --secured compares wordstream secured with wordstream plain; keep"
                    + " wordstream in --systems and leave out --failover");
            return 2;
        }
        if (file != null && !Files.isReadable(file)) {
            err.println("wordstream bench: cannot read --file " + file + "; give a readable text file");
            return 2;
        }
        if (failover && drills.contains(Drill.hosts) && !HostCluster.available()) {
            err.println("wordstream bench: the host-loss drill makes its hosts as network namespaces, which needs"
                    + " root and ip (iproute2); run it as root, or pass --failover-drills brokers");
            return 2;
        }
        Install install = Install.current();
        try (RunOptions.WorkDir work = shared.workDir("wordstream-bench-")) {
            return failover ? failover(install, work.path(), plan) : compare(install, work.path(), plan);
        }
    }

    private int failover(Install install, Path work, Plan plan) {
        try {
            Set<FailoverRun> runs = EnumSet.copyOf(failoverRuns);
            int status = 0;
            if (drills.contains(Drill.brokers)) {
                status = FailoverBench.run(install, work.resolve("brokers"), sparkConf, plan.timeout(), runs, out, err);
            }
            if (drills.contains(Drill.hosts)) {
                status = Math.max(status, HostLossBench.run(install, work.resolve("hosts"), sparkConf,
                        plan.timeout(), runs, out, err));
            }
            return status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int compare(Install install, Path work, Plan plan) throws IOException {
        err.println("bench: " + describe(plan) + "; work dir " + work);
        ClientClassesWarmUp.run();
        Comparison comparison = new Comparison(plan, install, sparkConf, driverMemory(install), err, secured);
        List<Run> runs = new ArrayList<>();
        for (int i = 1; i <= repeat; i++) {
            Run run = comparison.run(i, repeat, systems, work.resolve("repetition-" + i));
            runs.add(run);
            Report report = new Report(run.results());
            out.printf("%nrepetition %d of %d, started %s UTC; the broker answered %.1f s after its launch%n",
                    run.index(), repeat, run.startedUtc(), run.brokerStartSeconds());
            out.print(report.table());
            out.print(report.curveTable());
            out.print(report.batchTable());
            out.flush();
        }
        Summary summary = new Summary(runs);
        List<SubjectResult> curves = summary.medianCurves();
        out.print(TextPlot.draw(curves));
        out.print(summary.table());
        if (plot != null) {
            CurveChart.write(curves, plot);
            err.println("bench: the latency-throughput curve is drawn in " + plot);
        }
        out.println(summary.resultLine());
        return runs.stream().flatMap(r -> r.results().stream()).anyMatch(r -> r.failure().isPresent()) ? 1 : 0;
    }

    /** The driver heap wordstream's job gets by default, so that the original design gets the same. */
    private static String driverMemory(Install install) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(install.configDir().resolve("wordstream.properties"))) {
            p.load(in);
        } catch (IOException e) {
            return Settings.DEFAULT_DRIVER_MEMORY;
        }
        return p.getProperty("driver-memory", Settings.DEFAULT_DRIVER_MEMORY).strip();
    }

    private String describe(Plan plan) {
        return String.format(Locale.ROOT, "%s; latency %d sentences/s for %d s after %d s of warm-up, a probe in"
                        + " every %d; then up the rates %s for %d s each; bursts of %,d words, %d not counted, then"
                        + " %d; systems %s; %d repetition(s)",
                plan.file().map(f -> "lines of " + f).orElse("generated text (seed " + plan.seed() + ", "
                        + plan.vocabulary() + " words, Zipf)"),
                plan.rate(), plan.latencyTime().toSeconds(), plan.warmup().toSeconds(), plan.probeEvery(),
                plan.rates().stream().filter(r -> r > plan.rate()).sorted().toList(),
                plan.stepTime().toSeconds(), plan.burstWords(), plan.warmupBursts(), plan.repeats(), systems, repeat)
                + (secured ? "; then " + WordstreamSubject.SECURED + " on its own TLS broker" : "");
    }
}

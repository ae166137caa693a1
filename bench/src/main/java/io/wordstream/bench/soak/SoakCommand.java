package io.wordstream.bench.soak;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.wordstream.bench.RunOptions;
import io.wordstream.bench.SentenceLoad;
import io.wordstream.bench.corpus.ZipfCorpus;
import io.wordstream.bench.subject.WordstreamSubject;
import io.wordstream.common.Durations;
import io.wordstream.common.JobConfig;
import io.wordstream.console.launch.ChildProcesses;
import io.wordstream.console.launch.Ports;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs {@code wordstream run} under a steady load for many windows and follows what must stay flat once windows
 * expire: the job's state rows and the resident memory of the console, broker and driver. Every sentence carries
 * a word no other sentence has, so state that the watermark failed to drop would grow without end.
 */
@Command(name = "wordstream soak", mixinStandardHelpOptions = true,
        description = {"Runs the pipeline at a steady rate for many windows and reports whether its state and its"
                + " processes' memory stay flat once windows expire.",
                "Prints a row per window, then a verdict, and last a line starting with RESULT."})
public final class SoakCommand implements Callable<Integer> {
    @Option(names = "--windows", defaultValue = "30", description = "windows to run (default 30)")
    int windows;

    @Option(names = "--window", defaultValue = "10s", description = "the pipeline's window, also its watermark"
            + " (default 10s)")
    String window;

    @Option(names = "--rate", defaultValue = "100", description = "sentences per second (default 100)")
    int rate;

    @Mixin
    RunOptions shared;

    private final PrintStream out;
    private final PrintStream err;

    SoakCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::killDescendants, "soak-cleanup"));
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command; errors in the arguments are one line on {@code err} and status 2. */
    static int execute(String[] args, PrintStream out, PrintStream err) {
        return new CommandLine(new SoakCommand(out, err))
                .setOut(new PrintWriter(new BufferedWriter(new OutputStreamWriter(out, UTF_8)), true))
                .setParameterExceptionHandler((e, a) -> {
                    err.println("wordstream soak: " + e.getMessage() + " (see ./wordstream soak --help)");
                    return 2;
                })
                .execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Duration windowLength;
        Duration startTimeout;
        try {
            windowLength = Durations.parse(window);
            startTimeout = shared.timeout();
            if (windows < 3 || rate < 1 || shared.vocabulary < 1 || windowLength.toMillis() < 1000) {
                throw new IllegalArgumentException("--windows must be at least 3, --rate and --vocabulary at least"
                        + " 1, --window at least 1s");
            }
        } catch (IllegalArgumentException e) {
            err.println("wordstream soak: " + e.getMessage());
            return 2;
        }
        try (RunOptions.WorkDir workDir = shared.workDir("wordstream-soak-")) {
            return soak(workDir.path(), windowLength, startTimeout);
        }
    }

    private int soak(Path work, Duration windowLength, Duration startTimeout) throws Exception {
        err.printf("soak: %d windows of %s at %d sentences/s, one unique word per sentence; work dir %s%n",
                windows, Durations.format(windowLength), rate, work);
        try (WordstreamSubject pipeline = WordstreamSubject.withOwnBroker(Install.current().home(),
                work.resolve("wordstream"),
                Ports.freePort(Settings.LOOPBACK), List.of("--window", Durations.format(windowLength)))) {
            pipeline.start((count, at) -> { });
            pipeline.awaitReady(startTimeout);
            err.printf("soak: ready after %.1f s%n", pipeline.readyAfterNanos() / 1e9);
            List<Sample> samples = run(pipeline, windowLength);
            report(samples);
            return 0;
        } catch (RuntimeException e) {
            err.println("wordstream soak: " + e.getMessage() + " (logs: " + work.resolve("wordstream").resolve("logs")
                    + ")");
            return 1;
        }
    }

    /** One window's end: what was sent so far, the state the job held, each process's resident memory. */
    record Sample(int window, long sent, long stateRows, Map<String, Long> rss) {
    }

    private List<Sample> run(WordstreamSubject pipeline, Duration windowLength) throws IOException {
        List<Sample> samples = new ArrayList<>();
        ZipfCorpus corpus = new ZipfCorpus(shared.seed, shared.vocabulary);
        long interval = 1_000_000_000L / rate;
        try (StateRowsFeed state = new StateRowsFeed(pipeline.kafka(), JobConfig.DEFAULT_METRICS_TOPIC);
             SentenceLoad load = new SentenceLoad(pipeline.kafka(), JobConfig.DEFAULT_INPUT_TOPIC,
                     SentenceLoad.Shape.STEADY)) {
            long start = System.nanoTime();
            long sent = 0;
            for (int w = 1; w <= windows; w++) {
                long windowEnd = start + w * windowLength.toNanos();
                for (long next = start + sent * interval; next < windowEnd; next = start + sent * interval) {
                    LockSupport.parkNanos(next - System.nanoTime());
                    load.send(corpus.next() + " soak" + sent + "u");
                    sent++;
                }
                Sample s = new Sample(w, sent, state.stateRows(), pipeline.currentMemory());
                samples.add(s);
                err.printf("soak: window %d of %d: %,d sentences sent, %s state rows, RSS %s%n", w, windows, sent,
                        s.stateRows() < 0 ? "no" : String.format(Locale.ROOT, "%,d", s.stateRows()),
                        megabytes(s.rss()));
            }
            if (load.failed() > 0) {
                throw new IllegalStateException(load.failed() + " sends failed, first: " + load.firstFailure());
            }
        }
        return samples;
    }

    private void report(List<Sample> samples) {
        out.printf("%6s %12s %12s %12s %12s %12s%n", "window", "sent", "state rows", "console MB", "broker MB",
                "driver MB");
        for (Sample s : samples) {
            out.printf("%6d %,12d %12s %12s %12s %12s%n", s.window(), s.sent(),
                    s.stateRows() < 0 ? "-" : String.format(Locale.ROOT, "%,d", s.stateRows()),
                    mb(s.rss().get("console")), mb(s.rss().get("broker")), mb(s.rss().get("driver")));
        }
        Trend state = Trend.of(samples.stream().map(Sample::stateRows).toList());
        StringBuilder result = new StringBuilder(String.format(Locale.ROOT,
                "RESULT soak_windows=%d sentences=%d state_rows_middle=%d state_rows_last=%d state_growth=%.2f",
                samples.size(), samples.get(samples.size() - 1).sent(), state.middle(), state.last(),
                state.growth()));
        boolean flat = state.flat();
        out.printf("state rows: median %,d in the middle third, %,d in the last: %.2fx, %s%n", state.middle(),
                state.last(), state.growth(), state.flat() ? "flat" : "GROWING");
        for (String process : List.of("console", "broker", "driver")) {
            Trend rss = Trend.of(samples.stream().map(s -> s.rss().getOrDefault(process, 0L)).toList());
            flat &= rss.flat();
            out.printf("%s RSS: median %s MB in the middle third, %s MB in the last: %.2fx, %s%n", process,
                    mb(rss.middle()), mb(rss.last()), rss.growth(), rss.flat() ? "flat" : "GROWING");
            result.append(String.format(Locale.ROOT, " rss_%s_growth=%.2f", process, rss.growth()));
        }
        // Samples without data would compare equal to each other: no verdict from them.
        List<Sample> judged = samples.subList(samples.size() / 3, samples.size());
        boolean complete = judged.stream().allMatch(s -> s.stateRows() >= 0
                && s.rss().keySet().containsAll(List.of("console", "broker", "driver")));
        if (!complete) {
            out.println("verdict: none: the job's state rows or a process's memory were missing from the samples");
            out.println(result.append(" flat=false complete=false"));
            return;
        }
        out.println("verdict: " + (flat ? "flat" : "growing")
                + String.format(Locale.ROOT, " (flat: the last third's median at most %.2fx the middle third's)",
                        Trend.FLAT));
        out.println(result.append(" flat=").append(flat));
    }

    private static String mb(Long bytes) {
        return bytes == null ? "-" : Long.toString(bytes / (1024 * 1024));
    }

    private static String megabytes(Map<String, Long> rss) {
        StringBuilder b = new StringBuilder();
        rss.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(mb(v)).append(" MB"));
        return b.toString();
    }
}

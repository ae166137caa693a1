package io.wordstream.console.cli;

import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.kafka.TopicAdmin;
import io.wordstream.console.kafka.TopicFeed;
import io.wordstream.console.model.ResultRow;
import io.wordstream.console.model.WindowCounts;
import io.wordstream.console.settings.Settings;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints result rows as they arrive: per-window tables, or the raw JSON rows. */
@Command(name = "watch", mixinStandardHelpOptions = true, resourceBundle = "io.wordstream.console.cli.WatchHelp",
        description = {"Print the counts of a running pipeline ('run' or the console) as they arrive on the results"
                + " topic: once per micro-batch, one table for each window the batch changed. Starts with what the"
                + " topic already holds, one table per window; Ctrl-C stops. 'watch' starts nothing."},
        footer = {"", "Examples:",
            "  wordstream watch",
            "  wordstream watch --from-now --top 5",
            "  wordstream watch --json --timeout 30s > rows.json"})
final class WatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--json", description = "Print each result row as the raw JSON the job wrote.")
    boolean json;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "Words shown per window (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--from-now", description = "Skip what the results topic already holds.")
    boolean fromNow;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long (default: until Ctrl-C).")
    Duration timeout;

    private final WindowCounts model = new WindowCounts(60);

    @Override
    public Integer call() throws Exception {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1");
        }
        Settings settings = SettingsFactory.forClient(kafka);
        ConsoleLog.init(settings);
        var props = KafkaClients.base(settings);
        try (TopicAdmin admin = new TopicAdmin(props)) {
            admin.requireReachable(Duration.ofSeconds(5));
            admin.requireTopic(settings.resultsTopic());
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = Signals.stopOnInterruptOrTerminate();
        try (TopicFeed feed = TopicFeed.startBatches(props, settings.resultsTopic(),
                fromNow ? TopicFeed.From.END : TopicFeed.From.BEGINNING, batch -> print(batch, out))) {
            if (timeout == null) {
                stop.await();
            } else {
                stop.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        return 0;
    }

    /** Windows changed by records not printed yet: while the history is read, each window is printed once. */
    private final Set<Instant> touched = new TreeSet<>();

    private synchronized void print(TopicFeed.Batch batch, PrintWriter out) {
        for (ConsumerRecord<String, String> r : batch.records()) {
            if (json) {
                out.println(r.value());
                continue;
            }
            ResultRow.parse(r.value()).ifPresent(row -> {
                if (model.apply(row)) {
                    touched.add(row.windowStart());
                }
            });
        }
        if (!batch.caughtUp()) {
            return;
        }
        for (Instant start : touched) {
            WindowCounts.Window w = model.window(start);
            if (w != null) {
                WindowTableText.render(w, top).forEach(out::println);
                out.println();
            }
        }
        touched.clear();
        out.flush();
    }
}

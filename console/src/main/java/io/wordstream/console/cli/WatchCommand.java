package io.wordstream.console.cli;

import io.wordstream.common.PipelineSettings;
import io.wordstream.console.kafka.EndOffsets;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.kafka.TopicAdmin;
import io.wordstream.console.kafka.TopicFeed;
import io.wordstream.console.model.JobEvent;
import io.wordstream.console.model.ResultRow;
import io.wordstream.console.model.WindowCounts;
import io.wordstream.console.settings.Settings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Prints result rows as they arrive: the raw JSON rows, or once per micro-batch a table for each window the batch
 * changed (see {@link WatchTables} for how a batch's end is known).
 */
@Command(name = "watch", mixinStandardHelpOptions = true, resourceBundle = "io.wordstream.console.cli.WatchHelp",
        description = {"Print the counts of a running pipeline ('run' or the console) as they arrive on the results"
                + " topic: once per micro-batch, one table for each window the batch changed. Starts with what the"
                + " topic already holds, one table per window; Ctrl-C stops. 'watch' starts nothing."},
        footer = {"", "Examples:",
            "  wordstream watch",
            "  wordstream watch --from-now --top 5",
            "  wordstream watch --json --timeout 30s > rows.json",
            ConfigDefaults.HELP_FOOTER})
final class WatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientCommandOptions shared;

    @Option(names = "--json", description = "Print each result row as the raw JSON the job wrote.")
    boolean json;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "Words shown per window (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--from-now", description = "Skip what the results topic already holds.")
    boolean fromNow;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Stop after this long (default: until Ctrl-C).")
    Duration timeout;

    private final WindowCounts model = new WindowCounts(60);
    private WatchTables tables;
    private PipelineSettings pipeline;

    @Override
    public Integer call() throws Exception {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1");
        }
        SettingsFactory.Client client = SettingsFactory.forClient(shared.kafka, spec.commandLine().getParseResult());
        Settings settings = shared.security().forClient(client.settings(), null,
                spec.commandLine().getErr(), "wordstream watch");
        pipeline = settings.pipeline();
        ConsoleLog.init(settings);
        var props = KafkaClients.base(settings);
        boolean announced;
        try (TopicAdmin admin = new TopicAdmin(props)) {
            admin.requireReachable(Duration.ofSeconds(5), client.origin(), client.wayOut());
            admin.requireTopic(settings.resultsTopic());
            announced = admin.topicExists(settings.metricsTopic());
        }
        tables = new WatchTables(model, announced);
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = Signals.stopOnInterruptOrTerminate();
        try (EndOffsets offsets = new EndOffsets(props, Duration.ofSeconds(5));
             TopicFeed results = TopicFeed.startPolls(props, settings.resultsTopic(),
                     fromNow ? TopicFeed.From.END : TopicFeed.From.BEGINNING, batch -> print(batch, out));
             TopicFeed metrics = announced ? TopicFeed.startValues(props, settings.metricsTopic(),
                     TopicFeed.From.END, values -> batchEnds(values, offsets, settings.resultsTopic())) : null) {
            if (timeout == null) {
                stop.await();
            } else {
                stop.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        return 0;
    }

    /** A progress event on the metrics topic ends a micro-batch: its rows lie below the results' end offsets now. */
    private void batchEnds(List<String> values, EndOffsets offsets, String resultsTopic) {
        boolean ended = values.stream().map(JobEvent::parse)
                .anyMatch(e -> e.isPresent() && e.get().type().equals("progress"));
        if (ended) {
            Map<Integer, Long> end = offsets.ofTopic(resultsTopic);
            synchronized (this) {
                tables.batchEnded(end);
            }
        }
    }

    private synchronized void print(TopicFeed.Batch batch, PrintWriter out) {
        List<ResultRow> rows = new ArrayList<>();
        for (String value : batch.values()) {
            if (json) {
                out.println(value);
            } else {
                ResultRow.parse(value).ifPresent(rows::add);
            }
        }
        if (json) {
            out.flush();
            return;
        }
        for (WindowCounts.Window w : tables.polled(rows, batch.positions(), batch.caughtUp(), System.nanoTime())) {
            WindowTableText.render(w, top, pipeline).forEach(out::println);
            out.println();
        }
        out.flush();
    }
}

package io.wordstream.console.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordstream.common.PipelineSettings;
import io.wordstream.console.errors.UserError;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.kafka.SentenceSender;
import io.wordstream.console.kafka.TopicAdmin;
import io.wordstream.console.kafka.TopicPlan;
import io.wordstream.console.settings.Settings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Sends sentences to the input topic, one record each. A line the job would reject (JSON without the text field, or
 * not JSON although it starts with <code>{</code>) is not sent: it is named on stderr, the others are sent, and the
 * exit status is 2.
 */
@Command(name = "send", mixinStandardHelpOptions = true, resourceBundle = "io.wordstream.console.cli.SendHelp",
        description = {"Send sentences to the input topic of a running pipeline ('run' or the console), one record"
                + " each: the arguments, else the lines of --file, else the lines of standard input. Empty lines are"
                + " skipped. 'send' starts nothing: the pipeline must be running."},
        footer = {"", "Examples:",
            "  wordstream send \"Spark streams words\"",
            "  wordstream send --file sentences.txt",
            "  echo '{\"resumo\": \"a sentence\"}' | wordstream send",
            "  wordstream send --bootstrap-server kafka1.example.com:9092 \"to a cluster\"",
            "",
            "",
            "Exit status: 0 all sent, 1 Kafka did not acknowledge some, 2 a bad option or record.",
            ConfigDefaults.HELP_FOOTER})
final class SendCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    ClientCommandOptions shared;

    @Option(names = "--file", paramLabel = "FILE", description = "Send each line of this UTF-8 file.")
    Path file;

    @Option(names = "--json", description = "Wrap each sentence as a JSON object in the original's format,"
            + " {\"<text-field>\": \"...\"}.")
    boolean json;

    @Option(names = "--text-field", paramLabel = "NAME", defaultValue = PipelineSettings.DEFAULT_TEXT_FIELD,
            description = "Field name used by --json (default: ${DEFAULT-VALUE}).")
    String textField;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "Sentences to send.")
    List<String> sentences = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        SettingsFactory.Client client = SettingsFactory.forClient(shared.kafka, spec.commandLine().getParseResult());
        Settings settings = shared.security().forClient(client.settings(), null,
                spec.commandLine().getErr(), "wordstream send");
        ConsoleLog.init(settings);
        if (!sentences.isEmpty() && file != null) {
            throw new IllegalArgumentException("give sentences as arguments or --file, not both");
        }
        var props = KafkaClients.base(settings);
        try (TopicAdmin admin = new TopicAdmin(props)) {
            admin.requireReachable(Duration.ofSeconds(5), client.origin(), client.wayOut());
            admin.ensureTopics(List.of(TopicPlan.of(settings, admin.brokerCount()).get(settings.inputTopics().get(0))));
        }
        String topic = settings.inputTopics().get(0);
        PrintWriter err = spec.commandLine().getErr();
        Tally tally = sendAll(props, topic, err);
        int sent = tally.sent();
        int failed = 0;
        String reason = null;
        for (CompletableFuture<?> ack : tally.acks()) {
            try {
                ack.get();
            } catch (ExecutionException e) {
                failed++;
                reason = e.getCause().getMessage();
            }
        }
        if (failed > 0) {
            spec.commandLine().getErr().println("wordstream send: " + failed + " of " + sent + " records were not"
                    + " acknowledged by Kafka (" + reason + "); send them again");
            return 1;
        }
        err.println("wordstream send: sent " + sent + " record" + (sent == 1 ? "" : "s")
                + " to " + topic + (tally.skipped() > 0 ? ", skipped " + tally.skipped() + " empty line"
                + (tally.skipped() == 1 ? "" : "s") : "")
                + (tally.refused() > 0 ? ", refused " + tally.refused() + " (named above)" : ""));
        return tally.refused() > 0 ? CommandLine.ExitCode.USAGE : 0;
    }

    /** What one run handed to Kafka and what it did not: empty lines skipped, lines refused, and Kafka's answers. */
    private record Tally(int sent, int skipped, int refused, List<CompletableFuture<?>> acks) {
    }

    /** Sends each sentence or line to {@code topic}; a line the job would reject is named on {@code err} instead. */
    private Tally sendAll(Properties props, String topic, PrintWriter err) throws IOException {
        int sent = 0;
        int skipped = 0;
        int refused = 0;
        int number = 0;
        String unit = sentences.isEmpty() ? "line" : "argument";
        List<CompletableFuture<?>> acks = new ArrayList<>();
        try (SentenceSender sender = new SentenceSender(props, topic); Stream<String> lines = lines()) {
            for (String line : (Iterable<String>) lines::iterator) {
                number++;
                if (line.isBlank()) {
                    skipped++;
                    continue;
                }
                Optional<String> problem = json ? Optional.empty() : RecordCheck.problem(line, textField);
                if (problem.isPresent()) {
                    // The job would only count it as rejected: say so now, where the line can still be fixed.
                    err.println("wordstream send: " + unit + " " + number + " not sent: " + problem.get()
                            + "; fix it, or pass --json to send it as plain text");
                    refused++;
                    continue;
                }
                acks.add(sender.send(json ? JSON.createObjectNode().put(textField, line).toString() : line));
                sent++;
            }
            sender.flush();
        }
        return new Tally(sent, skipped, refused, acks);
    }

    @SuppressWarnings("StreamResourceLeak") // the caller closes it, in its try-with-resources
    private Stream<String> lines() throws IOException {
        if (!sentences.isEmpty()) {
            return sentences.stream();
        }
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new UserError("--file " + file + " is not a readable file");
            }
            return Files.lines(file, StandardCharsets.UTF_8);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines();
    }
}

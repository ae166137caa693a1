package io.wordstream.console.cli;

import io.wordstream.console.UserError;
import io.wordstream.console.gateway.Gateway;
import io.wordstream.console.gateway.GatewayConfig;
import io.wordstream.console.gateway.LiveCounts;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.kafka.TopicAdmin;
import io.wordstream.console.kafka.TopicFeed;
import io.wordstream.console.settings.Settings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Serves the HTTP gateway alone, against a running pipeline's Kafka. */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = {"Serve the HTTP gateway on a running pipeline's Kafka: the original's sign-up form at /,"
                + " POST /users and /sentences into the input topic, the counts at GET /windows and /events.",
                "Prints 'gateway http://HOST:PORT/ ...' once it listens; Ctrl-C stops."})
final class GatewayCommand implements Callable<Integer> {
    /** Windows the gateway's own model keeps, as the console does. */
    private static final int WINDOWS_KEPT = 360;
    private static final Duration REACHABLE_WITHIN = Duration.ofSeconds(5);

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    GatewayOptions http;

    @Option(names = "--text-field", paramLabel = "NAME", defaultValue = "resumo",
            description = "The JSON field of the sentence in what the gateway writes: the pipeline's --text-field"
                    + " (default: ${DEFAULT-VALUE}).")
    String textField;

    @Override
    public Integer call() throws Exception {
        if (!http.enabled()) {
            throw new IllegalArgumentException("give the gateway's port with --http PORT (0 for any free port)");
        }
        GatewayConfig config = http.toConfig(textField);
        Settings settings = SettingsFactory.forClient(kafka);
        ConsoleLog.init(settings);
        var props = KafkaClients.base(settings);
        String input = settings.inputTopics().get(0);
        try (TopicAdmin admin = new TopicAdmin(props)) {
            if (!admin.reachable(REACHABLE_WITHIN)) {
                throw new UserError("cannot reach Kafka at " + settings.bootstrap() + " within "
                        + REACHABLE_WITHIN.toSeconds() + " s; start the pipeline first ('wordstream run'), or point"
                        + " --bootstrap-server or --broker-port at its Kafka");
            }
            admin.ensureTopics(Map.of(input, settings.inputPartitions()), Map.of());
            admin.requireTopic(settings.resultsTopic());
        }
        CountDownLatch stop = Signals.stopOnInterruptOrTerminate();
        LiveCounts counts = new LiveCounts(WINDOWS_KEPT);
        try (TopicFeed feed = LiveCounts.follow(props, settings.resultsTopic(), counts);
             Gateway gateway = new Gateway(config, props, input, counts)) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("gateway " + gateway.uri() + " topic=" + input + " results=" + settings.resultsTopic());
            out.flush();
            stop.await();
        }
        return 0;
    }
}

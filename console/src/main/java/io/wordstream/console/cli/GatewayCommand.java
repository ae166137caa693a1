package io.wordstream.console.cli;

import io.wordstream.console.UserError;
import io.wordstream.console.gateway.GatewayConfig;
import io.wordstream.console.gateway.GatewayService;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.launch.Ports;
import io.wordstream.console.settings.Settings;
import java.io.PrintWriter;
import java.time.Duration;
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
    private static final Duration REACHABLE_WITHIN = Duration.ofSeconds(15);

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
        if (config.port() != 0) {
            Ports.requireFree(config.host(), config.port(), "choose another --http port or --http-host");
        }
        Settings settings = SettingsFactory.forClient(kafka);
        ConsoleLog.init(settings);
        var props = KafkaClients.base(settings);
        if (!GatewayService.kafkaAnswers(props, REACHABLE_WITHIN)) {
            throw new UserError("cannot reach Kafka at " + settings.bootstrap() + " within "
                    + REACHABLE_WITHIN.toSeconds() + " s; start the pipeline first ('wordstream run'), or point"
                    + " --bootstrap-server or --broker-port at its Kafka");
        }
        CountDownLatch stop = Signals.stopOnInterruptOrTerminate();
        String input = settings.inputTopics().get(0);
        try (GatewayService gateway = GatewayService.withOwnFeed(config, props, input, settings.inputPartitions(),
                settings.resultsTopic())) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("gateway " + gateway.uri() + " topic=" + input + " results=" + settings.resultsTopic());
            out.flush();
            stop.await();
        }
        return 0;
    }
}

package io.wordstream.console.cli;

import io.wordstream.console.gateway.GatewayConfig;
import io.wordstream.console.gateway.GatewayService;
import io.wordstream.console.gateway.WelcomeMail;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.kafka.TopicAdmin;
import io.wordstream.console.metrics.MetricsEndpoint;
import io.wordstream.console.metrics.PipelineMetrics;
import io.wordstream.console.settings.Settings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
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
    ClientCommandOptions shared;

    @Mixin
    GatewayOptions http;

    @Mixin
    MetricsOptions metrics;

    @Option(names = "--text-field", paramLabel = "NAME", defaultValue = "resumo",
            description = "The JSON field of the sentence in what the gateway writes: the pipeline's --text-field"
                    + " (default: ${DEFAULT-VALUE}).")
    String textField;

    @ArgGroup(validate = false)
    MailConfigOption mailConfig = new MailConfigOption();

    @Override
    public Integer call() throws Exception {
        if (!http.enabled()) {
            throw new IllegalArgumentException("give the gateway's port with --http PORT (0 for any free port)");
        }
        GatewayConfig config = http.checkedConfig(textField);
        int metricsPort = metrics.enabled() ? metrics.checkedPort() : -1;
        PrintWriter err = spec.commandLine().getErr();
        if (mailConfig.file != null && !http.welcomeMail) {
            throw new IllegalArgumentException("--mail-config goes with --welcome-mail");
        }
        WelcomeMail welcome = http.welcomeMail(mailConfig.file, err, line -> {
            err.println("wordstream gateway: " + line);
            err.flush();
        });
        SettingsFactory.Client client = SettingsFactory.forClient(shared.kafka, spec.commandLine().getParseResult());
        Settings settings = shared.security().forClient(client.settings(), config, err,
                "wordstream gateway");
        ConsoleLog.init(settings);
        try (TopicAdmin admin = new TopicAdmin(KafkaClients.base(settings))) {
            admin.requireReachable(REACHABLE_WITHIN, client.origin(), client.wayOut());
        }
        CountDownLatch stop = Signals.stopOnInterruptOrTerminate();
        PipelineMetrics figures = new PipelineMetrics();
        try (welcome;
             MetricsEndpoint endpoint = metricsPort < 0 ? null
                     : MetricsEndpoint.start(metrics.host(), metricsPort, figures.registry());
             GatewayService gateway = GatewayService.withOwnFeed(config, settings, welcome,
                     figures.gatewayTraffic())) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("gateway " + gateway.uri() + " topic=" + settings.inputTopics().get(0) + " results="
                    + settings.resultsTopic());
            if (endpoint != null) {
                out.println("metrics " + endpoint.uri());
            }
            out.flush();
            stop.await();
        }
        return 0;
    }
}

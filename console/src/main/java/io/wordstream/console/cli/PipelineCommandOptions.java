package io.wordstream.console.cli;

import io.wordstream.console.gateway.GatewayConfig;
import io.wordstream.console.gateway.WelcomeMail;
import io.wordstream.console.report.ReportServices;
import io.wordstream.console.session.PipelineExtras;
import io.wordstream.console.settings.Settings;
import java.io.PrintWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The options of the commands that start a pipeline, 'run' and the console, declared once: Kafka (with every
 * command that talks to it, {@link ClientCommandOptions}), then the pipeline, Spark, the cluster, the reports, the
 * gateway and Prometheus, each a section of --help. A group that both commands take is added here, once; an add-on
 * it asks for goes into {@link #extras}.
 */
public final class PipelineCommandOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Mixin
    ClientCommandOptions client;

    @ArgGroup(validate = false, heading = "%nPipeline%n")
    PipelineOptions pipeline = new PipelineOptions();

    @ArgGroup(validate = false, heading = "%nSpark and launch%n")
    LaunchOptions launch = new LaunchOptions();

    @ArgGroup(validate = false, heading = "%nCluster over several hosts%n")
    ClusterOptions cluster = new ClusterOptions();

    @ArgGroup(validate = false, heading = "%nReports, alerts and mail%n")
    ReportOptions reports = new ReportOptions();

    @ArgGroup(validate = false, heading = "%nHTTP gateway%n")
    GatewayOptions http = new GatewayOptions();

    @ArgGroup(validate = false, heading = "%nPrometheus%n")
    MetricsOptions metrics = new MetricsOptions();

    /** The command's standard output. */
    PrintWriter out() {
        return command.commandLine().getOut();
    }

    /** The command's standard error, for warnings and the one line of a failure. */
    PrintWriter err() {
        return command.commandLine().getErr();
    }

    /** The settings these options make, every check that needs nothing running done. */
    Settings settings() {
        return SettingsFactory.forRun(client.kafka, pipeline, launch, cluster);
    }

    /**
     * {@code settings} with their security decided from --certs-dir and --insecure, for {@code command} (its name in
     * the one line of a refusal); a warning, if any, goes to the command's standard error.
     */
    Settings secured(Settings settings, GatewayConfig gateway, boolean attach, String command) {
        return client.security().forPipeline(settings, gateway, attach, err(), command);
    }

    /** The gateway's settings when --http was given, else null; a port in use is named before anything starts. */
    GatewayConfig gatewayConfig(Settings settings) {
        return http.checkedConfig(settings.pipeline().textField());
    }

    /** Whether --reset asks for the checkpoint and the results to go. */
    boolean reset() {
        return launch.reset;
    }

    /**
     * The add-ons the options ask for. Their settings files are read and checked here, before anything starts;
     * their warnings go to {@code err}.
     *
     * @param gateway the gateway's settings, or null
     * @param screen  for the console: reports are always made (its report key writes one), and the console hands
     *                the extras the result rows of its charts
     */
    PipelineExtras extras(Settings settings, GatewayConfig gateway, PrintWriter err, PipelineExtras.Lines lines,
                          boolean screen) {
        ReportServices.Plan plan = screen || reports.any() ? reports.plan(settings, err, http.welcomeMail) : null;
        WelcomeMail welcome = http.welcomeMail(reports.mail.smtp.file, err, lines::notice);
        PipelineExtras.Builder extras = PipelineExtras.builder(lines);
        if (metrics.enabled()) {
            // Before the gateway: the gateway counts its traffic there.
            extras.metrics(metrics.host(), metrics.checkedPort());
        }
        if (gateway != null) {
            extras.gateway(gateway, welcome);
        }
        if (plan != null) {
            extras.reports(plan);
        }
        return extras.build(screen);
    }
}

package io.wordstream.console.cli;

import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.kafka.TopicAdmin;
import io.wordstream.console.report.MailFailure;
import io.wordstream.console.report.ReportFormat;
import io.wordstream.console.report.ReportMailer;
import io.wordstream.console.report.ReportMaker;
import io.wordstream.console.report.ReportPeriod;
import io.wordstream.console.settings.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a report of a period of the results topic as a PDF, CSV or JSON file, and mails it if asked. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a report of the counts of a period: a PDF with totals and charts, or the per-window"
                + " counts as CSV or JSON. Reads the results topic; nothing else needs to run.",
                "Prints the file's path; progress goes to stderr."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientCommandOptions shared;

    @Option(names = "--last", paramLabel = "DURATION",
            description = "The period: this long up to now, or up to --to (default: 1h).")
    String last;

    @Option(names = "--from", paramLabel = "TIME",
            description = "Start of the period, as 2026-11-29T17:00:00Z, 2026-11-29T18:00+01:00 or 2026-11-29T17:00"
                    + " (UTC).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "End of the period (default: now).")
    String to;

    @Option(names = "--output", paramLabel = "FILE",
            description = "The report's file (default: <data-dir>/reports/wordstream-<period>.<format>).")
    Path output;

    @Option(names = "--format", paramLabel = "pdf|csv|json", defaultValue = "pdf",
            converter = FormatConverter.class,
            description = "pdf (default), or csv / json: the final count of every window, dimension and key.")
    ReportFormat format;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "10m",
            description = "How long after the period's end rows of its windows are still looked for (default:"
                    + " ${DEFAULT-VALUE}; raise it when the job was down in the period and caught up later).")
    Duration grace;

    @Mixin
    MailOptions mail;

    @Override
    public Integer call() {
        ReportPeriod period = ReportPeriod.fromOptions(from, to, last, Clock.systemUTC().instant());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportMailer mailer = mail.mailer(err);
        SettingsFactory.Client kafkaClient =
                SettingsFactory.forClient(shared.kafka, spec.commandLine().getParseResult());
        Settings settings = shared.security().forClient(kafkaClient.settings(), null, err,
                "wordstream report");
        ConsoleLog.init(settings);
        Properties client = KafkaClients.base(settings);
        try (TopicAdmin admin = new TopicAdmin(client)) {
            admin.requireReachable(Duration.ofSeconds(5), kafkaClient.origin(), kafkaClient.wayOut());
            admin.requireTopic(settings.resultsTopic());
        }
        ReportMaker maker = new ReportMaker(client, settings.resultsTopic(), settings.dataDir(), grace,
                Clock.systemUTC());
        ReportMaker.Made made = maker.make(period, format, output, line -> {
            err.println("report: " + line);
            err.flush();
        });
        out.println(made.file());
        out.flush();
        if (mailer == null) {
            return 0;
        }
        try {
            mailer.sendReport(made);
        } catch (MailFailure e) {
            err.println("report: " + e.getMessage() + "; the report stays at " + made.file());
            err.flush();
            // A refused login is the operator's settings to fix (2); a server down or failing is not (1).
            return e.loginRefused() ? 2 : 1;
        }
        err.println("report: mailed to " + mail.mailTo + " through " + mailer.config().server());
        err.flush();
        return 0;
    }

    /** Reads pdf, csv and json in any case. */
    static final class FormatConverter implements CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            for (ReportFormat f : ReportFormat.values()) {
                if (f.extension().equalsIgnoreCase(value.strip())) {
                    return f;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a format: pdf, csv or json");
        }
    }
}

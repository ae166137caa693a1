package io.wordstream.console.cli;

import io.wordstream.console.report.ReportMailer;
import io.wordstream.console.report.ReportServices;
import io.wordstream.console.settings.Settings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Scheduled reports and alerts while the pipeline runs: the options of 'run' and the console. */
public final class ReportOptions {
    @Option(names = "--report-every", paramLabel = "DURATION",
            description = "Write a PDF report of each such period into <data-dir>/reports/ while running, and mail"
                    + " it with --mail-to.")
    Duration reportEvery;

    @Option(names = "--alert-word", paramLabel = "WORD=N",
            description = "Alert (by mail with --mail-to, else in the log) when WORD is counted more than N times in"
                    + " one window; once per window. Repeatable.")
    Map<String, Long> alertWords = new LinkedHashMap<>();

    @Option(names = "--alert-kafka-down", paramLabel = "DURATION",
            description = "Alert when Kafka has not answered for longer than this.")
    Duration alertKafkaDown;

    @ArgGroup(validate = false)
    MailOptions mail = new MailOptions();

    /** True when the options ask for anything at all. */
    boolean any() {
        return reportEvery != null || !alertWords.isEmpty() || alertKafkaDown != null || mail.mailTo != null;
    }

    /**
     * Checks the options and the mail settings file; call before the pipeline starts, so bad input stops the
     * command before anything runs.
     */
    ReportServices.Plan plan(Settings settings, PrintWriter err) {
        return plan(settings, err, false);
    }

    /** As above; {@code welcomeMail}: --mail-config serves the gateway's welcome note too, so it may come alone. */
    ReportServices.Plan plan(Settings settings, PrintWriter err, boolean welcomeMail) {
        if (reportEvery != null && (reportEvery.isZero() || reportEvery.isNegative())) {
            throw new IllegalArgumentException("--report-every must be longer than zero");
        }
        if (alertKafkaDown != null && (alertKafkaDown.isZero() || alertKafkaDown.isNegative())) {
            throw new IllegalArgumentException("--alert-kafka-down must be longer than zero");
        }
        alertWords.forEach((w, n) -> {
            if (w.isBlank() || n < 0) {
                throw new IllegalArgumentException("--alert-word takes WORD=N with N of 0 or more, got " + w + "=" + n);
            }
        });
        ReportMailer mailer = mail.mailer(err, welcomeMail);
        // A window's last counts are written once the watermark passes it: wait that long, and a little more.
        var p = settings.pipeline();
        Duration settle = p.window().plus(p.watermark()).plusSeconds(10);
        return new ReportServices.Plan(reportEvery, settle, mailer, alertWords, alertKafkaDown);
    }
}

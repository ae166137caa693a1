package io.wordstream.console.cli;

import io.wordstream.console.report.MailConfig;
import io.wordstream.console.report.ReportMailer;
import java.io.PrintWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Where reports and alerts are mailed, and the SMTP settings file: shared by 'report', 'run' and the console. */
public final class MailOptions {
    @Option(names = "--mail-to", paramLabel = "ADDR[,ADDR...]",
            description = "Mail the report (and alerts) to these addresses; needs --mail-config.")
    String mailTo;

    @ArgGroup(validate = false)
    MailConfigOption smtp = new MailConfigOption();

    /**
     * The mailer the options ask for, or null when they name no recipient; checks the settings file before
     * anything else runs, and prints its warnings.
     */
    ReportMailer mailer(PrintWriter err) {
        return mailer(err, false);
    }

    /** As above; {@code configUsedElsewhere}: --mail-config alone is fine (the gateway's welcome note uses it). */
    ReportMailer mailer(PrintWriter err, boolean configUsedElsewhere) {
        if (mailTo == null) {
            if (smtp.file != null && !configUsedElsewhere) {
                throw new IllegalArgumentException("--mail-config goes with --mail-to");
            }
            return null;
        }
        if (smtp.file == null) {
            throw new IllegalArgumentException("--mail-to needs --mail-config FILE with the SMTP settings");
        }
        var recipients = ReportMailer.recipients(mailTo);
        MailConfig config = MailConfig.load(smtp.file);
        config.warnings().forEach(w -> {
            err.println(w);
            err.flush();
        });
        return new ReportMailer(config, recipients);
    }
}

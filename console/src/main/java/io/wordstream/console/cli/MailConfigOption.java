package io.wordstream.console.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The SMTP settings file: for reports and alerts ('report', 'run', the console) and the gateway's welcome note. */
final class MailConfigOption {
    @Option(names = "--mail-config", paramLabel = "FILE",
            description = "SMTP settings for --mail-to and --welcome-mail: a properties file with host, port, security"
                    + " (starttls, ssl or none), user, password and from (docs/reports.md). The password stays in the"
                    + " file, never on a command line.")
    Path file;
}

package io.wordstream.console.cli;

import io.wordstream.console.errors.UserError;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Points the console's own log at the data dir before any Kafka client is created (they log from the first use),
 * so nothing a library logs ever lands on the operator's terminal.
 */
final class ConsoleLog {
    private ConsoleLog() {
    }

    static void init(Settings settings) {
        init(settings.logDir());
    }

    static void init(Path logDir) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UserError("cannot create the log directory " + logDir + ": "
                    + e.getMessage() + "; pass --data-dir with a writable directory");
        }
        System.setProperty("wordstream.log.dir", logDir.toString());
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile",
                    Install.current().configDir().resolve("log4j2-console.properties").toUri().toString());
        }
    }
}

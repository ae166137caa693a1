package io.wordstream.console.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.settings.Install;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's log settings as shipped in config/: what ends up in console.log, and at which level. */
class ConsoleLogConfigTest {
    @TempDir
    Path logDir;

    @Test
    void kafkaClientConnectionWarningsAreWrittenAsInfoAndOtherWarningsStayWarnings() throws Exception {
        String before = System.getProperty("wordstream.log.dir");
        System.setProperty("wordstream.log.dir", logDir.toString());
        LoggerContext ctx = Configurator.initialize("console-log-test", null,
                Install.current().configDir().resolve("log4j2-console.properties").toUri());
        try {
            ctx.getLogger("org.apache.kafka.clients.NetworkClient").warn("[AdminClient clientId=wordstream-admin]"
                    + " Connection to node -1 (/127.0.0.1:9092) could not be established. Node may not be available.");
            ctx.getLogger("io.wordstream.console.launch.Pipeline").warn("the job stopped");
        } finally {
            Configurator.shutdown(ctx);
            if (before == null) {
                System.clearProperty("wordstream.log.dir");
            } else {
                System.setProperty("wordstream.log.dir", before);
            }
        }
        String log = Files.readString(logDir.resolve("console.log"));
        assertTrue(log.lines().anyMatch(l -> l.contains(" INFO  ") && l.contains("Connection to node -1")), log);
        assertTrue(log.lines().noneMatch(l -> l.contains(" WARN ") && l.contains("Connection to node")), log);
        assertTrue(log.lines().anyMatch(l -> l.contains(" WARN ") && l.contains("the job stopped")), log);
    }
}

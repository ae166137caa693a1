package io.wordstream.console.kafka;

import io.wordstream.console.UserError;
import io.wordstream.console.settings.Settings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** Client properties shared by every Kafka client of the console: bootstrap servers plus the operator's file. */
public final class KafkaClients {
    private KafkaClients() {
    }

    public static Properties base(Settings settings) {
        return of(settings.bootstrap(), settings.kafkaConfig());
    }

    /** Client properties for the Kafka at {@code bootstrap}, with the operator's file when there is one. */
    public static Properties of(String bootstrap, Optional<Path> kafkaConfig) {
        Properties p = new Properties();
        kafkaConfig.ifPresent(file -> p.putAll(load(file)));
        p.put("bootstrap.servers", bootstrap);
        return p;
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UserError("cannot read the Kafka client properties file " + file + " (" + e.getMessage()
                    + "); check --kafka-config");
        }
        return p;
    }
}

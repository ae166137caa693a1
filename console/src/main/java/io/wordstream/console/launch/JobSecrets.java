package io.wordstream.console.launch;

import io.wordstream.console.errors.UserError;
import io.wordstream.console.security.CertFiles;
import io.wordstream.console.security.SparkDaemonConf;
import io.wordstream.console.settings.Settings;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What a secured job gets in owner-only files of the run dir, never on its command line: its Spark security settings
 * (the cluster secret among them) as the launcher's properties file, and its Kafka client settings (its client key
 * among them) as the Kafka client file the driver reads. The driver puts those Kafka settings into the options of
 * its Kafka source and sink, which reach the executors inside their tasks, over Spark's authenticated and encrypted
 * RPC: an executor on any host reads Kafka as the job does, with nothing of it on that host's disk or command lines.
 */
final class JobSecrets {
    static final String SPARK_PROPERTIES = "spark-app.properties";
    static final String KAFKA_PROPERTIES = "kafka-client.properties";

    private JobSecrets() {
    }

    /** The launcher's properties file, written when the run is secured. */
    static Optional<Path> sparkProperties(Settings settings) {
        if (!settings.security().secured()) {
            return Optional.empty();
        }
        Path file = settings.runDir().resolve(SPARK_PROPERTIES);
        SparkDaemonConf.writeProperties(file, settings.security().sparkConf(), "The Spark job's security settings,"
                + " written by wordstream at every launch; they hold the cluster secret");
        return Optional.of(file);
    }

    /**
     * The settings the job gets: secured, the operator's Kafka client file and the TLS settings merged into one
     * owner-only file, which the job reads instead.
     */
    static Settings forJob(Settings settings) {
        if (settings.security().kafkaClient().isEmpty()) {
            return settings;
        }
        Properties p = new Properties();
        settings.kafkaConfig().ifPresent(file -> {
            try (Reader in = Files.newBufferedReader(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UserError("cannot read the Kafka client properties file " + file + " (" + e.getMessage()
                        + "); check --kafka-config");
            }
        });
        p.putAll(settings.security().kafkaClient());
        StringWriter text = new StringWriter();
        try {
            p.store(text, "The Spark job's Kafka client settings, written by wordstream at every launch; they hold"
                    + " its client key");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Path file = settings.runDir().resolve(KAFKA_PROPERTIES);
        CertFiles.writeSecret(file, text.toString(), true);
        return settings.toBuilder().kafkaConfig(Optional.of(file)).build();
    }
}

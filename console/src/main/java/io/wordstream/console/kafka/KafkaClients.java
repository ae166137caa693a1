package io.wordstream.console.kafka;

import io.wordstream.common.KafkaTimeouts;
import io.wordstream.console.errors.UserError;
import io.wordstream.console.security.ClusterSecurity;
import io.wordstream.console.settings.Settings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Client properties shared by every Kafka client of the console: bootstrap servers plus the operator's file. Each
 * client adds the timeouts of its role from {@link KafkaTimeouts} where the file leaves them unset.
 */
public final class KafkaClients {
    private KafkaClients() {
    }

    /**
     * An admin client named {@code clientId} that gives up on one request after {@code request} and on a whole call
     * after {@code call}: a poller's answer is worth nothing once its next round is due.
     */
    public static Admin admin(Properties clientProperties, String clientId, Duration request, Duration call) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(request.toMillis()));
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(call.toMillis()));
        return Admin.create(p);
    }

    public static Properties base(Settings settings) {
        return of(settings.bootstrap(), settings.kafkaConfig(), settings.security());
    }

    /** Client properties for the Kafka at {@code bootstrap}, with the operator's file when there is one. */
    public static Properties of(String bootstrap, Optional<Path> kafkaConfig) {
        return of(bootstrap, kafkaConfig, ClusterSecurity.loopback());
    }

    /**
     * Client properties for the Kafka at {@code bootstrap}: the operator's file when there is one, then the TLS
     * settings of {@code security}, which win.
     */
    public static Properties of(String bootstrap, Optional<Path> kafkaConfig, ClusterSecurity security) {
        Properties p = new Properties();
        kafkaConfig.ifPresent(file -> p.putAll(load(file)));
        p.putAll(security.kafkaClient());
        p.put("bootstrap.servers", bootstrap);
        try {
            // The job reads the same file: a timeout it cannot read is refused here, before anything starts.
            KafkaTimeouts.job(strings(p));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        return p;
    }

    /** The properties as strings, for {@link KafkaTimeouts}. */
    static Map<String, String> strings(Properties p) {
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
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

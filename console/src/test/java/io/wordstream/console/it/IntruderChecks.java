package io.wordstream.console.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What a secured cluster must refuse to a host of its network that holds no credentials: each door is tried by
 * the {@link Intruder} with real clients, and the same try with the cluster's client certificate, from the same
 * host, must get in, so that a refusal is the credentials' and not a wrong address or a probe that cannot succeed.
 */
final class IntruderChecks {
    private static final String[] KAFKA_TRIES = {"metadata", "produce", "consume", "quorum"};

    private final Intruder intruder;
    private final Path member;
    private final Path dir;

    /**
     * @param intruder the intruder on its host
     * @param member   a certs dir with the cluster's client identity, for the tries that must get in
     * @param dir      where the other CA's files go
     */
    IntruderChecks(Intruder intruder, Path member, Path dir) {
        this.intruder = intruder;
        this.member = member;
        this.dir = dir;
    }

    /**
     * Kafka metadata, produce, consume and the controllers' quorum: over plaintext, over TLS without a client
     * certificate, and with a certificate of another CA, all refused; {@code cluster} (a member's settings) gets in.
     */
    void kafkaRefused(Properties cluster, String address, String topic, String controllers) throws Exception {
        Map<String, String> control = intruder.kafka("member", cluster, topic, controllers, "metadata", "consume",
                "quorum");
        for (Map.Entry<String, String> e : control.entrySet()) {
            assertTrue(e.getValue().startsWith("in "), "with the cluster's certificate, " + e.getKey() + ": "
                    + e.getValue());
        }
        List<String> names = List.of("plaintext", "tls-without-certificate", "another-ca");
        List<Properties> strangers = KafkaStrangers.of(cluster, address, dir.resolve("another-ca"));
        for (int i = 0; i < strangers.size(); i++) {
            Map<String, String> tries = intruder.kafka(names.get(i), strangers.get(i), topic, controllers,
                    KAFKA_TRIES);
            for (Map.Entry<String, String> e : tries.entrySet()) {
                assertTrue(e.getValue().startsWith("refused "), names.get(i) + ", " + e.getKey() + ": "
                        + e.getValue());
            }
            System.out.println("intruder: kafka " + names.get(i) + ": " + tries);
        }
    }

    /** The master's web UI over TLS without a certificate, and in plain HTTP: refused; {@code page} answers members. */
    void uiRefused(URI page) throws Exception {
        Intruder.HttpAnswer control = intruder.get("ui-member", page, Optional.of(member));
        assertTrue(control.answered() && control.body().contains("aliveworkers"), "with the cluster's certificate, "
                + page + ": " + control);
        Intruder.HttpAnswer tls = intruder.get("ui-tls", page, Optional.empty());
        assertFalse(tls.answered() || tls.body().contains("aliveworkers"), page + " without a certificate: " + tls);
        URI plain = URI.create(page.toString().replaceFirst("^https:", "http:"));
        Intruder.HttpAnswer http = intruder.get("ui-plain", plain, Optional.empty());
        assertFalse(http.answered() || http.body().contains("aliveworkers"), plain + ": " + http);
        System.out.println("intruder: web UI: " + tls.said() + " / " + http.said());
    }

    /**
     * A Spark application without the cluster's secret, asking the master for executors: it gives up, the master
     * never lists it, and no worker started anything for an application other than {@code allowed}.
     */
    void sparkRefused(String masterUrl, Supplier<JsonNode> masterStatus, Set<String> allowed, List<Path> workDirs)
            throws Exception {
        String said = intruder.sparkApplication(masterUrl, Duration.ofSeconds(150));
        assertFalse(said.contains("Connected to Spark cluster"), "the master let the intruder's application in");
        assertTrue(said.contains("All masters are unresponsive"), "the intruder's application said: " + tail(said));
        JsonNode status = masterStatus.get();
        List<String> names = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        for (String list : List.of("activeapps", "completedapps")) {
            for (JsonNode app : status.path(list)) {
                names.add(app.path("name").asText());
                ids.add(app.path("id").asText());
            }
        }
        assertEquals(allowed, ids, "the master's applications: " + names);
        for (Path work : workDirs) {
            try (Stream<Path> apps = Files.exists(work) ? Files.list(work) : Stream.empty()) {
                Set<String> ran = new TreeSet<>(apps.map(p -> p.getFileName().toString()).toList());
                assertTrue(allowed.containsAll(ran), "a worker ran executors for " + ran + " in " + work);
            }
        }
        System.out.println("intruder: spark: refused; the master lists " + ids);
    }

    private static String tail(String s) {
        return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
    }
}

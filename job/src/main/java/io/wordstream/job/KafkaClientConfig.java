package io.wordstream.job;

import io.wordstream.common.JobConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The Kafka client settings every Kafka client of the job shares: the bootstrap servers plus whatever the operator's
 * client properties file holds (security settings, for instance). The file is read here, on the driver, so its
 * secrets never travel on a command line.
 */
final class KafkaClientConfig {
    private static final String FETCH_MAX_WAIT = "fetch.max.wait.ms";
    private static final String MAX_POLL_RECORDS = "max.poll.records";
    private final Map<String, String> settings = new LinkedHashMap<>();

    KafkaClientConfig(JobConfig config) {
        config.kafkaConfigFileIfAny().ifPresent(file -> {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(Path.of(file))) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the Kafka client properties file " + file, e);
            }
            p.stringPropertyNames().forEach(k -> settings.put(k, p.getProperty(k)));
        });
        settings.put("bootstrap.servers", config.bootstrapServers());
    }

    /** As plain client properties, for a producer of our own. */
    Properties clientProperties() {
        Properties p = new Properties();
        p.putAll(settings);
        return p;
    }

    /**
     * As options of Spark's Kafka source. A task's consumer that has read part of its offset range keeps a fetch
     * parked at the broker while it asks for the rest, and waits out that fetch's {@code fetch.max.wait.ms}
     * (500 ms by default): measured, every fourth batch took half a second longer. The range is known to exist, so
     * the broker need not wait for more. Spark's task consumer also asks the broker for the partition's earliest and
     * latest offsets after every poll (two round trips), and a poll returns at most {@code max.poll.records} (500
     * by default): a burst of 40,000 sentences cost 160 round trips per partition, a fifth of the batch; 20,000
     * records a poll make it two, and what a poll holds is still bounded by the fetch size. An operator's own
     * values in the properties file win.
     */
    Map<String, String> sourceOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("kafka." + FETCH_MAX_WAIT, "10");
        options.put("kafka." + MAX_POLL_RECORDS, "20000");
        options.putAll(sparkOptions());
        return options;
    }

    /** As options of Spark's Kafka source and sink, which take client settings prefixed with {@code kafka.}. */
    Map<String, String> sparkOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        settings.forEach((k, v) -> options.put("kafka." + k, v));
        return options;
    }
}

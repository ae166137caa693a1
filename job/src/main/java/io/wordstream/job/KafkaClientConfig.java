package io.wordstream.job;

import io.wordstream.common.JobConfig;
import io.wordstream.common.KafkaTimeouts;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The Kafka client settings every Kafka client of the job shares: the bootstrap servers, the timeouts of a live
 * pipeline ({@link KafkaTimeouts}), and whatever the operator's client properties file holds (security settings,
 * for instance), which wins. The file is read here, on the driver, so its secrets never travel on a command line.
 * Options of the source or the sink alone come last from Spark settings
 * {@code spark.wordstream.source.OPTION} and {@code spark.wordstream.sink.OPTION} ({@code --conf}).
 */
final class KafkaClientConfig {
    /** Prefix of the Spark settings that set an option of the job's Kafka source, winning over everything else. */
    static final String SOURCE_CONF = "spark.wordstream.source.";
    /** Prefix of the Spark settings that set an option of the job's Kafka sink, winning over everything else. */
    static final String SINK_CONF = "spark.wordstream.sink.";
    private static final String FETCH_MAX_WAIT = "fetch.max.wait.ms";
    private static final String MAX_POLL_RECORDS = "max.poll.records";
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, String> timeouts;

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
        timeouts = KafkaTimeouts.job(settings);
    }

    /** As plain client properties, for a producer of our own. */
    Properties clientProperties() {
        Properties p = new Properties();
        p.putAll(producerSettings());
        return p;
    }

    /** A producer has no API timeout: Kafka would only warn about an unknown setting. */
    private Map<String, String> producerSettings() {
        Map<String, String> s = new LinkedHashMap<>(settings);
        timeouts.forEach((k, v) -> {
            if (!k.equals(KafkaTimeouts.API_TIMEOUT)) {
                s.put(k, v);
            }
        });
        return s;
    }

    /**
     * As options of Spark's Kafka source. A task's consumer that has read part of its offset range keeps a fetch
     * parked at the broker while it asks for the rest, and waits out that fetch's {@code fetch.max.wait.ms}
     * (500 ms by default): measured, every fourth batch took half a second longer. The range is known to exist, so
     * the broker need not wait for more. Spark's task consumer also asks the broker for the partition's earliest and
     * latest offsets after every poll (two round trips), and a poll returns at most {@code max.poll.records} (500
     * by default): a burst of 40,000 sentences cost 160 round trips per partition, a fifth of the batch; 20,000
     * records a poll make it two, and what a poll holds is still bounded by the fetch size. A failed offset lookup
     * is retried as {@link KafkaTimeouts#offsetFetchRetries} says. An operator's own values in the properties file
     * win, and the {@code spark.wordstream.source.} settings win over those.
     *
     * @param sparkConf the Spark settings that start with {@value #SOURCE_CONF}, the prefix left out
     */
    Map<String, String> sourceOptions(Map<String, String> sparkConf) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("kafka." + FETCH_MAX_WAIT, "10");
        options.put("kafka." + MAX_POLL_RECORDS, "20000");
        options.putAll(KafkaTimeouts.offsetFetchRetries());
        Map<String, String> client = new LinkedHashMap<>(settings);
        client.putAll(timeouts);
        options.putAll(prefixed(client));
        options.putAll(sparkConf);
        return options;
    }

    /**
     * As options of Spark's Kafka sink: the client settings, then the {@code spark.wordstream.sink.} settings.
     *
     * @param sparkConf the Spark settings that start with {@value #SINK_CONF}, the prefix left out
     */
    Map<String, String> sinkOptions(Map<String, String> sparkConf) {
        Map<String, String> options = prefixed(producerSettings());
        options.putAll(sparkConf);
        return options;
    }

    /** Client settings as Spark's Kafka source and sink take them, prefixed with {@code kafka.}. */
    private static Map<String, String> prefixed(Map<String, String> client) {
        Map<String, String> options = new LinkedHashMap<>();
        client.forEach((k, v) -> options.put("kafka." + k, v));
        return options;
    }
}

package io.wordstream.bench.subject;

import io.wordstream.common.DimensionRules;
import io.wordstream.common.PipelineSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;

/**
 * The three windowed counts as a Kafka Streams application, run in a JVM of its own as a user would run one:
 * entries keyed by (dimension, key), regrouped through a repartition topic, counted per window in the default
 * (RocksDB) store with a grace period equal to wordstream's watermark, results out as wordstream's JSON rows. Stops
 * cleanly on SIGTERM.
 *
 * <p>Arguments: bootstrap servers, processing guarantee, application id, state directory, input topic, results topic.
 */
public final class KafkaStreamsApp {
    private static final char SEPARATOR = '\u001f';

    private KafkaStreamsApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 6) {
            System.err.println("usage: KafkaStreamsApp BOOTSTRAP GUARANTEE APPLICATION_ID STATE_DIR INPUT RESULTS");
            System.exit(2);
        }
        KafkaStreams streams = new KafkaStreams(topology(args[4], args[5], PipelineSettings.defaults()),
                config(args[0], args[1], args[2], args[3]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close(Duration.ofSeconds(30));
            stopped.countDown();
        }, "kstreams-stop"));
        streams.start();
        stopped.await();
    }

    /** The settings a user would give: two stream threads for two cores, commits every 100 ms. */
    static Properties config(String bootstrap, String guarantee, String applicationId, String stateDir) {
        Properties p = new Properties();
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        // exactly_once_v2's default; at-least-once's (30 s) would hold every count back for up to 30 s.
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        return p;
    }

    static Topology topology(String input, String results, PipelineSettings pipeline) {
        DimensionRules rules = new DimensionRules(pipeline);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .flatMap((k, v) -> {
                    List<KeyValue<String, String>> out = new ArrayList<>();
                    if (v != null) {
                        for (DimensionRules.Entry e : rules.entries(new String(v, StandardCharsets.UTF_8))) {
                            out.add(KeyValue.pair(e.dimension() + SEPARATOR + e.key(), ""));
                        }
                    }
                    return out;
                })
                .groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
                .windowedBy(TimeWindows.ofSizeAndGrace(pipeline.window(), pipeline.watermark()))
                .count()
                .toStream()
                .map((windowed, count) -> {
                    String id = windowed.key();
                    int cut = id.indexOf(SEPARATOR);
                    String json = row(windowed.window().startTime(), windowed.window().endTime(),
                            id.substring(0, cut), id.substring(cut + 1), count);
                    return KeyValue.pair(id + SEPARATOR + windowed.window().start(), json);
                })
                .to(results, Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    static String row(Instant start, Instant end, String dimension, String key, long count) {
        return "{\"windowStart\":\"" + start + "\",\"windowEnd\":\"" + end + "\",\"dimension\":\"" + dimension
                + "\",\"key\":" + jsonString(key) + ",\"count\":" + count + "}";
    }

    private static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}

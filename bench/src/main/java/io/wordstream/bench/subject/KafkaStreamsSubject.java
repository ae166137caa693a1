package io.wordstream.bench.subject;

import io.wordstream.common.DimensionRules;
import io.wordstream.common.PipelineSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;

/**
 * Kafka Streams doing the same three windowed counts, as a Kafka Streams user would write them: entries keyed by
 * (dimension, key), regrouped through a repartition topic, counted per window in its default (RocksDB) store, with
 * a grace period equal to wordstream's watermark. It runs inside the benchmark's JVM, two stream threads for two
 * cores; results go out as wordstream's JSON rows.
 */
public final class KafkaStreamsSubject implements Subject {
    private static final String INPUT = "kstreams-sentences";
    private static final String RESULTS = "kstreams-counts";
    private static final char SEPARATOR = '\u001f';

    private final PeersKafka kafka;
    private final Path stateDir;
    private final PipelineSettings pipeline = PipelineSettings.defaults();
    private KafkaStreams streams;
    private ResultsReader reader;

    public KafkaStreamsSubject(PeersKafka kafka, Path stateDir) {
        this.kafka = kafka;
        this.stateDir = stateDir;
    }

    @Override
    public String name() {
        return "Kafka Streams";
    }

    @Override
    public void start(ResultSink sink) {
        kafka.createTopics(INPUT, Optional.of(RESULTS));
        DimensionRules rules = new DimensionRules(pipeline);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(INPUT, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
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
                .to(RESULTS, Produced.with(Serdes.String(), Serdes.String()));

        Properties p = new Properties();
        p.putAll(kafka.properties());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "wordstream-bench-kstreams");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
        // The default (30 s) would hold every count back for up to 30 s: 100 ms is what the exactly-once default
        // uses, and fair next to wordstream's back-to-back micro-batches.
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        streams = new KafkaStreams(builder.build(), p);
        streams.start();
        reader = new ResultsReader(kafka(), RESULTS, sink);
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

    @Override
    public Properties kafka() {
        return kafka.properties();
    }

    @Override
    public String inputTopic() {
        return INPUT;
    }

    /** It runs inside the benchmark's JVM, whose memory is not its own alone. */
    @Override
    public Map<String, Long> peakMemory() {
        return Map.of();
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
        }
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
        }
    }
}

package io.wordstream.bench.subject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * wordstream's micro-batches as its job reports them on the metrics topic: for each batch that read input, Spark's
 * own split of its time ({@code durationMs}: latestOffset, queryPlanning, addBatch, walCommit, ...). The benchmark
 * keeps them per step of the curve, to show where a batch's time goes at each rate.
 */
public final class BatchDurations implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Map<String, Long>> batches = new ArrayList<>();
    private final TopicTail tail;

    BatchDurations(Properties kafka, String topic) {
        this.tail = new TopicTail(kafka, Map.of(), topic, TopicTail.From.END, Duration.ofMillis(200),
                "bench-batches-" + topic, value -> parse(value).ifPresent(this::add));
    }

    private synchronized void add(Map<String, Long> batch) {
        batches.add(batch);
    }

    /** The batches with input reported since the last call, and forgets them. */
    public synchronized List<Map<String, Long>> drain() {
        List<Map<String, Long>> out = List.copyOf(batches);
        batches.clear();
        return out;
    }

    /** A progress event of a batch that read input: its phases in milliseconds. */
    static Optional<Map<String, Long>> parse(String json) {
        try {
            JsonNode e = JSON.readTree(json);
            JsonNode phases = e.path("durationMs");
            if (!"progress".equals(e.path("type").asText()) || e.path("inputRows").asLong() <= 0
                    || !phases.isObject()) {
                return Optional.empty();
            }
            Map<String, Long> out = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = phases.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                out.put(f.getKey(), f.getValue().asLong());
            }
            return Optional.of(out);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        tail.close();
    }
}

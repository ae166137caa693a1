package io.wordstream.console.it;

import io.wordstream.console.kafka.TopicFeed;
import io.wordstream.console.model.JobEvent;
import io.wordstream.console.model.ResultRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reads the results and metrics topics for a test: the latest value per result key, in topic order (stricter
 * than the console's model, so a wrong rewrite would show), and every job event.
 */
final class ResultsReader implements AutoCloseable {
    private final Map<String, Long> latest = new ConcurrentHashMap<>();
    private final List<JobEvent> events = new CopyOnWriteArrayList<>();
    private final TopicFeed results;
    private final TopicFeed metrics;

    ResultsReader(Properties kafka, String resultsTopic, String metricsTopic) {
        results = TopicFeed.start(kafka, resultsTopic, TopicFeed.From.BEGINNING, records -> records.forEach(r ->
                ResultRow.parse(r.value()).ifPresent(row -> latest.put(label(row), row.count()))));
        metrics = TopicFeed.start(kafka, metricsTopic, TopicFeed.From.BEGINNING, records -> records.forEach(r ->
                JobEvent.parse(r.value()).ifPresent(events::add)));
    }

    /** {@code "HH:mm:ss dimension key"}, the window given by its start. */
    static String label(ResultRow row) {
        return row.windowStart().toString().substring(11, 19) + " " + row.dimension() + " " + row.key();
    }

    static String label(Instant windowStart, String dimension, String key) {
        return windowStart.toString().substring(11, 19) + " " + dimension + " " + key;
    }

    Map<String, Long> counts() {
        return new TreeMap<>(latest);
    }

    /** {@link ItSettings#awaitWordCounts} on the word totals over all windows. */
    Map<String, Long> awaitWordTotals(Duration timeout, Map<String, Long> expected, String what) {
        return ItSettings.awaitWordCounts(timeout, this::counts, ItSettings::total, expected, what);
    }

    List<JobEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        results.close();
        metrics.close();
    }
}

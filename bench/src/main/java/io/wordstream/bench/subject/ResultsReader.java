package io.wordstream.bench.subject;

import io.wordstream.bench.measure.Count;
import io.wordstream.console.model.ResultRow;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Reads a results topic of wordstream's JSON rows (every system under test writes that format) from its beginning,
 * on a thread of its own, committed rows only ({@code read_committed}), and hands each row to a sink.
 */
final class ResultsReader implements AutoCloseable {
    private final TopicTail tail;

    ResultsReader(Properties kafka, String topic, ResultSink sink) {
        // A row is read the moment the broker has it, not after a fetch wait; a row of a transaction only once it
        // is committed, as a downstream reader of an exactly-once application reads (no effect on plain writes).
        this.tail = new TopicTail(kafka, Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), topic,
                TopicTail.From.BEGINNING, Duration.ofMillis(100), "bench-results-" + topic, value -> {
                    long now = System.nanoTime();
                    ResultRow.parse(value).ifPresent(row -> sink.accept(new Count(
                            row.windowStart().toEpochMilli(), row.dimension(), row.key(), row.count()), now));
                });
    }

    @Override
    public void close() {
        tail.close();
    }
}

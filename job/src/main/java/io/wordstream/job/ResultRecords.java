package io.wordstream.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes count rows as Kafka records: a JSON value such as <code>{"windowStart":"2026-11-23T19:30:10Z",
 * "windowEnd":"2026-11-23T19:30:20Z","dimension":"letter","key":"S","count":3}</code>
 * and a key naming (window, dimension, key), so that on a compacted topic, and for any reader, the latest value wins
 * even though the Kafka sink may write a row twice.
 */
public final class ResultRecords {
    // ISO-8601 in UTC whatever the session's time zone: readers parse it with Instant.parse.
    private static final Map<String, String> JSON_OPTIONS =
            Map.of("timestampFormat", "yyyy-MM-dd'T'HH:mm:ssXXX", "timeZone", "UTC");

    private ResultRecords() {
    }

    /** Columns {@code key} and {@code value}, as Spark's Kafka sink takes them. */
    public static Dataset<Row> toKafkaRecords(Dataset<Row> counts) {
        Column start = col(WordCounts.WINDOW_START).as("windowStart");
        Column end = col(WordCounts.WINDOW_END).as("windowEnd");
        Column dimension = col(WordCounts.DIMENSION).as("dimension");
        Column key = col(WordCounts.KEY).as("key");
        return counts.select(
                to_json(struct(start, end, dimension, key), JSON_OPTIONS).as("key"),
                to_json(struct(start, end, dimension, key, col(WordCounts.COUNT).as("count")), JSON_OPTIONS)
                        .as("value"));
    }
}

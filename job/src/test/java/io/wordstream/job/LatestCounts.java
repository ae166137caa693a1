package io.wordstream.job;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A test sink that keeps, like the console, the latest count per (window start, dimension, key), written as
 * {@code "HH:mm:ss dimension key"} keys for readable expectations.
 */
final class LatestCounts {
    private static final Map<String, Map<String, Long>> BY_SINK = new ConcurrentHashMap<>();

    private LatestCounts() {
    }

    static VoidFunction2<Dataset<Row>, Long> sink(String name) {
        BY_SINK.put(name, new ConcurrentHashMap<>());
        return (batch, batchId) -> {
            for (Row r : batch.collectAsList()) {
                BY_SINK.get(name).put(label(r), r.getLong(r.fieldIndex(WordCounts.COUNT)));
            }
        };
    }

    static Map<String, Long> of(String name) {
        return new TreeMap<>(BY_SINK.get(name));
    }

    static Map<String, Long> collect(Dataset<Row> counts) {
        Map<String, Long> m = new TreeMap<>();
        for (Row r : counts.collectAsList()) {
            m.put(label(r), r.getLong(r.fieldIndex(WordCounts.COUNT)));
        }
        return m;
    }

    private static String label(Row r) {
        String start = r.getTimestamp(r.fieldIndex(WordCounts.WINDOW_START)).toInstant().toString().substring(11, 19);
        return start + " " + r.getString(r.fieldIndex(WordCounts.DIMENSION)) + " "
                + r.getString(r.fieldIndex(WordCounts.KEY));
    }
}

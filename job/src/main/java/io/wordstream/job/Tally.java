package io.wordstream.job;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** How often one key occurred in a time slice, and the latest event time among its occurrences. */
final class Tally {
    private long latestMicros;
    private long occurrences;

    Tally(long firstMicros) {
        this.latestMicros = firstMicros;
    }

    void add(long micros) {
        occurrences++;
        latestMicros = Math.max(latestMicros, micros);
    }

    Row row(String dimension, String key) {
        return RowFactory.create(dimension, key, SliceCounter.timestamp(latestMicros), occurrences);
    }
}

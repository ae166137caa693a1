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

    /** The row of this tally, its event time the latest occurrence's rounded down to a multiple of {@code step}. */
    Row row(String dimension, String key, long stepMicros) {
        return RowFactory.create(dimension, key,
                SliceCounter.timestamp(Math.floorDiv(latestMicros, stepMicros) * stepMicros), occurrences);
    }
}

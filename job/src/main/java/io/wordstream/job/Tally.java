package io.wordstream.job;

import java.nio.charset.StandardCharsets;
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

    /**
     * The row of this tally ({@link WordCounts#ENTRY}): dimension and key in UTF-8, its event time in microseconds,
     * the latest occurrence's rounded down to a multiple of {@code step}, and its occurrences, both in decimal digits.
     */
    Row row(String dimension, String key, long stepMicros) {
        return RowFactory.create(dimension.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8),
                digits(Math.floorDiv(latestMicros, stepMicros) * stepMicros), digits(occurrences));
    }

    private static byte[] digits(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }
}

package io.wordstream.job;

import io.wordstream.common.DimensionRules;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Counts one partition's entries per (time slice, dimension, key), where a slice is a span of event time whose
 * records all belong to the same windows. Each output row carries the slice's latest event time, so the window it
 * falls in, the watermark computed from it, and the late-row check on the window's end are those of the records
 * themselves: the counts that come out of the windowed aggregation are unchanged, only cheaper to reach.
 */
final class SliceCounter implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final DimensionRules rules;
    private final long sliceMicros;

    SliceCounter(DimensionRules rules, long sliceMicros) {
        if (sliceMicros <= 0) {
            throw new IllegalArgumentException("a time slice must be positive, not " + sliceMicros + " µs");
        }
        this.rules = rules;
        this.sliceMicros = sliceMicros;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> sentences) {
        Map<Cell, Tally> tallies = new HashMap<>();
        while (sentences.hasNext()) {
            Row row = sentences.next();
            String text = row.getString(0);
            Timestamp time = row.getTimestamp(1);
            if (text == null || time == null) {
                continue;
            }
            long micros = micros(time);
            long slice = Math.floorDiv(micros, sliceMicros);
            for (DimensionRules.Entry e : rules.entries(text)) {
                tallies.computeIfAbsent(new Cell(slice, e.dimension(), e.key()), c -> new Tally(time, micros))
                        .add(time, micros);
            }
        }
        List<Row> out = new ArrayList<>(tallies.size());
        tallies.forEach((cell, tally) ->
                out.add(RowFactory.create(cell.dimension(), cell.key(), tally.latest, tally.occurrences)));
        return out.iterator();
    }

    /** Microseconds since the epoch, as Spark stores a timestamp. */
    static long micros(Timestamp t) {
        return Math.multiplyExact(t.getTime(), 1000L) + (t.getNanos() / 1000) % 1000;
    }

    private record Cell(long slice, String dimension, String key) {
    }

    private static final class Tally {
        private Timestamp latest;
        private long latestMicros;
        private long occurrences;

        Tally(Timestamp first, long firstMicros) {
            this.latest = first;
            this.latestMicros = firstMicros;
        }

        void add(Timestamp time, long micros) {
            occurrences++;
            if (micros > latestMicros) {
                latest = time;
                latestMicros = micros;
            }
        }
    }
}

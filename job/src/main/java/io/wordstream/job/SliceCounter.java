package io.wordstream.job;

import io.wordstream.common.Dimension;
import io.wordstream.common.DimensionRules;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * Counts one partition's entries per (time slice, dimension, key), where a slice is a span of event time whose
 * records all belong to the same windows. Each output row carries the slice's latest event time rounded down to a
 * watermark step that divides the slice, the window and the watermark delay ({@link WordCounts#watermarkStepMicros}):
 * the row stays in its slice's windows, and a window's end plus the delay is a multiple of the step, so the watermark
 * passes it at the same record as with the exact times. Windows, late rows and eviction are those of the records
 * themselves; the watermark only moves once per step instead of with every batch, and Spark, which writes it into
 * the generated code of its eviction check, compiles that code once per step instead of in every batch.
 */
final class SliceCounter implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final DimensionRules rules;
    private final long sliceMicros;
    private final long stepMicros;

    SliceCounter(DimensionRules rules, long sliceMicros, long stepMicros) {
        if (sliceMicros <= 0) {
            throw new IllegalArgumentException("a time slice must be positive, not " + sliceMicros + " µs");
        }
        if (stepMicros <= 0 || sliceMicros % stepMicros != 0) {
            throw new IllegalArgumentException("a watermark step must divide the slice of " + sliceMicros + " µs, not "
                    + stepMicros + " µs");
        }
        this.rules = rules;
        this.sliceMicros = sliceMicros;
        this.stepMicros = stepMicros;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> sentences) {
        Map<Long, SliceTallies> slices = new HashMap<>();
        long currentSlice = Long.MIN_VALUE;
        SliceTallies current = null;
        while (sentences.hasNext()) {
            Row row = sentences.next();
            // The sentence comes as the UTF-8 bytes Spark holds it in: an ASCII one is counted without being decoded.
            // Event time comes as Spark's own microseconds (in eight bytes, WordCounts says why): a java.sql.Timestamp
            // per sentence, with the calendar rebase and time-zone lookup Spark does to make one, cost 8% of this loop.
            if (row.isNullAt(0) || row.isNullAt(1)) {
                continue;
            }
            byte[] text = (byte[]) row.get(0);
            long micros = bigEndianLong((byte[]) row.get(1));
            long slice = Math.floorDiv(micros, sliceMicros);
            if (current == null || slice != currentSlice) {
                current = slices.computeIfAbsent(slice, s -> new SliceTallies(rules));
                currentSlice = slice;
            }
            current.at(micros);
            if (!rules.forEachAsciiWord(text, current)) {
                rules.forEachWord(new String(text, StandardCharsets.UTF_8), current);
            }
        }
        List<Row> out = new ArrayList<>();
        slices.values().forEach(tallies -> tallies.emit(rules, stepMicros, out));
        return out.iterator();
    }

    /** The long whose eight big-endian bytes these are, as Spark casts a long to binary. */
    static long bigEndianLong(byte[] bytes) {
        if (bytes.length != Long.BYTES) {
            throw new IllegalArgumentException("an event time takes 8 bytes, not " + bytes.length);
        }
        return ByteBuffer.wrap(bytes).getLong();
    }

    /**
     * One slice's tallies: words in a table that finds them by bytes or by text, letters and lengths in arrays by key
     * index (a handful of keys asked for every word). Visited with each sentence's words after {@link #at} set its
     * time.
     */
    private static final class SliceTallies implements DimensionRules.WordVisitor, DimensionRules.AsciiWordVisitor {
        private final WordTallies words = new WordTallies();
        private final Tally[] letters;
        private final Tally[] lengths;
        private long micros;

        SliceTallies(DimensionRules rules) {
            letters = new Tally[rules.letterKeyCount()];
            lengths = new Tally[rules.lengthKeyCount()];
        }

        void at(long sentenceMicros) {
            micros = sentenceMicros;
        }

        @Override
        public void word(String word, int letterIndex, int lengthIndex) {
            words.get(word, micros).add(micros);
            addKeys(letterIndex, lengthIndex);
        }

        @Override
        public void word(byte[] text, int start, int length, int hash, int letterIndex, int lengthIndex) {
            words.get(text, start, length, hash, micros).add(micros);
            addKeys(letterIndex, lengthIndex);
        }

        private void addKeys(int letterIndex, int lengthIndex) {
            if (letterIndex >= 0) {
                add(letters, letterIndex);
            }
            if (lengthIndex >= 0) {
                add(lengths, lengthIndex);
            }
        }

        private void add(Tally[] tallies, int index) {
            if (tallies[index] == null) {
                tallies[index] = new Tally(micros);
            }
            tallies[index].add(micros);
        }

        void emit(DimensionRules rules, long stepMicros, List<Row> out) {
            words.forEach((word, tally) -> out.add(tally.row(Dimension.WORD.id(), word, stepMicros)));
            for (int i = 0; i < letters.length; i++) {
                if (letters[i] != null) {
                    out.add(letters[i].row(Dimension.LETTER.id(), rules.letterKey(i), stepMicros));
                }
            }
            for (int i = 0; i < lengths.length; i++) {
                if (lengths[i] != null) {
                    out.add(lengths[i].row(Dimension.LENGTH.id(), rules.lengthKey(i), stepMicros));
                }
            }
        }
    }
}

package io.wordstream.job;

import static io.wordstream.job.LocalSpark.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wordstream.common.DimensionRules;
import io.wordstream.common.PipelineSettings;
import io.wordstream.common.TokenizerMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class SliceCounterTest {
    private static final long TEN_SECONDS = Duration.ofSeconds(10).toNanos() / 1000;

    /** A step of one microsecond keeps each row's latest event time as it was. */
    private final SliceCounter counter = new SliceCounter(new DimensionRules(PipelineSettings.defaults()),
            TEN_SECONDS, 1);

    /** "dimension key" to (occurrences, latest event time) for each row of the slice starting at the given second. */
    private Map<String, String> slice(int startSecond, List<Row> out) {
        Map<String, String> m = new TreeMap<>();
        for (Row r : out) {
            long latest = number(r, 2);
            if (Math.floorDiv(latest, TEN_SECONDS) == Math.floorDiv(micros(at(startSecond)), TEN_SECONDS)) {
                Instant time = Instant.EPOCH.plus(latest, ChronoUnit.MICROS);
                m.put(text(r, 0) + " " + text(r, 1), number(r, 3) + " @" + time);
            }
        }
        return m;
    }

    private List<Row> run(Object... textThenSecond) {
        List<Row> in = new ArrayList<>();
        for (int i = 0; i < textThenSecond.length; i += 2) {
            String text = (String) textThenSecond[i];
            in.add(RowFactory.create(text == null ? null : text.getBytes(StandardCharsets.UTF_8),
                    textThenSecond[i + 1] == null ? null : bytes(micros(at((Integer) textThenSecond[i + 1])))));
        }
        List<Row> out = new ArrayList<>();
        counter.call(in.iterator()).forEachRemaining(out::add);
        return out;
    }

    @Test
    void entriesOfOneSliceBecomeOneRowPerKeyWithTheirNumberAndTheLatestEventTime() {
        List<Row> out = run("spark reads", 3, "spark", 7, "spark", 12);
        assertEquals(Map.of(
                "word spark", "2 @" + at(7).toInstant(),
                "word reads", "1 @" + at(3).toInstant(),
                "letter S", "2 @" + at(7).toInstant(),
                "letter R", "1 @" + at(3).toInstant()), slice(0, out));
        assertEquals(Map.of(
                "word spark", "1 @" + at(12).toInstant(),
                "letter S", "1 @" + at(12).toInstant()), slice(10, out));
        assertEquals(6, out.size());
    }

    @Test
    void aSliceThatComesBackAfterAnotherKeepsCountingIntoItsOwnTallies() {
        List<Row> out = run("stream", 1, "stream", 11, "stream rocks", 2);
        assertEquals(Map.of(
                "word stream", "2 @" + at(2).toInstant(),
                "word rocks", "1 @" + at(2).toInstant(),
                "letter S", "2 @" + at(2).toInstant(),
                "letter R", "1 @" + at(2).toInstant(),
                "length 6", "2 @" + at(2).toInstant()), slice(0, out));
        assertEquals(Map.of(
                "word stream", "1 @" + at(11).toInstant(),
                "letter S", "1 @" + at(11).toInstant(),
                "length 6", "1 @" + at(11).toInstant()), slice(10, out));
        assertEquals(8, out.size());
    }

    @Test
    void aWordCountsAsOneKeyWhetherItsSentenceIsAsciiOrNot() {
        List<Row> out = run("Spark reads", 1, "spark lê état", 2, "SPARK", 3);
        assertEquals(Map.of(
                "word spark", "3 @" + at(3).toInstant(),
                "word reads", "1 @" + at(1).toInstant(),
                "word lê", "1 @" + at(2).toInstant(),
                "word état", "1 @" + at(2).toInstant(),
                "letter S", "3 @" + at(3).toInstant(),
                "letter R", "1 @" + at(1).toInstant()), slice(0, out));
        assertEquals(6, out.size());
    }

    @Test
    void recordsWithoutTextOrTimeAreSkippedAndTheRestCounted() {
        List<Row> out = run(null, 1, "spark", null, "spark", 2);
        assertEquals(Map.of("word spark", "1 @" + at(2).toInstant(), "letter S", "1 @" + at(2).toInstant()),
                slice(0, out));
        assertEquals(2, out.size());
    }

    @Test
    void sliceOfTheWindowAndSlideIsTheirGreatestCommonDivisor() {
        assertEquals(TEN_SECONDS, WordCounts.sliceMicros(PipelineSettings.defaults()));
        PipelineSettings uneven = new PipelineSettings(Duration.ofSeconds(10), Duration.ofSeconds(4),
                Duration.ofSeconds(10), List.of("S"), List.of(6), TokenizerMode.UNICODE,
                "resumo");
        assertEquals(2_000_000L, WordCounts.sliceMicros(uneven));
    }

    @Test
    void aSliceMustBePositive() {
        assertThrows(IllegalArgumentException.class,
                () -> new SliceCounter(new DimensionRules(PipelineSettings.defaults()), 0, 1));
    }

    @Test
    void aWatermarkStepMustDivideTheSlice() {
        DimensionRules rules = new DimensionRules(PipelineSettings.defaults());
        assertThrows(IllegalArgumentException.class, () -> new SliceCounter(rules, TEN_SECONDS, 3_000_000L));
        assertThrows(IllegalArgumentException.class, () -> new SliceCounter(rules, TEN_SECONDS, 0));
    }

    @Test
    void eachRowsTimeIsItsLatestEventRoundedDownToTheStepInsideItsOwnSlice() {
        SliceCounter stepped = new SliceCounter(new DimensionRules(PipelineSettings.defaults()), TEN_SECONDS,
                TEN_SECONDS / 2);
        List<Row> out = new ArrayList<>();
        stepped.call(List.of(sentence("spark", 3), sentence("spark", 7), sentence("spark", 12)).iterator())
                .forEachRemaining(out::add);
        Map<Long, Long> occurrencesByTime = new TreeMap<>();
        for (Row r : out) {
            if (text(r, 1).equals("spark")) {
                occurrencesByTime.put(number(r, 2), number(r, 3));
            }
        }
        assertEquals(Map.of(micros(at(5)), 2L, micros(at(10)), 1L), occurrencesByTime);
    }

    @Test
    void theWatermarkStepDividesTheSliceAndTheDelay() {
        assertEquals(TEN_SECONDS, WordCounts.watermarkStepMicros(PipelineSettings.defaults()));
        assertEquals(5_000_000L, WordCounts.watermarkStepMicros(settings(10, 10, 5)));
        assertEquals(TEN_SECONDS, WordCounts.watermarkStepMicros(settings(10, 10, 0)));
        assertEquals(1_000_000L, WordCounts.watermarkStepMicros(settings(10, 4, 3)));
    }

    private static PipelineSettings settings(int window, int slide, int watermark) {
        return new PipelineSettings(Duration.ofSeconds(window), Duration.ofSeconds(slide),
                Duration.ofSeconds(watermark), List.of("S"), List.of(6), TokenizerMode.UNICODE, "resumo");
    }

    private static Row sentence(String text, int second) {
        return RowFactory.create(text.getBytes(StandardCharsets.UTF_8), bytes(micros(at(second))));
    }

    /** Microseconds as the job hands them to the counter: Spark's cast of a long to binary, big-endian. */
    private static byte[] bytes(long micros) {
        return ByteBuffer.allocate(Long.BYTES).putLong(micros).array();
    }

    @Test
    void eightBigEndianBytesAreTheirLongAgain() {
        for (long micros : new long[] {0, 1, 255, 256, 1_764_000_000_123_456L, -1, -1_500_001, Long.MIN_VALUE}) {
            assertEquals(micros, SliceCounter.bigEndianLong(bytes(micros)), Long.toString(micros));
        }
        assertThrows(IllegalArgumentException.class, () -> SliceCounter.bigEndianLong(new byte[4]));
    }

    /** A row's dimension or key, which the counter gives as UTF-8 bytes. */
    private static String text(Row r, int field) {
        return new String((byte[]) r.get(field), StandardCharsets.UTF_8);
    }

    /** A row's event time or occurrences, which the counter gives as decimal digits. */
    private static long number(Row r, int field) {
        return Long.parseLong(text(r, field));
    }

    /** Microseconds since the epoch, as Spark stores a timestamp: what the job hands the counter. */
    private static long micros(Timestamp t) {
        return Math.multiplyExact(t.getTime(), 1000L) + (t.getNanos() / 1000) % 1000;
    }
}

package io.wordstream.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.common.DimensionRules;
import io.wordstream.common.PipelineSettings;
import io.wordstream.common.TokenizerMode;
import io.wordstream.job.StreamedJob.KafkaRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The job's counts, pre-count and time slices included, against a plain explode and groupBy per window over the same
 * random Unicode text, in sliding windows whose slide does not divide the window (the slices are then shorter than
 * the slide). Both sides tokenize with the same rules, so this checks the counting, not the tokenizer.
 */
class DefaultTokenizerDifferentialTest {
    /** Fixed so a failure can be replayed; {@code -Ddifferential.seed=N} tries another. */
    private static final long SEED = Long.getLong("differential.seed", 20_261_129L);

    /** Code points by kind: ASCII letters, ASCII letters and digits, ASCII separators, then the rest of Unicode. */
    private static final int[][] KINDS = {
        "abcdefghijklmnopqrstuvwxyzSPR".codePoints().toArray(),
        "ABCDEFGHIJKLMNOPQRSTUVWXYZspr0123456789".codePoints().toArray(),
        " \t\n.,;:!?()\"'-/".codePoints().toArray(),
        "àáâãäçèéêëìíîïñòóôõöùúûüÿßÉÀÇİıΣσςΩωЖжЯя’‐‑\u0301\u0308٣東京語".codePoints().toArray(),
        {0x1F600, 0x1F44D, 0x1F3FD, 0x200D, 0xFE0F, 0x1D4AE, 0x10400, 0x10428, 0x1F1E7, 0x1F1F7, 0x00A0, 0x2003},
    };

    private final Random random = new Random(SEED);

    @Test
    void theJobsCountsEqualAPlainAggregationOfTheSameWords() throws Exception {
        List<KafkaRecord> records = new ArrayList<>();
        while (records.size() < 3000) {
            String text = sentence(records.size() % 2 == 0);
            // Blank values carry no sentence: the job counts them as rejected, so they are left out of both sides.
            if (!text.isBlank()) {
                records.add(new KafkaRecord(text, StreamedJob.micros(random.nextLong(60_000_000L))));
            }
        }
        records.add(new KafkaRecord("Sp" + "a".repeat(DimensionRules.MAX_WORD_LENGTH) + " long",
                StreamedJob.micros(30_000_000L)));
        PipelineSettings settings = new PipelineSettings(Duration.ofSeconds(10), Duration.ofSeconds(4),
                Duration.ofSeconds(10), List.of("S", "p", "É", "Ж", "𝒮"), List.of(1, 2, 6, 8, 11, 10_002),
                TokenizerMode.UNICODE, "resumo");

        Map<String, Long> naive = LatestCounts.collect(naive(StreamedJob.kafkaTable(records), settings));
        Map<String, Long> job = StreamedJob.latestCounts("default-differential", records, 2, settings);

        assertTrue(naive.keySet().stream().anyMatch(k -> k.startsWith("19:29:52 ")), "a window before T0 has counts");
        assertTrue(naive.keySet().stream().anyMatch(k -> k.contains(" letter Ж")), "a Cyrillic letter was counted");
        assertTrue(naive.keySet().stream().anyMatch(k -> k.contains(" length 10002")), "the long word was counted");
        assertEquals("", StreamedJob.differences(naive, job, 20), "seed " + SEED);
    }

    /** Each sentence's (dimension, key) entries exploded into rows and counted per window, nothing more. */
    private static Dataset<Row> naive(Dataset<Row> kafka, PipelineSettings settings) {
        StructType entry = new StructType()
                .add(WordCounts.DIMENSION, DataTypes.StringType)
                .add(WordCounts.KEY, DataTypes.StringType);
        UserDefinedFunction entries = udf(new Entries(new DimensionRules(settings)), DataTypes.createArrayType(entry));
        return kafka
                .select(explode(entries.apply(col("value").cast(DataTypes.StringType))).as("e"), col("timestamp"))
                .groupBy(window(col("timestamp"), "10 seconds", "4 seconds"), col("e.dimension"), col("e.key"))
                .count()
                .select(col("window.start").as(WordCounts.WINDOW_START), col(WordCounts.DIMENSION),
                        col(WordCounts.KEY), col("count").as(WordCounts.COUNT));
    }

    /** The UDF: a sentence's entries as rows of (dimension, key). */
    private static final class Entries implements UDF1<String, List<Row>> {
        private static final long serialVersionUID = 1L;
        private final DimensionRules rules;

        Entries(DimensionRules rules) {
            this.rules = rules;
        }

        @Override
        public List<Row> call(String sentence) {
            List<Row> rows = new ArrayList<>();
            rules.entries(sentence).forEach(e -> rows.add(RowFactory.create(e.dimension(), e.key())));
            return rows;
        }
    }

    /** Random text; an ASCII sentence takes the job's byte path, any other its text path. */
    private String sentence(boolean ascii) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(80);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(ascii ? 3 : KINDS.length);
            s.appendCodePoint(KINDS[kind][random.nextInt(KINDS[kind].length)]);
        }
        return s.toString();
    }
}

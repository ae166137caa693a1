package io.wordstream.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordstream.common.PipelineSettings;
import io.wordstream.common.TokenizerMode;
import io.wordstream.job.StreamedJob.KafkaRecord;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/**
 * {@code --tokenizer seed} against the original project's own Spark expressions over the same random records: every
 * word, first letter and length count of every window must be equal, the empty words of double, leading and trailing
 * spaces included.
 */
class SeedTokenizerDifferentialTest {
    /** Fixed so a failure can be replayed; {@code -Ddifferential.seed=N} tries another. */
    private static final long SEED = Long.getLong("differential.seed", 20_261_129L);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String[] TOKENS = {
        "Spark", "spark", "SPARK", "Python", "python", "Rust", "Programming", "programming", "software", "Software",
        "Streaming", "Résumé", "résumé", "État", "Über", "naïve", "Ωmega", "Σίσυφος", "東京", "😀", "👍🏽", "🇧🇷",
        "e\u0301tude", "𝒮cript", "Sp😀rk", "S", "P", "R", "s", "Prática", "Rápido", "ação", "can't", "state-of-the-art",
        "e-mail,", "(paren)", "\"quoted\"", "tab\there", "x\ty\t", "Ñandú", "Reliable", "\u00a0nbsp", "new\nline",
    };
    /** Characters of made-up tokens: the three letters in both cases, accents, emoji, a lone combining mark. */
    private static final int[] ALPHABET = "SPRsprAaÉéß😀𝒮\u0301-'\t.,東Ω".codePoints().toArray();
    private static final String[] SEPARATORS = {" ", " ", " ", " ", " ", " ", "  ", "  ", "   ", "\t", " \t "};
    /** Values of the original's format that are not plain strings, or carry no sentence at all. */
    private static final String[] ODD_VALUES = {
        "{\"resumo\": \"\"}", "{\"resumo\": \" \"}", "{\"resumo\": \"   \"}", "{\"resumo\": null}", "{}",
        "{\"other\": \"Spark Python\"}", "{\"resumo\": 42}", "{\"resumo\": 123456}", "{\"resumo\": -7.5}",
        "{\"resumo\": true}", "{\"resumo\": [\"Spark  Python\", 1]}", "{\"resumo\": {\"a\": \"Rápido software\"}}",
        "{\"resumo\": \"S\", \"resumo\": \"Python programming\"}", "{\"resumo\": ", "  ",
        "{\"resumo\": 12345678901234567890}",
    };

    private final Random random = new Random(SEED);

    @Test
    void seedCountsEqualTheOriginalsExpressionsInEveryWindow() throws Exception {
        List<KafkaRecord> records = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            records.add(new KafkaRecord(JSON.createObjectNode().put("resumo", sentence()).toString(), time()));
        }
        for (int i = 0; i < 4; i++) {
            for (String odd : ODD_VALUES) {
                records.add(new KafkaRecord(odd, time()));
            }
        }
        PipelineSettings d = PipelineSettings.defaults();
        PipelineSettings seed = new PipelineSettings(d.window(), d.slide(), d.watermark(), List.of("S", "P", "R"),
                List.of(6, 8, 11), TokenizerMode.SEED, "resumo");

        Map<String, Long> original = LatestCounts.collect(original(StreamedJob.kafkaTable(records)));
        Map<String, Long> job = StreamedJob.latestCounts("seed-differential", records, 2, seed);

        assertTrue(original.keySet().stream().anyMatch(k -> k.endsWith(" word ")), "the text has empty words");
        assertTrue(original.keySet().stream().anyMatch(k -> k.contains(" letter ")), "letters were counted");
        assertTrue(original.keySet().stream().anyMatch(k -> k.contains(" length 11")), "lengths were counted");
        assertEquals("", StreamedJob.differences(original, job, 20), "seed " + SEED);
    }

    /** The original's Kafka job, expression for expression, as a batch over the same records and windows. */
    private static Dataset<Row> original(Dataset<Row> kafka) {
        Dataset<Row> words = kafka
                .select(expr("from_json(CAST(value AS STRING), 'resumo STRING')").as("json"), col("timestamp"))
                .select(expr("explode(split(json.resumo, ' '))").as("word"), col("timestamp"));
        Column byWindow = window(col("timestamp"), "10 seconds");
        Dataset<Row> perWord = words.groupBy(byWindow, col("word").as("key")).count();
        Dataset<Row> perLetter = words.select(expr("substr(word, 1, 1)").as("letter"), col("timestamp"))
                .where(col("letter").rlike("^[SPR]"))
                .groupBy(byWindow, col("letter").as("key")).count();
        Dataset<Row> perLength = words.select(length(col("word")).as("length"), col("timestamp"))
                .where(col("length").isin(6, 8, 11))
                .groupBy(byWindow, col("length").cast(DataTypes.StringType).as("key")).count();
        return shaped(perWord, "word").union(shaped(perLetter, "letter")).union(shaped(perLength, "length"));
    }

    private static Dataset<Row> shaped(Dataset<Row> counts, String dimension) {
        return counts.select(col("window.start").as(WordCounts.WINDOW_START), lit(dimension).as(WordCounts.DIMENSION),
                col("key").as(WordCounts.KEY), col("count").as(WordCounts.COUNT));
    }

    /** Random tokens joined by single, double and triple spaces and tabs, often with leading or trailing spaces. */
    private String sentence() {
        StringBuilder s = new StringBuilder(" ".repeat(random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0));
        int tokens = random.nextInt(13);
        for (int i = 0; i < tokens; i++) {
            if (i > 0) {
                s.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
            s.append(random.nextBoolean() ? TOKENS[random.nextInt(TOKENS.length)] : madeUpToken());
        }
        return s.append(" ".repeat(random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0)).toString();
    }

    private String madeUpToken() {
        StringBuilder t = new StringBuilder();
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            t.appendCodePoint(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return t.toString();
    }

    /** An event time in the minute after {@link LocalSpark#T0}, to the microsecond. */
    private Timestamp time() {
        return StreamedJob.micros(random.nextLong(60_000_000L));
    }
}

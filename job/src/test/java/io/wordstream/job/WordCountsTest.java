package io.wordstream.job;

import static io.wordstream.job.LocalSpark.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.common.PipelineSettings;
import io.wordstream.common.TokenizerMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.MemoryStream;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

class WordCountsTest {
    private static final StructType SENTENCES = new StructType()
            .add(WordCounts.TEXT, DataTypes.StringType)
            .add(WordCounts.TIMESTAMP, DataTypes.TimestampType);

    private final SparkSession spark = LocalSpark.session();

    private Dataset<Row> sentences(Object... textThenSecond) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < textThenSecond.length; i += 2) {
            rows.add(RowFactory.create(textThenSecond[i], at((Integer) textThenSecond[i + 1])));
        }
        return spark.createDataFrame(rows, SENTENCES);
    }

    @Test
    void countsEveryDimensionPerTumblingWindow() {
        Dataset<Row> input = sentences(
                "Spark streams words", 1,
                "Python reads spark", 4,
                "Kafka stores records, Spark reads records", 12,
                "Programming reliable software", 15);

        Map<String, Long> expected = new TreeMap<>();
        // 19:30:00-19:30:10
        expected.put("19:30:00 word spark", 2L);
        expected.put("19:30:00 word streams", 1L);
        expected.put("19:30:00 word words", 1L);
        expected.put("19:30:00 word python", 1L);
        expected.put("19:30:00 word reads", 1L);
        expected.put("19:30:00 letter S", 3L);
        expected.put("19:30:00 letter P", 1L);
        expected.put("19:30:00 letter R", 1L);
        expected.put("19:30:00 length 6", 1L);
        // 19:30:10-19:30:20
        expected.put("19:30:10 word kafka", 1L);
        expected.put("19:30:10 word stores", 1L);
        expected.put("19:30:10 word records", 2L);
        expected.put("19:30:10 word spark", 1L);
        expected.put("19:30:10 word reads", 1L);
        expected.put("19:30:10 word programming", 1L);
        expected.put("19:30:10 word reliable", 1L);
        expected.put("19:30:10 word software", 1L);
        expected.put("19:30:10 letter S", 3L);
        expected.put("19:30:10 letter R", 4L);
        expected.put("19:30:10 letter P", 1L);
        expected.put("19:30:10 length 6", 1L);
        expected.put("19:30:10 length 8", 2L);
        expected.put("19:30:10 length 11", 1L);

        assertEquals(expected, LatestCounts.collect(WordCounts.count(input, PipelineSettings.defaults())));
    }

    @Test
    void windowEndIsStartPlusWindowLength() {
        Row row = WordCounts.count(sentences("one", 3), PipelineSettings.defaults()).collectAsList().get(0);
        assertEquals(at(0), row.getTimestamp(0));
        assertEquals(at(10), row.getTimestamp(1));
    }

    @Test
    void slidingWindowsCountARecordInEveryWindowThatCoversIt() {
        PipelineSettings sliding = new PipelineSettings(Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofSeconds(10), List.of("S"), List.of(5), TokenizerMode.UNICODE, "resumo");
        Map<String, Long> expected = new TreeMap<>(Map.of(
                "19:30:00 word spark", 1L, "19:30:05 word spark", 1L,
                "19:30:00 letter S", 1L, "19:30:05 letter S", 1L,
                "19:30:00 length 5", 1L, "19:30:05 length 5", 1L));
        assertEquals(expected, LatestCounts.collect(WordCounts.count(sentences("spark", 7), sliding)));
    }

    @Test
    void aSlideThatDoesNotDivideTheWindowStillPutsEachRecordInExactlyTheWindowsCoveringIt() {
        // Windows of 10 s every 4 s start at ..., -8, -4, 0, 4, 8 s: 1 s lies in three, 3 s in two, 9 s in three.
        PipelineSettings uneven = new PipelineSettings(Duration.ofSeconds(10), Duration.ofSeconds(4),
                Duration.ofSeconds(10), List.of("X"), List.of(1), TokenizerMode.UNICODE, "resumo");
        Map<String, Long> expected = new TreeMap<>(Map.of(
                "19:29:52 word spark", 1L, "19:29:56 word spark", 2L, "19:30:00 word spark", 3L,
                "19:30:04 word spark", 1L, "19:30:08 word spark", 1L));
        assertEquals(expected, LatestCounts.collect(WordCounts.count(
                sentences("spark", 1, "spark", 3, "spark", 9), uneven)));
    }

    @Test
    void seedTokenizerKeepsCaseMatchesLettersExactlyAndCountsTheEmptyWordOfADoubleSpace() {
        PipelineSettings seed = new PipelineSettings(Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(10), List.of("S", "P", "R"), List.of(6), TokenizerMode.SEED, "resumo");
        Map<String, Long> expected = new TreeMap<>(Map.of(
                "19:30:00 word Spark", 1L, "19:30:00 word ", 1L, "19:30:00 word spark,", 1L, "19:30:00 word Python", 1L,
                "19:30:00 letter S", 1L, "19:30:00 letter P", 1L,
                "19:30:00 length 6", 2L));
        assertEquals(expected, LatestCounts.collect(WordCounts.count(sentences("Spark  spark, Python", 2), seed)));
    }

    @Test
    void aLateRecordIsDroppedOnceTheWatermarkHasPassedItsWindow() throws Exception {
        MemoryStream<Tuple2<String, Timestamp>> stream = sentenceStream();
        StreamingQuery query = countInUpdateMode(stream, PipelineSettings.defaults(), "late");
        try {
            LocalSpark.add(stream, new Tuple2<>("alpha", at(1)), new Tuple2<>("beta", at(12)));
            query.processAllAvailable();
            // Max event time 25 s and a 10 s watermark: the window 19:30:00-19:30:10 is closed from here on.
            LocalSpark.add(stream, new Tuple2<>("gamma", at(25)));
            query.processAllAvailable();
            LocalSpark.add(stream, new Tuple2<>("alpha", at(3)), new Tuple2<>("delta", at(26)));
            query.processAllAvailable();

            Map<String, Long> counts = LatestCounts.of("late");
            assertEquals(1L, counts.get("19:30:00 word alpha"), "the late alpha must not be counted");
            assertEquals(1L, counts.get("19:30:20 word delta"), "the on-time record of the same batch is counted");
            long dropped = 0;
            for (StreamingQueryProgress p : query.recentProgress()) {
                for (StateOperatorProgress op : p.stateOperators()) {
                    dropped += op.numRowsDroppedByWatermark();
                }
            }
            assertEquals(1, dropped, "one entry (word alpha) was dropped by the watermark");
        } finally {
            query.stop();
        }
    }

    @Test
    void aWindowClosesAtTheSameRecordAsWithTheExactEventTimes() throws Exception {
        // A 5 s delay: the watermark steps by 5 s, and a window of 0-10 s closes once an event at 15 s or later is in.
        PipelineSettings settings = new PipelineSettings(Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(5), List.of("S"), List.of(6), TokenizerMode.UNICODE, "resumo");
        MemoryStream<Tuple2<String, Timestamp>> stream = sentenceStream();
        StreamingQuery query = countInUpdateMode(stream, settings, "step");
        try {
            LocalSpark.add(stream, new Tuple2<>("alpha", at(1)), new Tuple2<>("beta", millisAfter(at(14), 500)));
            query.processAllAvailable();
            LocalSpark.add(stream, new Tuple2<>("alpha", at(3)));
            query.processAllAvailable();
            assertEquals(2L, LatestCounts.of("step").get("19:30:00 word alpha"),
                    "at 14.5 s the watermark (9.5 s) has not passed the window's end");
            LocalSpark.add(stream, new Tuple2<>("gamma", millisAfter(at(15), 500)));
            query.processAllAvailable();
            LocalSpark.add(stream, new Tuple2<>("alpha", at(4)));
            query.processAllAvailable();
            assertEquals(2L, LatestCounts.of("step").get("19:30:00 word alpha"),
                    "at 15.5 s the watermark (10.5 s) has passed the window's end: the late alpha is dropped");
            assertEquals(1L, LatestCounts.of("step").get("19:30:10 word gamma"));
        } finally {
            query.stop();
        }
    }

    @Test
    void withOneStatePartitionABatchRunsWithoutAShuffleAndCountsTheSame() throws Exception {
        SparkSession onePartition = spark.newSession();
        onePartition.conf().set("spark.sql.shuffle.partitions", "1");
        Map<String, String> plans = new TreeMap<>();
        for (boolean oneStage : List.of(true, false)) {
            String sink = "one-stage-" + oneStage;
            // Two input partitions, as the job's input topic has: the one-stage plan reads both in its one task.
            MemoryStream<Tuple2<String, Timestamp>> stream = LocalSpark.twoPartitionSentences(onePartition);
            Dataset<Row> input = stream.toDF().toDF(WordCounts.TEXT, WordCounts.TIMESTAMP);
            StreamingQuery query = WordCounts.count(input, PipelineSettings.defaults(), oneStage)
                    .writeStream().outputMode(OutputMode.Update()).foreachBatch(LatestCounts.sink(sink)).start();
            try {
                LocalSpark.add(stream, new Tuple2<>("Spark streams words", at(1)),
                        new Tuple2<>("spark reads records", at(2)), new Tuple2<>("Spark again", at(12)));
                query.processAllAvailable();
                LocalSpark.add(stream, new Tuple2<>("spark", at(3)), new Tuple2<>("records", at(13)));
                query.processAllAvailable();
                Map<String, Long> counts = LatestCounts.of(sink);
                assertEquals(3L, counts.get("19:30:00 word spark"), sink);
                assertEquals(1L, counts.get("19:30:10 word spark"), sink);
                assertEquals(1L, counts.get("19:30:10 word records"), sink);
                assertEquals(4L, counts.get("19:30:00 letter S"), sink);
                assertEquals(2L, counts.get("19:30:00 letter R"), sink);
                assertEquals(12, counts.size(), sink + ": " + counts);
                plans.put(sink, LocalSpark.executedPlan(query));
            } finally {
                query.stop();
            }
        }
        assertEquals(LatestCounts.of("one-stage-false"), LatestCounts.of("one-stage-true"));
        assertTrue(!plans.get("one-stage-true").contains("Exchange"), plans.get("one-stage-true"));
        assertTrue(plans.get("one-stage-true").contains("Coalesce 1"), plans.get("one-stage-true"));
        assertTrue(plans.get("one-stage-false").contains("Exchange hashpartitioning"), plans.get("one-stage-false"));
    }

    private MemoryStream<Tuple2<String, Timestamp>> sentenceStream() {
        return MemoryStream.apply(Encoders.tuple(Encoders.STRING(), Encoders.TIMESTAMP()), spark.sqlContext());
    }

    /** The job's counting over {@code stream}, in Update mode as the job runs it, into {@link LatestCounts}. */
    private static StreamingQuery countInUpdateMode(MemoryStream<Tuple2<String, Timestamp>> stream,
                                                    PipelineSettings settings, String sink) throws TimeoutException {
        Dataset<Row> input = stream.toDF().toDF(WordCounts.TEXT, WordCounts.TIMESTAMP);
        return WordCounts.count(input, settings)
                .writeStream()
                .outputMode(OutputMode.Update())
                .foreachBatch(LatestCounts.sink(sink))
                .start();
    }

    private static Timestamp millisAfter(Timestamp t, long millis) {
        return new Timestamp(t.getTime() + millis);
    }
}

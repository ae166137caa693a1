package io.wordstream.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.window;

import io.wordstream.common.Durations;
import io.wordstream.common.JobConfig;
import io.wordstream.common.PipelineSettings;
import io.wordstream.common.Tokenizer;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The original project's design, kept only as the benchmark's baseline: the three counts as three separate
 * streaming queries, each reading the input topic itself and writing its whole result table in Complete mode at
 * every batch. Words come from the same tokenizer as {@link WordCounts}; first letters and lengths are SQL
 * expressions, as the original had them, which agree with wordstream's rules on the benchmark's text (the benchmark
 * checks every total against what it sent). It gets the same Spark settings and Kafka source options, so the
 * benchmark compares designs, not tokenizers or configuration. Not part of the product.
 */
public final class OriginalDesignJob {
    private static final StructType WORD = new StructType()
            .add("word", DataTypes.StringType, false)
            .add(WordCounts.TIMESTAMP, DataTypes.TimestampType, false);

    private OriginalDesignJob() {
    }

    public static void main(String[] args) throws Exception {
        JobConfig config = JobConfig.fromArgs(args);
        SparkSession spark = SparkSession.builder().appName("wordstream-original-design").getOrCreate();
        WordStreamJob.applyDefaults(spark.conf());
        KafkaClientConfig kafka = new KafkaClientConfig(config);
        PipelineSettings settings = config.pipeline();
        Dataset<Row> words = words(spark, config, kafka);
        String window = Durations.toSparkInterval(settings.window());
        Column byWindow = window(col(WordCounts.TIMESTAMP), window, Durations.toSparkInterval(settings.slide()));

        Column letter = upper(substring(col("word"), 1, 1));
        Column wordLength = length(col("word")).cast(DataTypes.StringType);
        List<StreamingQuery> queries = List.of(
                start(words.groupBy(byWindow, col("word").as("key")).count(), "word", config),
                start(words.where(letter.isin(settings.letters().toArray()))
                        .groupBy(byWindow, letter.as("key")).count(), "letter", config),
                start(words.where(length(col("word")).isin(settings.lengths().toArray()))
                        .groupBy(byWindow, wordLength.as("key")).count(), "length", config));

        StopSignals stop = new StopSignals(config);
        while (stop.reason().isEmpty() && queries.stream().allMatch(StreamingQuery::isActive)) {
            queries.get(0).awaitTermination(200);
        }
        int code = 0;
        for (StreamingQuery q : queries) {
            if (q.exception().isDefined()) {
                System.err.println("original design: query " + q.name() + " failed: " + q.exception().get());
                code = 1;
            }
            q.stop();
        }
        spark.stop();
        System.exit(code);
    }

    private static Dataset<Row> words(SparkSession spark, JobConfig config, KafkaClientConfig kafka) {
        Dataset<Row> records = spark.readStream()
                .format("kafka")
                .options(kafka.sourceOptions(WordStreamJob.withPrefix(spark, KafkaClientConfig.SOURCE_CONF)))
                .option("subscribe", String.join(",", config.inputTopics()))
                .option("startingOffsets", "earliest")
                .load();
        Tokenizer tokenizer = new Tokenizer(config.pipeline().tokenizer());
        return KafkaSentences.sentences(records, config.pipeline())
                .flatMap(toWords(tokenizer), Encoders.row(WORD))
                .withWatermark(WordCounts.TIMESTAMP, Durations.toSparkInterval(config.pipeline().watermark()));
    }

    private static FlatMapFunction<Row, Row> toWords(Tokenizer tokenizer) {
        return row -> {
            Timestamp time = row.getTimestamp(1);
            List<Row> rows = new ArrayList<>();
            for (String w : tokenizer.words(row.getString(0))) {
                rows.add(RowFactory.create(w, time));
            }
            return rows.iterator();
        };
    }

    /** One query of the three: its own Kafka read, its own checkpoint, its whole table at every batch. */
    private static StreamingQuery start(Dataset<Row> counts, String dimension, JobConfig config)
            throws TimeoutException {
        // The same records as wordstream writes, so one reader serves both.
        Dataset<Row> records = ResultRecords.toKafkaRecords(counts.select(
                col("window.start").as(WordCounts.WINDOW_START),
                col("window.end").as(WordCounts.WINDOW_END),
                lit(dimension).as(WordCounts.DIMENSION),
                col("key").as(WordCounts.KEY),
                col("count").as(WordCounts.COUNT)));
        return records.writeStream()
                .queryName("original-" + dimension)
                .format("kafka")
                .options(new KafkaClientConfig(config).sinkOptions(Map.of()))
                .option("topic", config.resultsTopic())
                .option("checkpointLocation", config.checkpoint() + "/" + dimension)
                .outputMode(OutputMode.Complete())
                .trigger(Trigger.ProcessingTime(config.trigger().toMillis()))
                .start();
    }
}

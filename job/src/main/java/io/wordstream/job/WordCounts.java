package io.wordstream.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.window;

import io.wordstream.common.DimensionRules;
import io.wordstream.common.Durations;
import io.wordstream.common.PipelineSettings;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The pipeline's logic as one function: sentences with their event time in, counts per window, dimension and key
 * out. It knows nothing of Kafka, so it runs the same on a memory stream in a test and on Kafka in production.
 */
public final class WordCounts {
    /** Columns of the input: the sentence and its event time. */
    public static final String TEXT = "text";
    public static final String TIMESTAMP = "timestamp";
    /** Columns of the output. */
    public static final String WINDOW_START = "window_start";
    public static final String WINDOW_END = "window_end";
    public static final String DIMENSION = "dimension";
    public static final String KEY = "key";
    public static final String COUNT = "count";

    private static final StructType ENTRY = new StructType()
            .add(DIMENSION, DataTypes.StringType, false)
            .add(KEY, DataTypes.StringType, false)
            .add(TIMESTAMP, DataTypes.TimestampType, false);

    private WordCounts() {
    }

    /**
     * Counts every word, and the words of the chosen first letters and lengths, per event-time window.
     *
     * @param sentences rows with a string column {@value #TEXT} and a timestamp column {@value #TIMESTAMP}
     * @return rows of (window_start, window_end, dimension, key, count); a streaming input yields, in Update mode,
     *         the rows whose count changed in each micro-batch
     */
    public static Dataset<Row> count(Dataset<Row> sentences, PipelineSettings settings) {
        DimensionRules rules = new DimensionRules(settings);
        // One row per thing to count, so all three dimensions share one aggregation and one state store.
        Dataset<Row> entries = sentences
                .select(col(TEXT), col(TIMESTAMP))
                .flatMap(toEntries(rules), Encoders.row(ENTRY));
        return entries
                // The watermark is what lets Update mode drop a window's state once no record can still reach it.
                .withWatermark(TIMESTAMP, Durations.toSparkInterval(settings.watermark()))
                .groupBy(
                        window(col(TIMESTAMP), Durations.toSparkInterval(settings.window()),
                                Durations.toSparkInterval(settings.slide())),
                        col(DIMENSION), col(KEY))
                .count()
                .select(
                        col("window.start").as(WINDOW_START),
                        col("window.end").as(WINDOW_END),
                        col(DIMENSION), col(KEY), col(COUNT));
    }

    private static FlatMapFunction<Row, Row> toEntries(DimensionRules rules) {
        return row -> {
            String text = row.getString(0);
            Timestamp time = row.getTimestamp(1);
            if (text == null || time == null) {
                return List.<Row>of().iterator();
            }
            List<DimensionRules.Entry> found = rules.entries(text);
            List<Row> rows = new ArrayList<>(found.size());
            for (DimensionRules.Entry e : found) {
                rows.add(RowFactory.create(e.dimension(), e.key(), time));
            }
            return rows.iterator();
        };
    }
}

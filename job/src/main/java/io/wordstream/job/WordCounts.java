package io.wordstream.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.window;

import io.wordstream.common.DimensionRules;
import io.wordstream.common.Durations;
import io.wordstream.common.PipelineSettings;
import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
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

    /**
     * The pre-aggregated entries: how often a key occurred in one time slice, and the slice's latest event. All of
     * them bytes, which Spark's row encoder takes as they are: for a string, a timestamp or a long it would call a
     * conversion method, and the interpreter looks up the first of a driver's life through Scala's runtime
     * reflection, a third of a second in the first micro-batch (docs/benchmarks-history.md). The numbers are
     * their decimal digits; Spark's casts give each column its type back.
     */
    private static final String OCCURRENCES = "occurrences";
    private static final String MICROS = "micros";
    static final StructType ENTRY = new StructType()
            .add(DIMENSION, DataTypes.BinaryType, false)
            .add(KEY, DataTypes.BinaryType, false)
            .add(MICROS, DataTypes.BinaryType, false)
            .add(OCCURRENCES, DataTypes.BinaryType, false);

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
        return count(sentences, settings, false);
    }

    /**
     * As {@link #count(Dataset, PipelineSettings)}; with {@code oneStatePartition}, for a query whose state has a
     * single partition, the whole micro-batch runs as one task: the input's partitions are read one after the other
     * and go to the state store without a shuffle, one stage instead of two. Spark adds the exchange back wherever
     * the plan needs one (a state of more partitions; sliding windows, whose expansion forgets the partitioning), so
     * the counts never depend on it.
     */
    public static Dataset<Row> count(Dataset<Row> sentences, PipelineSettings settings, boolean oneStatePartition) {
        DimensionRules rules = new DimensionRules(settings);
        long sliceMicros = sliceMicros(settings);
        // Each partition of a micro-batch first counts its own entries per (time slice, dimension, key): a burst
        // of a million words becomes a few thousand rows before Spark's aggregation and state store see them. The
        // text goes in as its UTF-8 bytes, which Spark already holds, not as a String decoded for each sentence.
        // Event time goes in as Spark's microseconds in eight big-endian bytes: a long would reach the counter
        // boxed by a method of Spark's row encoder (see ENTRY).
        Dataset<Row> entries = sentences
                .select(col(TEXT).cast(DataTypes.BinaryType),
                        unix_micros(col(TIMESTAMP)).cast(DataTypes.BinaryType))
                .mapPartitions(new SliceCounter(rules, sliceMicros, watermarkStepMicros(settings)),
                        Encoders.row(ENTRY))
                .select(text(DIMENSION).as(DIMENSION), text(KEY).as(KEY),
                        timestamp_micros(number(MICROS)).as(TIMESTAMP), number(OCCURRENCES).as(OCCURRENCES));
        // The watermark is what lets Update mode drop a window's state once no record can still reach it.
        Dataset<Row> watermarked = entries.withWatermark(TIMESTAMP, Durations.toSparkInterval(settings.watermark()));
        // Above the watermark's node, which does not pass on its input's partitioning, and narrow: the task that
        // reads the input also aggregates and writes.
        return (oneStatePartition ? watermarked.coalesce(1) : watermarked)
                .groupBy(
                        window(col(TIMESTAMP), Durations.toSparkInterval(settings.window()),
                                Durations.toSparkInterval(settings.slide())),
                        col(DIMENSION), col(KEY))
                .agg(sum(OCCURRENCES).as(COUNT))
                .select(
                        col("window.start").as(WINDOW_START),
                        col("window.end").as(WINDOW_END),
                        col(DIMENSION), col(KEY), col(COUNT));
    }

    /** An entry's bytes as the string they encode in UTF-8. */
    private static Column text(String entryColumn) {
        return col(entryColumn).cast(DataTypes.StringType);
    }

    /** An entry's decimal digits as their number. */
    private static Column number(String entryColumn) {
        return text(entryColumn).cast(DataTypes.LongType);
    }

    /**
     * The longest span of event time whose records all fall in the same windows: the greatest common divisor of the
     * window and the slide, as windows start at multiples of the slide from the epoch.
     */
    static long sliceMicros(PipelineSettings settings) {
        return gcd(micros(settings.window()), micros(settings.slide()));
    }

    /**
     * The step the entries' event times are rounded down to: the greatest common divisor of the slice and the
     * watermark delay (the slice with no delay). Window starts, window ends and the delay are all multiples of it.
     */
    static long watermarkStepMicros(PipelineSettings settings) {
        return gcd(sliceMicros(settings), micros(settings.watermark()));
    }

    private static long micros(Duration d) {
        return TimeUnit.NANOSECONDS.toMicros(d.toNanos());
    }

    private static long gcd(long a, long b) {
        return BigInteger.valueOf(a).gcd(BigInteger.valueOf(b)).longValueExact();
    }
}

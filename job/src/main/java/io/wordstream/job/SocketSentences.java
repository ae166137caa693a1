package io.wordstream.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.wordstream.common.HostPort;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Lines of a TCP server as (text, timestamp) rows for {@link WordCounts}, the timestamp being the moment the line
 * arrived: the original's first part, which read {@code nc -lk 9999} in 10-second batches. Blank lines are counted
 * as rejected, like empty Kafka records, so the metrics mean the same for both sources.
 */
public final class SocketSentences {
    private SocketSentences() {
    }

    public static Dataset<Row> read(SparkSession spark, HostPort server) {
        Dataset<Row> lines = spark.readStream()
                .format("socket")
                .option("host", server.host())
                .option("port", server.port())
                // Stamps each line with its arrival time: windows over it are processing-time windows.
                .option("includeTimestamp", true)
                .load();
        return sentences(lines);
    }

    /** @param lines rows of (value string, timestamp), as Spark's socket source gives them */
    static Dataset<Row> sentences(Dataset<Row> lines) {
        Column blank = col(WordCounts.TEXT).isNull().or(trim(col(WordCounts.TEXT)).equalTo(""));
        return lines
                .select(col("value").as(WordCounts.TEXT), col("timestamp").as(WordCounts.TIMESTAMP))
                .observe(KafkaSentences.OBSERVATION,
                        count(lit(1)).as(KafkaSentences.RECORDS),
                        count(when(blank, lit(1))).as(KafkaSentences.REJECTED))
                .where(not(blank));
    }
}

package io.wordstream.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.wordstream.common.PipelineSettings;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Kafka source rows into the (text, timestamp) rows that {@link WordCounts} takes. Records that carry no
 * sentence are dropped here, after being counted in the {@value #OBSERVATION} observation, so a bad record costs
 * one log line and a count, never the query.
 */
public final class KafkaSentences {
    /** Name of the per-batch observation with the columns {@value #RECORDS} and {@value #REJECTED}. */
    public static final String OBSERVATION = "input";
    public static final String RECORDS = "records";
    public static final String REJECTED = "rejected";

    private KafkaSentences() {
    }

    /**
     * Turns Kafka records into timestamped sentences.
     *
     * @param kafkaRows rows as Spark's Kafka source gives them (value, topic, partition, offset, timestamp, ...)
     * @return rows of (text, timestamp), event time being the record's Kafka timestamp
     */
    public static Dataset<Row> sentences(Dataset<Row> kafkaRows, PipelineSettings pipeline) {
        UserDefinedFunction decode = udf(new DecodeValue(pipeline), DataTypes.StringType);
        Dataset<Row> decoded = kafkaRows
                .select(
                        decode.apply(col("value"), col("topic"), col("partition"), col("offset")).as(WordCounts.TEXT),
                        col("timestamp").as(WordCounts.TIMESTAMP))
                .observe(OBSERVATION,
                        count(lit(1)).as(RECORDS),
                        count(when(col(WordCounts.TEXT).isNull(), lit(1))).as(REJECTED));
        return decoded.where(col(WordCounts.TEXT).isNotNull());
    }

    /** The UDF: a record's sentence, or null after logging why it has none. */
    static final class DecodeValue implements UDF4<byte[], String, Integer, Long, String> {
        private static final long serialVersionUID = 1L;
        private static final Logger LOG = LoggerFactory.getLogger(KafkaSentences.class);
        // A flood of bad records must not become a flood of log lines: the first hundred, then one in a thousand.
        private static final AtomicLong REJECTED_SEEN = new AtomicLong();

        private final RecordDecoder decoder;

        DecodeValue(PipelineSettings pipeline) {
            this.decoder = new RecordDecoder(pipeline);
        }

        @Override
        public String call(byte[] value, String topic, Integer partition, Long offset) {
            RecordDecoder.Decoded d = decoder.decode(value);
            if (!d.accepted()) {
                long seen = REJECTED_SEEN.incrementAndGet();
                if (seen <= 100 || seen % 1000 == 0) {
                    LOG.warn("rejected record {}-{}@{}: {}; it is counted as rejected and skipped (rejected so far"
                            + " in this executor: {})", topic, partition, offset, d.problem(), seen);
                }
            }
            return d.text();
        }
    }
}

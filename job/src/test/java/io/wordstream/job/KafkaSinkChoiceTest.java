package io.wordstream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wordstream.common.PipelineSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.MemoryStream;
import org.apache.spark.sql.execution.streaming.StreamingQueryWrapper;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;

/**
 * The job writes through Spark's V1 Kafka sink unless the operator chose otherwise: the V2 writer costs every
 * micro-batch a second SQL execution, planned once more only to be described (docs/benchmarks-history.md). A misspelt
 * provider name would silently bring the V2 writer back, so the sink the query really got is checked.
 */
class KafkaSinkChoiceTest {
    @TempDir
    Path checkpoints;

    @Test
    void theJobsDefaultsGiveTheV1KafkaSink() throws Exception {
        SparkSession session = LocalSpark.session().newSession();
        WordStreamJob.applyDefaults(session.conf());
        assertEquals("KafkaSink", sinkOf(session));
    }

    @Test
    void anOperatorsOwnChoiceOfWritersWins() throws Exception {
        SparkSession session = LocalSpark.session().newSession();
        session.conf().set("spark.sql.streaming.disabledV2Writers", "");
        WordStreamJob.applyDefaults(session.conf());
        assertEquals("", session.conf().get("spark.sql.streaming.disabledV2Writers"));
        assertEquals("KafkaTable", sinkOf(session));
    }

    /** The simple class name of the sink a Kafka query gets in this session; no record is written. */
    private String sinkOf(SparkSession session) throws Exception {
        MemoryStream<Tuple2<String, Timestamp>> input = MemoryStream.apply(
                Encoders.tuple(Encoders.STRING(), Encoders.TIMESTAMP()), session.sqlContext());
        Dataset<Row> sentences = input.toDF().toDF(WordCounts.TEXT, WordCounts.TIMESTAMP);
        StreamingQuery query = ResultRecords.toKafkaRecords(WordCounts.count(sentences, PipelineSettings.defaults()))
                .writeStream()
                .format("kafka")
                // Nothing listens there, and nothing is sent: the input stays empty, so no batch runs.
                .option("kafka.bootstrap.servers", "127.0.0.1:9")
                .option("topic", "results")
                .option("checkpointLocation", Files.createTempDirectory(checkpoints, "q").toString())
                .outputMode(OutputMode.Update())
                .start();
        try {
            return ((StreamingQueryWrapper) query).streamingQuery().sink().getClass().getSimpleName();
        } finally {
            query.stop();
        }
    }
}

package io.wordstream.job;

import static io.wordstream.job.LocalSpark.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wordstream.common.PipelineSettings;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.streaming.MemoryStream;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import scala.Tuple5;

class KafkaSentencesTest {
    private static long offset;

    private static Tuple5<byte[], String, Integer, Long, Timestamp> record(byte[] value) {
        return new Tuple5<>(value, "sentences", 0, offset++, at(2));
    }

    private static Tuple5<byte[], String, Integer, Long, Timestamp> record(String value) {
        return record(value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void badRecordsAreCountedAsRejectedAndTheOthersAreCounted() throws Exception {
        MemoryStream<Tuple5<byte[], String, Integer, Long, Timestamp>> stream = MemoryStream.apply(
                Encoders.tuple(Encoders.BINARY(), Encoders.STRING(), Encoders.INT(), Encoders.LONG(),
                        Encoders.TIMESTAMP()),
                LocalSpark.session().sqlContext());
        Dataset<Row> kafkaRows = stream.toDF().toDF("value", "topic", "partition", "offset", "timestamp");
        StreamingQuery query = WordCounts.count(KafkaSentences.sentences(kafkaRows, PipelineSettings.defaults()),
                        PipelineSettings.defaults())
                .writeStream()
                .outputMode(OutputMode.Update())
                .foreachBatch(LatestCounts.sink("rejects"))
                .start();
        try {
            LocalSpark.add(stream,
                    record("{\"resumo\": \"ok json\"}"),
                    record("{\"resumo\": "),
                    record("{\"other\": \"no text field\"}"),
                    record(new byte[0]),
                    record((byte[]) null),
                    record(new byte[] {(byte) 0xC3, (byte) 0x28, 'o', 'k'}),
                    record("ok plain"));
            query.processAllAvailable();

            Map<String, Long> expected = new TreeMap<>(Map.of("19:30:00 word ok", 2L, "19:30:00 word json", 1L,
                    "19:30:00 word plain", 1L, "19:30:00 letter P", 1L));
            assertEquals(expected, LatestCounts.of("rejects"));
            assertEquals(7, LocalSpark.observed(query, KafkaSentences.RECORDS));
            assertEquals(5, LocalSpark.observed(query, KafkaSentences.REJECTED));
        } finally {
            query.stop();
        }
    }
}

package io.wordstream.job;

import static io.wordstream.job.LocalSpark.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wordstream.common.PipelineSettings;
import java.sql.Timestamp;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.execution.streaming.MemoryStream;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

class SocketSentencesTest {
    @Test
    void linesAreCountedInTheWindowOfTheirArrivalAndBlankLinesAreRejected() throws Exception {
        MemoryStream<Tuple2<String, Timestamp>> stream = MemoryStream.apply(
                Encoders.tuple(Encoders.STRING(), Encoders.TIMESTAMP()), LocalSpark.session().sqlContext());
        StreamingQuery query = WordCounts.count(
                        SocketSentences.sentences(stream.toDF().toDF("value", "timestamp")),
                        PipelineSettings.defaults())
                .writeStream()
                .outputMode(OutputMode.Update())
                .foreachBatch(LatestCounts.sink("socket"))
                .start();
        try {
            LocalSpark.add(stream, new Tuple2<>("spark streaming", at(1)), new Tuple2<>("   ", at(2)),
                    new Tuple2<>("spark", at(12)));
            query.processAllAvailable();
            assertEquals(new TreeMap<>(Map.of("19:30:00 word spark", 1L, "19:30:00 word streaming", 1L,
                            "19:30:00 letter S", 2L, "19:30:10 word spark", 1L, "19:30:10 letter S", 1L)),
                    LatestCounts.of("socket"));
            assertEquals(1, LocalSpark.observed(query, KafkaSentences.REJECTED));
        } finally {
            query.stop();
        }
    }
}

package io.wordstream.job;

import io.wordstream.common.PipelineSettings;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.MemoryStream;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple5;
import scala.collection.JavaConverters;

/**
 * The job's counting wired as {@link WordStreamJob} wires it (record decoding, the pre-count, the windowed
 * aggregation in Update mode) over Kafka-like records streamed in a few micro-batches on several partitions, and
 * the same records as a static table for a reference computation to read.
 */
final class StreamedJob {
    /** A Kafka record's value and timestamp. */
    record KafkaRecord(String value, Timestamp time) {
    }

    private static final StructType KAFKA_ROWS = new StructType()
            .add("value", DataTypes.BinaryType)
            .add("timestamp", DataTypes.TimestampType);
    private static final int PARTITIONS = 3;

    private StreamedJob() {
    }

    /**
     * The latest count per {@code "HH:mm:ss dimension key"}, as the console keeps it. Records go in event-time order,
     * so none is late for the watermark, as none is for a reference computation over the static table.
     */
    static Map<String, Long> latestCounts(String name, List<KafkaRecord> records, int batches,
                                          PipelineSettings settings) throws Exception {
        MemoryStream<Tuple5<byte[], String, Integer, Long, Timestamp>> stream = kafkaStream(LocalSpark.session(),
                PARTITIONS);
        Dataset<Row> kafkaRows = kafkaRows(stream);
        StreamingQuery query = WordCounts.count(KafkaSentences.sentences(kafkaRows, settings), settings)
                .writeStream()
                .outputMode(OutputMode.Update())
                .foreachBatch(LatestCounts.sink(name))
                .start();
        try {
            List<KafkaRecord> ordered = new ArrayList<>(records);
            ordered.sort(Comparator.comparing(KafkaRecord::time));
            int perBatch = (ordered.size() + batches - 1) / batches;
            long offset = 0;
            for (int from = 0; from < ordered.size(); from += perBatch) {
                List<Tuple5<byte[], String, Integer, Long, Timestamp>> batch = new ArrayList<>();
                for (KafkaRecord r : ordered.subList(from, Math.min(ordered.size(), from + perBatch))) {
                    batch.add(record(r.value(), (int) (offset % PARTITIONS), offset, r.time()));
                    offset++;
                }
                stream.addData(JavaConverters.asScalaBuffer(batch).toSeq());
                query.processAllAvailable();
            }
            return LatestCounts.of(name);
        } finally {
            query.stop();
        }
    }

    /** A stream in {@code session} of Kafka-like records: value, topic, partition, offset, timestamp. */
    static MemoryStream<Tuple5<byte[], String, Integer, Long, Timestamp>> kafkaStream(SparkSession session,
                                                                                     int partitions) {
        return MemoryStream.apply(partitions, Encoders.tuple(Encoders.BINARY(), Encoders.STRING(), Encoders.INT(),
                Encoders.LONG(), Encoders.TIMESTAMP()), session.sqlContext());
    }

    /** The stream's records with the column names of Spark's Kafka source. */
    static Dataset<Row> kafkaRows(MemoryStream<Tuple5<byte[], String, Integer, Long, Timestamp>> stream) {
        return stream.toDF().toDF("value", "topic", "partition", "offset", "timestamp");
    }

    /** One record of {@link #kafkaStream} from the topic "sentences". */
    static Tuple5<byte[], String, Integer, Long, Timestamp> record(String value, int partition, long offset,
                                                                   Timestamp time) {
        return new Tuple5<>(value.getBytes(StandardCharsets.UTF_8), "sentences", partition, offset, time);
    }

    /** The moment {@code micros} microseconds after {@link LocalSpark#T0}. */
    static Timestamp micros(long micros) {
        return Timestamp.from(LocalSpark.T0.plus(micros, ChronoUnit.MICROS));
    }

    /** The records as Spark's Kafka source would show them to a batch query: binary value, timestamp. */
    static Dataset<Row> kafkaTable(List<KafkaRecord> records) {
        List<Row> rows = new ArrayList<>();
        for (KafkaRecord r : records) {
            rows.add(RowFactory.create(r.value().getBytes(StandardCharsets.UTF_8), r.time()));
        }
        return LocalSpark.session().createDataFrame(rows, KAFKA_ROWS).repartition(PARTITIONS);
    }

    /** Where the two count maps differ, at most {@code max} lines, with invisible characters escaped. */
    static String differences(Map<String, Long> expected, Map<String, Long> actual, int max) {
        Map<String, String> lines = new TreeMap<>();
        expected.forEach((k, v) -> {
            if (!v.equals(actual.get(k))) {
                lines.put(k, "[" + escape(k) + "] expected " + v + ", job " + actual.get(k));
            }
        });
        actual.forEach((k, v) -> {
            if (!expected.containsKey(k)) {
                lines.put(k, "[" + escape(k) + "] expected none, job " + v);
            }
        });
        List<String> shown = new ArrayList<>(lines.values()).subList(0, Math.min(max, lines.size()));
        return lines.isEmpty() ? "" : lines.size() + " differences, the first: " + String.join("; ", shown);
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp > 0x7e) {
                b.append("\\u{").append(Integer.toHexString(cp)).append('}');
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }
}

package io.wordstream.job;

import static io.wordstream.job.LocalSpark.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ResultRecordsTest {
    @Test
    void writesIsoUtcJsonKeyedByWindowDimensionAndKey() {
        StructType schema = new StructType()
                .add(WordCounts.WINDOW_START, DataTypes.TimestampType)
                .add(WordCounts.WINDOW_END, DataTypes.TimestampType)
                .add(WordCounts.DIMENSION, DataTypes.StringType)
                .add(WordCounts.KEY, DataTypes.StringType)
                .add(WordCounts.COUNT, DataTypes.LongType);
        List<Row> counts = List.of(RowFactory.create(at(10), at(20), "letter", "S", 3L),
                RowFactory.create(at(10), at(20), "word", "", 2L));

        List<Row> records = ResultRecords.toKafkaRecords(LocalSpark.session().createDataFrame(counts, schema))
                .collectAsList();
        Row record = records.get(0);

        assertEquals("{\"windowStart\":\"2026-11-23T19:30:10Z\",\"windowEnd\":\"2026-11-23T19:30:20Z\","
                + "\"dimension\":\"letter\",\"key\":\"S\"}", record.getString(0));
        assertEquals("{\"windowStart\":\"2026-11-23T19:30:10Z\",\"windowEnd\":\"2026-11-23T19:30:20Z\","
                + "\"dimension\":\"letter\",\"key\":\"S\",\"count\":3}", record.getString(1));
        // The seed tokenizer's empty word keeps its key: an empty string, not a missing field.
        assertEquals("{\"windowStart\":\"2026-11-23T19:30:10Z\",\"windowEnd\":\"2026-11-23T19:30:20Z\","
                + "\"dimension\":\"word\",\"key\":\"\",\"count\":2}", records.get(1).getString(1));
    }
}

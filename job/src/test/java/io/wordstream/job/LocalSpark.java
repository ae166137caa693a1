package io.wordstream.job;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.MemoryStream;
import org.apache.spark.sql.execution.streaming.StreamingQueryWrapper;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import scala.Option;
import scala.Tuple2;
import scala.collection.JavaConverters;

/** One local SparkSession for the whole test JVM: starting Spark costs seconds, the tests share it. */
final class LocalSpark {
    /** 19:30:00 UTC, a window boundary for any window length that divides a minute. */
    static final Instant T0 = Instant.parse("2026-11-23T19:30:00Z");

    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("wordstream-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.sql.adaptive.enabled", "false")
                    // Not UTC on purpose: result rows must be UTC whatever the session's zone.
                    .config("spark.sql.session.timeZone", "America/Sao_Paulo")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
        }
        return session;
    }

    static Timestamp at(int secondsAfterT0) {
        return Timestamp.from(T0.plusSeconds(secondsAfterT0));
    }

    /** A stream of (sentence, event time) in {@code session} with two partitions, as the job's input topic has. */
    static MemoryStream<Tuple2<String, Timestamp>> twoPartitionSentences(SparkSession session) {
        return new MemoryStream<>(1, session.sqlContext(), Option.apply(2),
                Encoders.tuple(Encoders.STRING(), Encoders.TIMESTAMP()));
    }

    /** The physical plan the query ran its last micro-batch with. */
    static String executedPlan(StreamingQuery query) {
        return ((StreamingQueryWrapper) query).streamingQuery().lastExecution().executedPlan().toString();
    }

    /** The sum of one column of the job's input observation over every progress the query has reported. */
    static long observed(StreamingQuery query, String column) {
        long sum = 0;
        for (StreamingQueryProgress p : query.recentProgress()) {
            Row o = p.observedMetrics().get(KafkaSentences.OBSERVATION);
            sum += o == null ? 0 : o.getLong(o.fieldIndex(column));
        }
        return sum;
    }

    @SafeVarargs
    static <T> void add(MemoryStream<T> stream, T... items) {
        List<T> list = new ArrayList<>(List.of(items));
        stream.addData(JavaConverters.asScalaBuffer(list).toSeq());
    }
}

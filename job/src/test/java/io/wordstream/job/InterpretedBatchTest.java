package io.wordstream.job;

import static io.wordstream.job.LocalSpark.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.common.PipelineSettings;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.objects.InvokeLike;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.streaming.MemoryStream;
import org.apache.spark.sql.execution.streaming.StreamingQueryWrapper;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import scala.Tuple2;
import scala.runtime.BoxedUnit;

/**
 * The job's defaults interpret each micro-batch instead of generating code for it (docs/benchmarks.md): the same
 * sentences must give the same counts as Spark's generated code, and the plan must really run without it.
 */
class InterpretedBatchTest {
    private static final String GENERATED_STAGE = "*(";

    @Test
    void withTheJobsDefaultsABatchRunsWithoutGeneratedCodeAndCountsTheSame() throws Exception {
        SparkSession interpreted = LocalSpark.session().newSession();
        interpreted.conf().set("spark.sql.shuffle.partitions", "1");
        WordStreamJob.applyDefaults(interpreted.conf());
        SparkSession generated = LocalSpark.session().newSession();
        generated.conf().set("spark.sql.shuffle.partitions", "1");
        generated.conf().set("spark.sql.codegen.wholeStage", "true");
        generated.conf().set("spark.sql.codegen.factoryMode", "CODEGEN_ONLY");

        Map<String, String> plans = new TreeMap<>();
        List<String> invoked = new ArrayList<>();
        for (Map.Entry<String, SparkSession> e : Map.of("interpreted", interpreted, "generated", generated)
                .entrySet()) {
            String sink = "codegen-" + e.getKey();
            MemoryStream<Tuple2<String, Timestamp>> stream = LocalSpark.twoPartitionSentences(e.getValue());
            Dataset<Row> input = stream.toDF().toDF(WordCounts.TEXT, WordCounts.TIMESTAMP);
            StreamingQuery query = WordCounts.count(input, PipelineSettings.defaults(),
                            WordStreamJob.oneStage(e.getValue().conf()))
                    .writeStream().outputMode(OutputMode.Update()).foreachBatch(LatestCounts.sink(sink)).start();
            try {
                LocalSpark.add(stream, new Tuple2<>("Spark streams records", at(1)),
                        new Tuple2<>("people read papers", at(2)), new Tuple2<>("Spark again", at(12)));
                query.processAllAvailable();
                LocalSpark.add(stream, new Tuple2<>("spark", at(3)), new Tuple2<>("records", at(13)));
                query.processAllAvailable();
                assertEquals(2L, LatestCounts.of(sink).get("19:30:00 word spark"), sink);
                assertEquals(1L, LatestCounts.of(sink).get("19:30:10 word spark"), sink);
                plans.put(e.getKey(), LocalSpark.executedPlan(query));
                if (e.getKey().equals("interpreted")) {
                    invoked.addAll(invocations(query));
                }
            } finally {
                query.stop();
            }
        }
        assertEquals(LatestCounts.of("codegen-generated"), LatestCounts.of("codegen-interpreted"));
        assertFalse(plans.get("interpreted").contains(GENERATED_STAGE), plans.get("interpreted"));
        // Interpreted, the first method call of a driver's life starts Scala's runtime reflection (see WordCounts).
        assertEquals(List.of(), invoked, plans.get("interpreted"));
        assertTrue(plans.get("generated").contains(GENERATED_STAGE), plans.get("generated"));
    }

    /** Spark's calls of methods by name (Invoke, StaticInvoke and the like) anywhere in the query's last plan. */
    private static List<String> invocations(StreamingQuery query) {
        List<String> found = new ArrayList<>();
        SparkPlan plan = ((StreamingQueryWrapper) query).streamingQuery().lastExecution().executedPlan();
        plan.foreach(node -> {
            node.expressions().foreach(expression -> {
                expression.foreach(e -> {
                    if (e instanceof InvokeLike) {
                        found.add(e.toString());
                    }
                    return BoxedUnit.UNIT;
                });
                return BoxedUnit.UNIT;
            });
            return BoxedUnit.UNIT;
        });
        return found;
    }
}

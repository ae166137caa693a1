package io.wordstream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.common.PipelineSettings;
import io.wordstream.common.TokenizerMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.optimizer.Optimizer;
import org.apache.spark.sql.execution.streaming.MemoryStream;
import org.apache.spark.sql.execution.streaming.StreamingQueryWrapper;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import scala.Tuple5;
import scala.collection.JavaConverters;

/**
 * The optimizer rules the job excludes ({@link IdleOptimizerRules}) are rules of this Spark's optimizer that it lets
 * be excluded, and leave the plan of every shape of the job's counting as it was: the exclusion saves their walks
 * over the plan and nothing else.
 */
class IdleOptimizerRulesTest {
    private static final Map<String, Set<String>> RECORDS = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> PLANS = new ConcurrentHashMap<>();
    private static final Map<String, StreamingQuery> QUERIES = new ConcurrentHashMap<>();
    private static final String NO_DATA = "LocalRelation <empty>";

    @Test
    void everyExcludedRuleIsAnExcludableRuleOfThisSparksOptimizer() {
        Optimizer optimizer = LocalSpark.session().sessionState().optimizer();
        Set<String> rules = JavaConverters.seqAsJavaList(optimizer.defaultBatches()).stream()
                .flatMap(b -> JavaConverters.seqAsJavaList(b.rules()).stream())
                .map(r -> r.ruleName())
                .collect(Collectors.toSet());
        List<String> notExcludable = JavaConverters.seqAsJavaList(optimizer.nonExcludableRules());
        List<String> names = IdleOptimizerRules.names();
        assertEquals(names.size(), Set.copyOf(names).size(), "a rule named twice");
        for (String name : names) {
            assertTrue(rules.contains(name), name + " is no rule of this Spark's optimizer");
            assertFalse(notExcludable.contains(name), name + " cannot be excluded");
        }
    }

    @Test
    void theJobsDefaultsExcludeThem() {
        SparkSession session = LocalSpark.session().newSession();
        WordStreamJob.applyDefaults(session.conf());
        assertEquals(IdleOptimizerRules.setting(), session.conf().get(IdleOptimizerRules.SETTING));
        assertEquals(IdleOptimizerRules.names(), List.of(IdleOptimizerRules.setting().split(",")));
    }

    @Test
    void noShapeOfTheJobsCountingPlansDifferentlyWithoutThem() throws Exception {
        Duration window = PipelineSettings.DEFAULT_WINDOW;
        PipelineSettings tumbling = PipelineSettings.defaults();
        Map<String, PipelineSettings> shapes = Map.of(
                "tumbling", tumbling,
                "sliding", new PipelineSettings(window, window.dividedBy(2), window, tumbling.letters(),
                        tumbling.lengths(), tumbling.tokenizer(), tumbling.textField()),
                "seed", new PipelineSettings(window, window, window, tumbling.letters(), tumbling.lengths(),
                        TokenizerMode.SEED, tumbling.textField()));
        for (Map.Entry<String, PipelineSettings> shape : new TreeMap<>(shapes).entrySet()) {
            SparkSession excluding = jobSession();
            SparkSession all = jobSession();
            all.conf().set(IdleOptimizerRules.SETTING, "");
            String name = shape.getKey();
            run(excluding, name + "-excluding", shape.getValue());
            run(all, name + "-all", shape.getValue());
            // Distinct plans: the batches without data come when the query's thread gets to them.
            Set<String> plans = new TreeSet<>(PLANS.get(name + "-all"));
            assertEquals(plans, new TreeSet<>(PLANS.get(name + "-excluding")), name);
            assertEquals(2, plans.size(), name + ": a plan with data, one without");
            assertFalse(RECORDS.get(name + "-all").isEmpty(), name);
            assertEquals(RECORDS.get(name + "-all"), RECORDS.get(name + "-excluding"), name);
        }
        assertNotEquals(RECORDS.get("tumbling-all"), RECORDS.get("sliding-all"), "the shapes count differently");
    }

    private static SparkSession jobSession() {
        SparkSession session = LocalSpark.session().newSession();
        session.conf().set("spark.sql.shuffle.partitions", "1");
        WordStreamJob.applyDefaults(session.conf());
        return session;
    }

    /** Runs the job's counting over a few micro-batches, the no-data batches of a moving watermark among them. */
    private static void run(SparkSession session, String name, PipelineSettings settings) throws Exception {
        MemoryStream<Tuple5<byte[], String, Integer, Long, Timestamp>> stream = StreamedJob.kafkaStream(session, 2);
        Dataset<Row> kafkaRows = StreamedJob.kafkaRows(stream);
        Dataset<Row> records = ResultRecords.toKafkaRecords(WordCounts.count(
                KafkaSentences.sentences(kafkaRows, settings), settings, WordStreamJob.oneStage(session.conf())));
        StreamingQuery query = records.writeStream().outputMode(OutputMode.Update()).foreachBatch(sink(name)).start();
        QUERIES.put(name, query);
        try {
            add(stream, 0, "{\"resumo\": \"Spark streams records\"}", 1, "people read papers", 2);
            query.processAllAvailable();
            add(stream, 2, "spark again", 13, "Records pass", 14);
            query.processAllAvailable();
            // The watermark moved: Spark runs a batch without data to evict, perhaps after the call above returned.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (PLANS.get(name).stream().noneMatch(p -> p.contains(NO_DATA))) {
                assertTrue(System.nanoTime() < deadline, name + ": no batch without data in 60 s");
                query.awaitTermination(50);
            }
        } finally {
            query.stop();
        }
    }

    /** Two records in one call, so that they make one batch whenever the query's thread comes by. */
    private static void add(MemoryStream<Tuple5<byte[], String, Integer, Long, Timestamp>> stream, long offset,
                            String first, int firstSecond, String second, int secondSecond) {
        List<Tuple5<byte[], String, Integer, Long, Timestamp>> rows = new ArrayList<>();
        rows.add(StreamedJob.record(first, 0, offset, LocalSpark.at(firstSecond)));
        rows.add(StreamedJob.record(second, 1, offset + 1, LocalSpark.at(secondSecond)));
        stream.addData(JavaConverters.asScalaBuffer(rows).toSeq());
    }

    /**
     * Keeps every Kafka record the batches write, key and value as text, and each batch's optimized plan, written
     * without what differs from run to run (expression ids, the identities of objects and of the observation).
     */
    private static VoidFunction2<Dataset<Row>, Long> sink(String name) {
        RECORDS.put(name, new ConcurrentSkipListSet<>());
        PLANS.put(name, new CopyOnWriteArrayList<>());
        return (batch, batchId) -> {
            // The batch's data comes to this sink as a new plan; the query's is the one its batch ran.
            String plan = ((StreamingQueryWrapper) QUERIES.get(name)).streamingQuery().lastExecution()
                    .optimizedPlan().toString();
            PLANS.get(name).add(plan.replaceAll("#\\d+L?", "#").replaceAll("@[0-9a-f]+", "@")
                    .replaceAll("(CollectMetrics .*\\]), \\d+", "$1")
                    .replaceAll("(MemoryStream\\[.*\\]), -?\\d+, \\d+", "$1"));
            for (Row r : batch.collectAsList()) {
                RECORDS.get(name).add(text(r.get(r.fieldIndex("key"))) + " " + text(r.get(r.fieldIndex("value"))));
            }
        };
    }

    private static String text(Object field) {
        return field instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(field);
    }
}

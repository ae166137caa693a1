package io.wordstream.job;

import io.wordstream.common.ClassDataRecording;
import io.wordstream.common.Durations;
import io.wordstream.common.HostPort;
import io.wordstream.common.JobConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * The Spark application: sentences from Kafka, counted per window by {@link WordCounts}, results to Kafka. This
 * class only wires configuration, I/O and lifecycle around that function.
 *
 * <p>Exit codes: 0 after a requested stop, 1 when the query failed, 2 for arguments it cannot read and for Spark
 * settings Spark cannot start with.
 */
public final class WordStreamJob {
    private static final Logger LOG = LoggerFactory.getLogger(WordStreamJob.class);
    static final String QUERY_NAME = "wordstream";
    private static final Duration TOPIC_WAIT = Duration.ofSeconds(120);
    private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
    private static final String KAFKA_PROVIDER = "org.apache.spark.sql.kafka010.KafkaSourceProvider";
    /** {@code false} keeps the shuffle before a one-partition state (to measure the difference). */
    static final String ONE_STAGE = "spark.wordstream.job.oneStage";

    /**
     * Settings the job needs for low latency on a small machine, applied only where the operator set nothing, so
     * {@code --conf} on spark-submit always wins.
     */
    private static final Map<String, String> DEFAULTS = Map.of(
            // Adaptive execution does not apply to streaming and only logs a warning.
            "spark.sql.adaptive.enabled", "false",
            // Idle queries still report every second, which the console uses as a heartbeat.
            "spark.sql.streaming.noDataProgressEventInterval", "1000ms",
            // Spark 3.5 re-plans the whole query to describe it for the SQL UI at every SQL execution, and the
            // Kafka sink's V2 writer nests a second execution inside each micro-batch's; the V1 sink writes the
            // same records with the same at-least-once guarantee inside the batch's own (docs/benchmarks-history.md).
            "spark.sql.streaming.disabledV2Writers", KAFKA_PROVIDER,
            // A micro-batch holds few rows after the pre-count, and generating Java source for its stage and each
            // task's projections again in every batch costs more than interpreting them (docs/benchmarks.md).
            "spark.sql.codegen.wholeStage", "false",
            "spark.sql.codegen.factoryMode", "NO_CODEGEN",
            IdleOptimizerRules.SETTING, IdleOptimizerRules.setting());

    private WordStreamJob() {
    }

    public static void main(String[] args) {
        // When the console asks (the first run after a build), the driver records its class data once it runs.
        ClassDataRecording.recordWhenAsked();
        JobConfig config;
        try {
            config = JobConfig.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("wordstream job: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(config));
    }

    static int run(JobConfig config) {
        KafkaClientConfig kafka = new KafkaClientConfig(config);
        StopSignals stop = new StopSignals(config);
        // Kafka is asked for the topics while Spark starts: neither needs the other, and both take a while.
        CompletableFuture<Optional<String>> topics = CompletableFuture.supplyAsync(() -> TopicWait.await(
                kafka.clientProperties(), topicsNeeded(config), TOPIC_WAIT, stop::reason), daemon("topic-wait"));
        // So is the metrics producer made: the main thread has the SparkContext to start.
        CompletableFuture<KafkaProducer<String, String>> metricsProducer = CompletableFuture.supplyAsync(
                () -> MetricsPublisher.producer(kafka.clientProperties()), daemon("metrics-producer"));
        SparkSession spark;
        try {
            spark = SparkSession.builder().appName("wordstream").getOrCreate();
        } catch (IllegalArgumentException e) {
            // A setting Spark cannot start with, such as a heap under 1.5 times the margin it keeps out of its
            // memory pool: Spark's own words name the setting; the console shows this last line of the log.
            System.err.println("wordstream job: Spark did not start: "
                    + MetricsPublisher.firstLine(String.valueOf(e.getMessage())));
            var unused = metricsProducer.thenAccept(KafkaProducer::close);
            return 2;
        }
        applyDefaults(spark.conf());
        try {
            SparkConf sparkConf = spark.sparkContext().getConf();
            BlockManagerPools.cap(SparkEnv.get(), BlockManagerPools.threads(sparkConf));
            if (HadoopConfSources.wanted(sparkConf)) {
                HadoopConfSources.forget(spark.sparkContext().hadoopConfiguration());
            }
        } catch (IllegalArgumentException e) {
            System.err.println("wordstream job: " + e.getMessage());
            var unused = metricsProducer.thenAccept(KafkaProducer::close);
            spark.stop();
            return 2;
        }
        int code;
        try (MetricsPublisher metrics = new MetricsPublisher(made(metricsProducer), config.metricsTopic(),
                spark.sparkContext().applicationId())) {
            metrics.describe(Durations.format(config.trigger()), new ExecutorFigures(spark.sparkContext()));
            spark.streams().addListener(metrics);
            spark.sparkContext().addSparkListener(SchedulerEvents.of(spark.sparkContext(), metrics::publish));
            Optional<String> notReady = topics.join();
            if (notReady.isPresent()) {
                boolean asked = stop.reason().isPresent();
                LOG.info("not starting the query: {}", notReady.get());
                if (!asked) {
                    System.err.println("wordstream job: not starting the query: " + notReady.get());
                }
                spark.stop();
                return asked ? 0 : 1;
            }
            StreamingQuery query;
            try {
                query = start(spark, config, kafka);
            } catch (Exception e) {
                String reason = MetricsPublisher.firstLine(String.valueOf(e.getMessage()));
                LOG.error("the streaming query could not start: {}", reason, e);
                System.err.println("wordstream job: the streaming query could not start: " + reason);
                metrics.failed(reason);
                spark.stop();
                return 1;
            }
            code = awaitStop(query, stop, metrics);
        }
        spark.stop();
        return code;
    }

    private static Executor daemon(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        };
    }

    /** What another thread made, or the exception it threw making it, as if made on this thread. */
    private static <T> T made(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static List<String> topicsNeeded(JobConfig config) {
        List<String> topics = new ArrayList<>();
        if (config.source() == JobConfig.Source.KAFKA) {
            topics.addAll(config.inputTopics());
        }
        topics.add(config.resultsTopic());
        topics.add(config.metricsTopic());
        return topics;
    }

    static void applyDefaults(RuntimeConfig conf) {
        DEFAULTS.forEach((k, v) -> {
            if (!conf.contains(k)) {
                conf.set(k, v);
            }
        });
        if (!conf.contains(SHUFFLE_PARTITIONS)) {
            conf.set(SHUFFLE_PARTITIONS, shufflePartitions(conf.get("spark.master", "")));
        }
    }

    /**
     * State store partitions of a new checkpoint (an existing one keeps its own). Each is a task and a state
     * commit in every batch, and after the partial aggregation the state stage is small: on one machine one
     * partition keeps batches shortest (the measured before and after are in docs/benchmarks-history.md), and lets
     * a batch run as one stage ({@link #oneStage}); a cluster gets two, spread over executors. Spark's 200 would mean
     * 200 commits per batch.
     */
    static String shufflePartitions(String master) {
        return master.startsWith("local") ? "1" : "2";
    }

    /** Whether a micro-batch runs as one stage: the state has one partition and the operator did not say no. */
    static boolean oneStage(RuntimeConfig conf) {
        return "1".equals(conf.get(SHUFFLE_PARTITIONS, "")) && !"false".equals(conf.get(ONE_STAGE, "true"));
    }

    static StreamingQuery start(SparkSession spark, JobConfig config, KafkaClientConfig kafka)
            throws TimeoutException {
        Dataset<Row> counts = WordCounts.count(sentences(spark, config, kafka), config.pipeline(),
                oneStage(spark.conf()));
        return ResultRecords.toKafkaRecords(counts)
                .writeStream()
                .queryName(QUERY_NAME)
                .format("kafka")
                .options(kafka.sinkOptions(withPrefix(spark, KafkaClientConfig.SINK_CONF)))
                .option("topic", config.resultsTopic())
                .option("checkpointLocation", config.checkpoint())
                // Update mode emits only changed windows and lets the watermark evict old ones (Complete never does).
                .outputMode(OutputMode.Update())
                .trigger(Trigger.ProcessingTime(config.trigger().toMillis()))
                .start();
    }

    private static Dataset<Row> sentences(SparkSession spark, JobConfig config, KafkaClientConfig kafka) {
        if (config.source() == JobConfig.Source.SOCKET) {
            return SocketSentences.read(spark, HostPort.parse(config.socket(), "--socket"));
        }
        Dataset<Row> records = spark.readStream()
                .format("kafka")
                .options(kafka.sourceOptions(withPrefix(spark, KafkaClientConfig.SOURCE_CONF)))
                .option("subscribe", String.join(",", config.inputTopics()))
                // A new checkpoint counts what was sent before the job started; a restart resumes from its offsets.
                .option("startingOffsets", "earliest")
                .load();
        return KafkaSentences.sentences(records, config.pipeline());
    }

    /** The Spark settings that start with {@code prefix}, the prefix left out. */
    static Map<String, String> withPrefix(SparkSession spark, String prefix) {
        Map<String, String> options = new LinkedHashMap<>();
        for (Tuple2<String, String> kv : spark.sparkContext().getConf().getAllWithPrefix(prefix)) {
            options.put(kv._1(), kv._2());
        }
        return options;
    }

    private static int awaitStop(StreamingQuery query, StopSignals stop, MetricsPublisher metrics) {
        try {
            while (!query.awaitTermination(200)) {
                Optional<String> reason = stop.reason();
                if (reason.isPresent()) {
                    LOG.info("stopping the query: {}", reason.get());
                    query.stop();
                }
            }
            return 0;
        } catch (StreamingQueryException e) {
            String reason = MetricsPublisher.firstLine(e.getMessage());
            LOG.error("the streaming query failed: {}", reason, e);
            System.err.println("wordstream job: the streaming query failed: " + reason);
            // The listener's terminated event travels on Spark's asynchronous listener bus and may arrive after the
            // publisher is closed; the reason must reach the console, so it is sent from here, before closing.
            metrics.failed(reason);
            return 1;
        } catch (TimeoutException e) {
            LOG.warn("the query did not stop in time: {}", e.toString());
            return 1;
        }
    }
}

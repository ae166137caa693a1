package io.wordstream.console.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import io.wordstream.console.gateway.GatewayTraffic;
import io.wordstream.console.model.ClusterState;
import io.wordstream.console.model.JobEvent;
import io.wordstream.console.model.KafkaSnapshot;
import io.wordstream.console.model.MasterSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The pipeline's figures for Prometheus, in its naming (base units, {@code _total} counters): fed with the job's
 * metrics events, the readings of Kafka and of the Spark master that the session already makes, and the outcome of
 * each sentence sent and gateway request. It polls nothing itself. Thread-safe: its feeds run on several threads.
 */
public final class PipelineMetrics {
    /** Where a sentence came from, a label of the sentence counters. */
    public enum Via { CONSOLE, GATEWAY }

    /** The batch-duration histogram's buckets, in seconds: a warm batch takes under a second, a cold one several. */
    private static final double[] BATCH_BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    /** What the readings and the job's events say of the cluster: lag needs both. Guarded by itself. */
    private final ClusterState cluster = new ClusterState();
    private final Counter processedRows;
    private final Counter lateRows;
    private final Counter rejectedRecords;
    private final Histogram batchDuration;
    private final Gauge stateRows;
    private final Gauge watermarkDelay;
    private final Gauge jobRunning;
    private final Counter sent;
    private final Counter acknowledged;
    private final Counter failed;
    private final Counter requests;
    /** The local cluster's workers as the session counted them; empty without a local cluster. */
    private volatile OptionalInt localWorkers = OptionalInt.empty();

    public PipelineMetrics() {
        processedRows = Counter.builder().name("wordstream_job_input_rows_total")
                .help("Records the Spark job has read from the input topics (rate(): the processed rate)")
                .register(registry);
        lateRows = Counter.builder().name("wordstream_job_late_rows_total")
                .help("Rows the job dropped because they arrived after the watermark").register(registry);
        rejectedRecords = Counter.builder().name("wordstream_job_rejected_records_total")
                .help("Input records the job could not read as a sentence and skipped").register(registry);
        batchDuration = Histogram.builder().name("wordstream_job_batch_duration_seconds").unit(Unit.SECONDS)
                .help("Duration of each micro-batch of the Spark job").classicOnly()
                .classicUpperBounds(BATCH_BUCKETS).register(registry);
        stateRows = Gauge.builder().name("wordstream_job_state_rows")
                .help("Rows the job's window state holds after the latest micro-batch").register(registry);
        watermarkDelay = Gauge.builder().name("wordstream_job_watermark_delay_seconds").unit(Unit.SECONDS)
                .help("How far the event-time watermark trailed the start of the latest micro-batch")
                .register(registry);
        jobRunning = Gauge.builder().name("wordstream_job_running")
                .help("1 while the Spark job runs, else 0").register(registry);
        sent = sentences("sent", "Sentences handed to Kafka");
        acknowledged = sentences("acknowledged", "Sentences Kafka acknowledged");
        failed = sentences("failed", "Sentences Kafka did not take");
        requests = Counter.builder().name("wordstream_gateway_requests_total")
                .help("Requests the HTTP gateway answered, by endpoint and status").labelNames("endpoint", "status")
                .register(registry);
        registerReadings();
    }

    private Counter sentences(String outcome, String help) {
        return Counter.builder().name("wordstream_sentences_" + outcome + "_total").help(help + ", by where they came"
                + " from").labelNames("via").register(registry);
    }

    /** The figures read at scrape time from the latest readings of Kafka and the Spark master. */
    private void registerReadings() {
        CounterWithCallback.builder().name("wordstream_kafka_input_records_total")
                .help("Records written into each input partition (its end offset; rate(): the input rate)")
                .labelNames("topic", "partition")
                .callback(c -> partitions().forEach(p -> c.call(p.end(), p.topic(), Integer.toString(p.partition()))))
                .register(registry);
        GaugeWithCallback.builder().name("wordstream_kafka_partition_lag_records")
                .help("Records of each input partition the job has not read yet").labelNames("topic", "partition")
                .callback(c -> partitions().stream().filter(p -> p.lag() >= 0)
                        .forEach(p -> c.call(p.lag(), p.topic(), Integer.toString(p.partition()))))
                .register(registry);
        GaugeWithCallback.builder().name("wordstream_kafka_broker_up")
                .help("1 for each broker the cluster lists, 0 for one seen before that it no longer lists")
                .labelNames("broker")
                .callback(c -> brokers().forEach(b -> c.call(b.up() ? 1 : 0, Integer.toString(b.id()))))
                .register(registry);
        GaugeWithCallback.builder().name("wordstream_spark_workers_alive")
                .help("Spark workers alive: the standalone master's count, else the local cluster's")
                .callback(c -> workersAlive().ifPresent(n -> c.call(n))).register(registry);
        GaugeWithCallback.builder().name("wordstream_spark_executors")
                .help("Executors of the Spark job as Spark's executors page lists them, the driver included")
                .callback(c -> executors().ifPresent(n -> c.call(n))).register(registry);
    }

    /** The registry to serve. */
    public PrometheusRegistry registry() {
        return registry;
    }

    /** A record of the job's metrics topic. */
    public void jobEvent(JobEvent e) {
        synchronized (cluster) {
            cluster.jobEvent(e);
        }
        if (!e.type().equals("progress")) {
            return;
        }
        processedRows.inc(e.metric("inputRows"));
        lateRows.inc(e.metric("rowsDroppedByWatermark"));
        rejectedRecords.inc(e.metric("rejected"));
        batchDuration.observe(e.metric("batchDurationMs") / 1000.0);
        stateRows.set(e.metric("stateRows"));
        watermarkDelay(e).ifPresent(d -> watermarkDelay.set(d.toMillis() / 1000.0));
    }

    /** The batch's start minus its watermark; empty before the first watermark (Spark's is then the epoch). */
    static Optional<Duration> watermarkDelay(JobEvent e) {
        try {
            Instant watermark = Instant.parse(e.json().path("watermark").asText(""));
            Instant batch = Instant.parse(e.json().path("batchTime").asText(""));
            return watermark.equals(Instant.EPOCH) ? Optional.empty() : Optional.of(Duration.between(watermark,
                    batch));
        } catch (DateTimeParseException ex) {
            return Optional.empty();
        }
    }

    /** Whether the Spark job runs. */
    public void jobRunning(boolean running) {
        jobRunning.set(running ? 1 : 0);
    }

    /** The session's local cluster was counted: its workers alive. */
    public void localWorkers(int workers) {
        localWorkers = OptionalInt.of(workers);
    }

    /** A reading of Kafka. */
    public void kafka(KafkaSnapshot s) {
        synchronized (cluster) {
            cluster.kafka(s, System.nanoTime());
        }
    }

    /** A reading of the Spark standalone master. */
    public void master(MasterSnapshot s) {
        synchronized (cluster) {
            cluster.master(s);
        }
    }

    /** A sentence was handed to Kafka. */
    public void sentenceSent(Via via) {
        sent.labelValues(label(via)).inc();
    }

    /** {@code n} sentences were handed to Kafka. */
    public void sentencesSent(Via via, int n) {
        sent.labelValues(label(via)).inc(n);
    }

    /** Kafka acknowledged {@code n} sentences. */
    public void sentencesAcknowledged(Via via, int n) {
        acknowledged.labelValues(label(via)).inc(n);
    }

    /** Kafka did not take {@code n} sentences. */
    public void sentencesFailed(Via via, int n) {
        failed.labelValues(label(via)).inc(n);
    }

    /** The gateway answered a request to {@code endpoint} ({@code users}, {@code windows}, ...) with {@code status}. */
    public void gatewayRequest(String endpoint, int status) {
        requests.labelValues(endpoint, Integer.toString(status)).inc();
    }

    /** What the HTTP gateway reports of its answers and sentences, counted here. */
    public GatewayTraffic gatewayTraffic() {
        return new GatewayTraffic() {
            @Override
            public void answered(String endpoint, int status) {
                gatewayRequest(endpoint, status);
            }

            @Override
            public void sentences(int sentCount, int acknowledgedCount, int failedCount) {
                sentencesSent(Via.GATEWAY, sentCount);
                sentencesAcknowledged(Via.GATEWAY, acknowledgedCount);
                sentencesFailed(Via.GATEWAY, failedCount);
            }
        };
    }

    private static String label(Via via) {
        return via == Via.CONSOLE ? "console" : "gateway";
    }

    private List<ClusterState.Partition> partitions() {
        synchronized (cluster) {
            return cluster.partitions();
        }
    }

    private List<ClusterState.Broker> brokers() {
        synchronized (cluster) {
            return cluster.brokers();
        }
    }

    private OptionalInt workersAlive() {
        Optional<MasterSnapshot> master;
        synchronized (cluster) {
            master = cluster.master().filter(MasterSnapshot::answered);
        }
        return master.isPresent() ? OptionalInt.of((int) master.get().alive()) : localWorkers;
    }

    private OptionalInt executors() {
        synchronized (cluster) {
            List<ClusterState.Executor> all = cluster.executors();
            return all.isEmpty() ? OptionalInt.empty() : OptionalInt.of(all.size());
        }
    }
}

package io.wordstream.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the query's life and progress to the metrics topic, one JSON record per event keyed by the Spark
 * application id, so the console can show the job's state and live metrics without reaching into the driver.
 */
final class MetricsPublisher extends StreamingQueryListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsPublisher.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long EXECUTORS_EVERY_NANOS = 2_000_000_000L;

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final String appId;
    private final AtomicLong rejectedTotal = new AtomicLong();
    private volatile boolean closed;
    /** The query's trigger and the executors' figures for the console's cluster view; null until described. */
    private volatile String trigger;
    private volatile ExecutorFigures executors;
    private volatile long executorsSentAt;

    MetricsPublisher(KafkaProducer<String, String> producer, String topic, String appId) {
        this.producer = producer;
        this.topic = topic;
        this.appId = appId;
    }

    /** The producer a publisher sends with; made apart, since a cold JVM takes a while over it. */
    static KafkaProducer<String, String> producer(Properties clientProperties) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        // Metrics are worth less than the listener bus: never block it for long when the broker is away.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "wordstream-metrics");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Adds the trigger to each progress event, and the executors' figures at most every 2 s after one. */
    void describe(String trigger, ExecutorFigures executors) {
        this.trigger = trigger;
        this.executors = executors;
        this.executorsSentAt = System.nanoTime() - EXECUTORS_EVERY_NANOS;
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {
        ObjectNode e = event("started");
        e.put("queryId", event.id().toString());
        e.put("runId", event.runId().toString());
        publish(e);
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        publish(progress(event.progress()));
        publishExecutors();
    }

    @Override
    public void onQueryIdle(QueryIdleEvent event) {
        ObjectNode e = event("idle");
        e.put("runId", event.runId().toString());
        // The trigger's start: an idle trigger started after a loss shows the job reads its input again.
        e.put("batchTime", event.timestamp());
        publish(e);
        publishExecutors();
    }

    /** The executors' figures, at most every 2 s: progress events may come many times a second. */
    private void publishExecutors() {
        ExecutorFigures figures = executors;
        long now = System.nanoTime();
        if (figures == null || now - executorsSentAt < EXECUTORS_EVERY_NANOS) {
            return;
        }
        executorsSentAt = now;
        try {
            ObjectNode e = event("executors");
            e.set("executors", figures.read());
            publish(e);
        } catch (RuntimeException ex) {
            LOG.debug("no executor figures this time: {}", ex.toString());
        }
    }

    /** Publishes an event another listener of the job observed (the scheduler's), as one of this publisher's. */
    void publish(String type, Consumer<ObjectNode> fields) {
        ObjectNode e = event(type);
        fields.accept(e);
        publish(e);
    }

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {
        ObjectNode e = event("terminated");
        e.put("runId", event.runId().toString());
        if (event.exception().isDefined()) {
            e.put("error", firstLine(event.exception().get()));
        }
        publish(e);
        flush();
    }

    /** Publishes that the query could not start or has failed, with the reason in one line. */
    void failed(String reason) {
        ObjectNode e = event("failed");
        e.put("error", reason);
        publish(e);
        flush();
    }

    private ObjectNode progress(StreamingQueryProgress p) {
        ObjectNode e = event("progress");
        e.put("runId", p.runId().toString());
        e.put("batchId", p.batchId());
        e.put("batchTime", p.timestamp());
        e.put("inputRows", p.numInputRows());
        e.put("inputRowsPerSecond", finite(p.inputRowsPerSecond()));
        e.put("processedRowsPerSecond", finite(p.processedRowsPerSecond()));
        e.put("batchDurationMs", p.batchDuration());
        // Where a batch's time went (latestOffset, queryPlanning, addBatch, walCommit, ...): the benchmark's profile.
        ObjectNode phases = e.putObject("durationMs");
        p.durationMs().forEach((phase, ms) -> phases.put(phase, ms));
        if (trigger != null) {
            e.put("trigger", trigger);
        }
        e.set("offsets", offsets(p));
        String watermark = p.eventTime().get("watermark");
        if (watermark != null) {
            e.put("watermark", watermark);
        }
        long stateRows = 0;
        long dropped = 0;
        long stateBytes = 0;
        for (StateOperatorProgress op : p.stateOperators()) {
            stateRows += op.numRowsTotal();
            dropped += op.numRowsDroppedByWatermark();
            stateBytes += op.memoryUsedBytes();
        }
        e.put("stateRows", stateRows);
        e.put("stateBytes", stateBytes);
        e.put("rowsDroppedByWatermark", dropped);
        long rejected = 0;
        long records = 0;
        Row observed = p.observedMetrics().get(KafkaSentences.OBSERVATION);
        if (observed != null) {
            records = observed.getLong(observed.fieldIndex(KafkaSentences.RECORDS));
            rejected = observed.getLong(observed.fieldIndex(KafkaSentences.REJECTED));
        }
        e.put("records", records);
        e.put("rejected", rejected);
        e.put("rejectedTotal", rejectedTotal.addAndGet(rejected));
        return e;
    }

    /**
     * The offsets the batch read up to, per topic and partition ({@code {"sentences":{"0":42}}}): against the topics'
     * end offsets they give the lag.
     */
    private static ObjectNode offsets(StreamingQueryProgress p) {
        ObjectNode out = JSON.createObjectNode();
        for (SourceProgress source : p.sources()) {
            try {
                JsonNode end = JSON.readTree(source.endOffset());
                if (end != null && end.isObject()) {
                    end.fields().forEachRemaining(t -> {
                        if (t.getValue().isObject()) {
                            out.set(t.getKey(), t.getValue());
                        }
                    });
                }
            } catch (IOException | RuntimeException e) {
                // A source whose offsets are not Kafka's (the socket source) has no lag to show.
                LOG.trace("offsets not read from {}: {}", source.description(), e.toString());
            }
        }
        return out;
    }

    private ObjectNode event(String type) {
        ObjectNode e = JSON.createObjectNode();
        e.put("type", type);
        e.put("appId", appId);
        e.put("time", Instant.now().toString());
        return e;
    }

    private void publish(ObjectNode event) {
        if (closed) {
            // Listener events still on Spark's bus when the job ends: what matters was published before closing.
            LOG.debug("not publishing a {} event: the job is ending", event.get("type").asText());
            return;
        }
        try {
            // The callback reports a failure; the future send returns would only repeat it.
            var unused = producer.send(new ProducerRecord<>(topic, appId, event.toString()), (meta, error) -> {
                if (error != null) {
                    LOG.warn("could not publish a metrics event to {}: {}", topic, error.toString());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("could not publish a metrics event to {}: {}", topic, e.toString());
        }
    }

    private void flush() {
        if (!closed) {
            producer.flush();
        }
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0.0;
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }

    @Override
    public void close() {
        closed = true;
        producer.close(Duration.ofSeconds(5));
    }
}

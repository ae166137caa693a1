package io.wordstream.console.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.wordstream.console.model.JobEvent;
import io.wordstream.console.model.KafkaSnapshot;
import io.wordstream.console.model.MasterSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The Prometheus figures a pipeline's events, readings and traffic make, as the text format shows them. */
class PipelineMetricsTest {
    /** Every family the endpoint serves, as Prometheus names them: the list docs/metrics.md gives. */
    static final Set<String> FAMILIES = Set.of("wordstream_job_input_rows_total", "wordstream_job_late_rows_total",
            "wordstream_job_rejected_records_total", "wordstream_job_batch_duration_seconds",
            "wordstream_job_state_rows", "wordstream_job_watermark_delay_seconds", "wordstream_job_running",
            "wordstream_sentences_sent_total", "wordstream_sentences_acknowledged_total",
            "wordstream_sentences_failed_total", "wordstream_gateway_requests_total",
            "wordstream_kafka_input_records_total", "wordstream_kafka_partition_lag_records",
            "wordstream_kafka_broker_up", "wordstream_spark_workers_alive", "wordstream_spark_executors");

    private static JobEvent progress(long inputRows, long late, long rejected, long durationMs, long done0) {
        return JobEvent.parse("{\"type\":\"progress\",\"appId\":\"app-1\",\"batchId\":3,\"batchDurationMs\":"
                + durationMs + ",\"inputRows\":" + inputRows + ",\"stateRows\":12,\"rowsDroppedByWatermark\":" + late
                + ",\"rejected\":" + rejected + ",\"batchTime\":\"2026-12-06T10:00:20.000Z\","
                + "\"watermark\":\"2026-12-06T10:00:00.000Z\",\"offsets\":{\"sentences\":{\"0\":" + done0
                + ",\"1\":40}}}").orElseThrow();
    }

    private static KafkaSnapshot kafka(KafkaSnapshot.Node... brokers) {
        return new KafkaSnapshot(List.of(brokers), 1, List.of(
                new KafkaSnapshot.Partition("sentences", 0, 1, List.of(1), 100),
                new KafkaSnapshot.Partition("sentences", 1, 1, List.of(1), 40)), 10, "");
    }

    static String text(PipelineMetrics m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, m.registry().scrape(), null);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Set<String> samples(String text) {
        Set<String> lines = new TreeSet<>();
        text.lines().filter(l -> !l.startsWith("#") && !l.contains("_created")).forEach(lines::add);
        return lines;
    }

    @Test
    void theJobsProgressBecomesCountersAHistogramAndGauges() throws IOException {
        PipelineMetrics m = new PipelineMetrics();
        m.jobRunning(true);
        m.jobEvent(progress(4, 1, 2, 250, 90));
        m.jobEvent(progress(6, 0, 1, 1500, 100));
        m.jobEvent(JobEvent.parse("{\"type\":\"idle\",\"appId\":\"app-1\"}").orElseThrow());
        Set<String> s = samples(text(m));
        for (String expected : new String[] {
            "wordstream_job_input_rows_total 10.0",
            "wordstream_job_late_rows_total 1.0",
            "wordstream_job_rejected_records_total 3.0",
            "wordstream_job_batch_duration_seconds_bucket{le=\"0.25\"} 1",
            "wordstream_job_batch_duration_seconds_bucket{le=\"1.0\"} 1",
            "wordstream_job_batch_duration_seconds_bucket{le=\"2.5\"} 2",
            "wordstream_job_batch_duration_seconds_bucket{le=\"+Inf\"} 2",
            "wordstream_job_batch_duration_seconds_count 2",
            "wordstream_job_batch_duration_seconds_sum 1.75",
            "wordstream_job_state_rows 12.0",
            "wordstream_job_watermark_delay_seconds 20.0",
            "wordstream_job_running 1.0"}) {
            assertTrue(s.contains(expected), expected + " in " + s);
        }
    }

    @Test
    void readingsOfKafkaAndTheMasterGiveLagPerPartitionBrokersWorkersAndExecutors() throws IOException {
        PipelineMetrics m = new PipelineMetrics();
        assertTrue(samples(text(m)).stream().noneMatch(l -> l.startsWith("wordstream_kafka")
                || l.startsWith("wordstream_spark")), "nothing is said before anything is known");
        KafkaSnapshot.Node b1 = new KafkaSnapshot.Node(1, "127.0.0.1:9092");
        KafkaSnapshot.Node b2 = new KafkaSnapshot.Node(2, "127.0.0.1:9094");
        m.kafka(kafka(b1, b2));
        m.jobEvent(progress(4, 0, 0, 100, 90));
        m.kafka(kafka(b1));
        m.jobEvent(JobEvent.parse("{\"type\":\"executors\",\"appId\":\"app-1\",\"executors\":[{\"id\":\"driver\"},"
                + "{\"id\":\"0\"},{\"id\":\"1\"}]}").orElseThrow());
        m.localWorkers(2);
        Set<String> s = samples(text(m));
        for (String expected : new String[] {
            "wordstream_kafka_input_records_total{partition=\"0\",topic=\"sentences\"} 100.0",
            "wordstream_kafka_input_records_total{partition=\"1\",topic=\"sentences\"} 40.0",
            "wordstream_kafka_partition_lag_records{partition=\"0\",topic=\"sentences\"} 10.0",
            "wordstream_kafka_partition_lag_records{partition=\"1\",topic=\"sentences\"} 0.0",
            "wordstream_kafka_broker_up{broker=\"1\"} 1.0",
            "wordstream_kafka_broker_up{broker=\"2\"} 0.0",
            "wordstream_spark_workers_alive 2.0",
            "wordstream_spark_executors 3.0"}) {
            assertTrue(s.contains(expected), expected + " in " + s);
        }
        // A standalone master's count wins over the local cluster's own.
        m.master(new MasterSnapshot("http://m/json/", "spark://m:7077", "ALIVE", List.of(
                new MasterSnapshot.Worker("w1:1", 1, 1, 1024, 512, "ALIVE", 0),
                new MasterSnapshot.Worker("w2:1", 1, 0, 1024, 0, "DEAD", 0)), ""));
        assertTrue(samples(text(m)).contains("wordstream_spark_workers_alive 1.0"));
    }

    @Test
    void sentencesAndGatewayRequestsAreCountedByWhereTheyCameFromAndTheirStatus() throws IOException {
        PipelineMetrics m = new PipelineMetrics();
        m.sentenceSent(PipelineMetrics.Via.CONSOLE);
        m.sentenceSent(PipelineMetrics.Via.CONSOLE);
        m.sentencesAcknowledged(PipelineMetrics.Via.CONSOLE, 1);
        m.sentencesFailed(PipelineMetrics.Via.CONSOLE, 1);
        m.sentencesAcknowledged(PipelineMetrics.Via.GATEWAY, 3);
        m.gatewayRequest("users", 202);
        m.gatewayRequest("users", 202);
        m.gatewayRequest("sentences", 413);
        Set<String> s = samples(text(m));
        for (String expected : new String[] {
            "wordstream_sentences_sent_total{via=\"console\"} 2.0",
            "wordstream_sentences_acknowledged_total{via=\"console\"} 1.0",
            "wordstream_sentences_acknowledged_total{via=\"gateway\"} 3.0",
            "wordstream_sentences_failed_total{via=\"console\"} 1.0",
            "wordstream_gateway_requests_total{endpoint=\"users\",status=\"202\"} 2.0",
            "wordstream_gateway_requests_total{endpoint=\"sentences\",status=\"413\"} 1.0"}) {
            assertTrue(s.contains(expected), expected + " in " + s);
        }
    }

    @Test
    void theGatewaysTrafficIsCountedAsTheGatewaysSentencesAndRequests() throws IOException {
        PipelineMetrics m = new PipelineMetrics();
        m.gatewayTraffic().sentences(3, 2, 1);
        m.gatewayTraffic().answered("users", 503);
        Set<String> s = samples(text(m));
        for (String expected : new String[] {
            "wordstream_sentences_sent_total{via=\"gateway\"} 3.0",
            "wordstream_sentences_acknowledged_total{via=\"gateway\"} 2.0",
            "wordstream_sentences_failed_total{via=\"gateway\"} 1.0",
            "wordstream_gateway_requests_total{endpoint=\"users\",status=\"503\"} 1.0"}) {
            assertTrue(s.contains(expected), expected + " in " + s);
        }
    }

    /** Figures fed once with everything a pipeline reports: labelled families show only once they have a value. */
    static PipelineMetrics everythingFed() {
        PipelineMetrics m = new PipelineMetrics();
        m.jobEvent(progress(4, 1, 2, 250, 90));
        m.kafka(kafka(new KafkaSnapshot.Node(1, "127.0.0.1:9092")));
        m.jobEvent(JobEvent.parse("{\"type\":\"executors\",\"executors\":[{\"id\":\"driver\"}]}").orElseThrow());
        m.localWorkers(1);
        for (PipelineMetrics.Via via : PipelineMetrics.Via.values()) {
            m.sentenceSent(via);
            m.sentencesAcknowledged(via, 1);
            m.sentencesFailed(via, 0);
        }
        m.gatewayRequest("users", 202);
        return m;
    }

    @Test
    void everyFamilyHasItsHelpAndTypeAndNoOtherIsServed() throws IOException {
        String text = text(everythingFed());
        Set<String> typed = new TreeSet<>();
        text.lines().filter(l -> l.startsWith("# TYPE ")).forEach(l -> typed.add(l.split(" ")[2]));
        Set<String> expected = new TreeSet<>();
        FAMILIES.forEach(f -> expected.add(f.replaceFirst("_total$", "")));
        // The text format names a counter's family without _total; the samples carry it.
        Set<String> families = new TreeSet<>();
        typed.forEach(t -> families.add(t.replaceFirst("_total$", "")));
        assertEquals(expected, families, text);
        assertEquals(typed.size(), text.lines().filter(l -> l.startsWith("# HELP ")).count());
    }

    @Test
    void noWatermarkDelayBeforeTheFirstWatermark() {
        JobEvent first = JobEvent.parse("{\"type\":\"progress\",\"batchTime\":\"2026-12-06T10:00:20.000Z\","
                + "\"watermark\":\"1970-01-01T00:00:00.000Z\"}").orElseThrow();
        assertTrue(PipelineMetrics.watermarkDelay(first).isEmpty());
    }
}

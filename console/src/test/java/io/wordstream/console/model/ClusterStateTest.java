package io.wordstream.console.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordstream.console.model.MetricHistory.Metric;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The cluster view's model: brokers seen and gone, lag per partition and its trend, executors, master, history. */
class ClusterStateTest {
    private static final long SECOND = 1_000_000_000L;

    private static KafkaSnapshot kafka(long end0, long end1, KafkaSnapshot.Node... brokers) {
        return new KafkaSnapshot(List.of(brokers), 1, List.of(
                new KafkaSnapshot.Partition("sentences", 1, 2, List.of(2, 1), end1),
                new KafkaSnapshot.Partition("sentences", 0, 1, List.of(1), end0)), 500, "");
    }

    private static JobEvent progress(long batch, long done0, long done1) {
        return JobEvent.parse("{\"type\":\"progress\",\"appId\":\"app-1\",\"batchId\":" + batch
                + ",\"batchDurationMs\":250,\"trigger\":\"1s\",\"inputRowsPerSecond\":3.5,"
                + "\"processedRowsPerSecond\":7.25,\"inputRows\":4,\"stateRows\":12,"
                + "\"offsets\":{\"sentences\":{\"0\":" + done0 + ",\"1\":" + done1 + "}}}").orElseThrow();
    }

    private static final KafkaSnapshot.Node B1 = new KafkaSnapshot.Node(1, "10.0.0.1:9092");
    private static final KafkaSnapshot.Node B2 = new KafkaSnapshot.Node(2, "10.0.0.2:9092");

    @Test
    void aBrokerSeenAndThenGoneShowsDownAndUpAgainWhenBack() {
        ClusterState c = new ClusterState();
        c.kafka(kafka(0, 0, B1, B2), 0);
        assertEquals(List.of(new ClusterState.Broker(1, "10.0.0.1:9092", true, true),
                new ClusterState.Broker(2, "10.0.0.2:9092", false, true)), c.brokers());
        c.kafka(kafka(0, 0, B1), 2 * SECOND);
        assertEquals(List.of(new ClusterState.Broker(1, "10.0.0.1:9092", true, true),
                new ClusterState.Broker(2, "10.0.0.2:9092", false, false)), c.brokers());
        c.kafka(KafkaSnapshot.unanswered("Timed out waiting for a node assignment"), 4 * SECOND);
        assertEquals(List.of(new ClusterState.Broker(1, "10.0.0.1:9092", false, false),
                new ClusterState.Broker(2, "10.0.0.2:9092", false, false)), c.brokers());
        assertEquals("Timed out waiting for a node assignment", c.kafkaError());
        assertEquals(OptionalLong.empty(), c.lag(), "no lag without end offsets");
        c.kafka(kafka(0, 0, B1, B2), 6 * SECOND);
        assertEquals(2, c.brokers().stream().filter(ClusterState.Broker::up).count());
        assertEquals("", c.kafkaError());
    }

    @Test
    void lagIsEndMinusProcessedOffsetPerPartitionAndItsTrendFollowsTheReadings() {
        ClusterState c = new ClusterState();
        c.kafka(kafka(100, 40, B1), 0);
        assertEquals(OptionalLong.empty(), c.lag(), "unknown before the job's first batch");
        assertEquals(-1, c.partitions().get(0).lag());
        c.jobEvent(progress(3, 90, 40));
        c.kafka(kafka(100, 40, B1), 2 * SECOND);
        assertEquals(OptionalLong.of(10), c.lag());
        assertEquals(ClusterState.Trend.BEHIND, c.trend());
        c.kafka(kafka(150, 40, B1), 4 * SECOND);
        assertEquals(OptionalLong.of(60), c.lag());
        assertEquals(ClusterState.Trend.FALLING_BEHIND, c.trend());
        // Sorted by partition; 50 records in the 10 s rate window of partition 0.
        assertEquals(List.of(
                new ClusterState.Partition("sentences", 0, 1, List.of(1), 150, 90, 60, 5.0),
                new ClusterState.Partition("sentences", 1, 2, List.of(2, 1), 40, 40, 0, 0.0)), c.partitions());
        c.jobEvent(progress(4, 120, 40));
        c.kafka(kafka(150, 40, B1), 6 * SECOND);
        assertEquals(ClusterState.Trend.CATCHING_UP, c.trend());
        c.jobEvent(progress(5, 150, 40));
        c.kafka(kafka(150, 40, B1), 8 * SECOND);
        assertEquals(OptionalLong.of(0), c.lag());
        assertEquals(ClusterState.Trend.CAUGHT_UP, c.trend());
        assertEquals(new ClusterState.Query(5, "1s", 250, 3.5, 7.25), c.query().orElseThrow());
        assertEquals(500, c.resultsRecords());
    }

    @Test
    void executorsComeFromTheirEventOnTheMetricsTopic() {
        ClusterState c = new ClusterState();
        c.jobEvent(JobEvent.parse("{\"type\":\"executors\",\"appId\":\"app-1\",\"executors\":["
                + "{\"id\":\"driver\",\"host\":\"127.0.0.1:4040\",\"cores\":0,\"activeTasks\":0,\"failedTasks\":0,"
                + "\"memoryUsed\":1024,\"maxMemory\":4096,\"gcTimeMs\":0},"
                + "{\"id\":\"0\",\"host\":\"127.0.0.1:4100\",\"cores\":1,\"activeTasks\":1,\"failedTasks\":2,"
                + "\"memoryUsed\":2048,\"maxMemory\":8192,\"gcTimeMs\":340}]}").orElseThrow());
        assertEquals(List.of(new ClusterState.Executor("driver", "127.0.0.1:4040", 0, 0, 0, 1024, 4096, 0),
                new ClusterState.Executor("0", "127.0.0.1:4100", 1, 1, 2, 2048, 8192, 340)), c.executors());
        assertTrue(c.known());
    }

    @Test
    void theMastersJsonGivesItsStateAndWorkers() throws Exception {
        MasterSnapshot m = MasterSnapshot.parse("http://127.0.0.1:8080/json/", new ObjectMapper().readTree(
                "{\"url\":\"spark://127.0.0.1:7077\",\"status\":\"ALIVE\",\"workers\":["
                + "{\"host\":\"127.0.0.1\",\"port\":40001,\"cores\":1,\"coresused\":1,\"memory\":1024,"
                + "\"memoryused\":512,\"state\":\"ALIVE\",\"lastheartbeat\":1764417600000},"
                + "{\"host\":\"127.0.0.1\",\"port\":40002,\"cores\":2,\"coresused\":0,\"memory\":2048,"
                + "\"memoryused\":0,\"state\":\"DEAD\",\"lastheartbeat\":1764417500000}]}"));
        assertEquals(new MasterSnapshot("http://127.0.0.1:8080/json/", "spark://127.0.0.1:7077", "ALIVE", List.of(
                new MasterSnapshot.Worker("127.0.0.1:40001", 1, 1, 1024, 512, "ALIVE", 1764417600000L),
                new MasterSnapshot.Worker("127.0.0.1:40002", 2, 0, 2048, 0, "DEAD", 1764417500000L)), ""), m);
        assertEquals(1, m.alive());
    }

    @Test
    void historyKeepsOneSampleEveryFiveSecondsOverTwelveMinutesAndTheCurrentFigureAlways() {
        MetricHistory h = new MetricHistory();
        for (int i = 0; i < 400; i++) {
            h.offer(i * SECOND, Map.of(Metric.LAG, (double) i));
        }
        // 400 s of readings, one kept per 5 s: 80 samples, well under the 144 of twelve minutes.
        assertEquals(80, h.size());
        assertEquals(395.0, h.series(Metric.LAG).get(79));
        assertEquals(399.0, h.current(Metric.LAG), "the current figure is the latest reading, kept or not");
        for (int i = 400; i < 1200; i++) {
            h.offer(i * SECOND, Map.of(Metric.LAG, (double) i));
        }
        assertEquals(MetricHistory.SAMPLES, h.size(), "bounded");
        assertEquals(1195.0 - 5 * (MetricHistory.SAMPLES - 1), h.series(Metric.LAG).get(0));
        assertTrue(Double.isNaN(h.current(Metric.INPUT_RATE)), "unknown figures are NaN");
    }
}

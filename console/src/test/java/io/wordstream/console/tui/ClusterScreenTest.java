package io.wordstream.console.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.googlecode.lanterna.input.KeyType;
import io.wordstream.console.model.JobEvent;
import io.wordstream.console.model.KafkaSnapshot;
import io.wordstream.console.model.MasterSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cluster view, its compact line and the lag in the status line, drawn on a virtual terminal. */
class ClusterScreenTest {
    private static final long SECOND = 1_000_000_000L;
    private static final KafkaSnapshot.Node B1 = new KafkaSnapshot.Node(1, "127.0.0.1:39001");

    private static KafkaSnapshot kafka(long end0, long end1) {
        return new KafkaSnapshot(List.of(B1), 1, List.of(
                new KafkaSnapshot.Partition("sentences", 0, 1, List.of(1), end0),
                new KafkaSnapshot.Partition("sentences", 1, 1, List.of(1), end1)), 3456, "");
    }

    private static JobEvent progress(long batch, long done0, long done1) {
        return JobEvent.parse("{\"type\":\"progress\",\"appId\":\"local-1\",\"batchId\":" + batch
                + ",\"batchDurationMs\":120,\"trigger\":\"0s\",\"inputRowsPerSecond\":2.5,"
                + "\"processedRowsPerSecond\":4.0,\"inputRows\":5,\"stateRows\":30,"
                + "\"offsets\":{\"sentences\":{\"0\":" + done0 + ",\"1\":" + done1 + "}}}").orElseThrow();
    }

    private static final String EXECUTORS = "{\"type\":\"executors\",\"appId\":\"local-1\",\"executors\":["
            + "{\"id\":\"driver\",\"host\":\"127.0.0.1:40111\",\"cores\":0,\"activeTasks\":0,\"failedTasks\":0,"
            + "\"memoryUsed\":0,\"maxMemory\":454033408,\"gcTimeMs\":80},"
            + "{\"id\":\"0\",\"host\":\"127.0.0.1:40222\",\"cores\":1,\"activeTasks\":1,\"failedTasks\":0,"
            + "\"memoryUsed\":3145728,\"maxMemory\":127506841,\"gcTimeMs\":1250}]}";

    private static final String MASTER = "{\"url\":\"spark://127.0.0.1:7177\",\"status\":\"ALIVE\",\"workers\":["
            + "{\"host\":\"127.0.0.1\",\"port\":40001,\"cores\":1,\"coresused\":1,\"memory\":1024,"
            + "\"memoryused\":512,\"state\":\"ALIVE\",\"lastheartbeat\":1764417600000},"
            + "{\"host\":\"127.0.0.1\",\"port\":40002,\"cores\":1,\"coresused\":0,\"memory\":1024,"
            + "\"memoryused\":0,\"state\":\"DEAD\",\"lastheartbeat\":1764417541000}]}";

    /** A running console told of two Kafka readings 5 s apart, a batch, the executors and the master. */
    private static TestConsole told() throws Exception {
        TestConsole c = TestConsole.running(100, 40);
        c.events.jobEvent(progress(7, 100, 80));
        c.events.kafkaCluster(kafka(120, 80));
        c.clock.addAndGet(5 * SECOND);
        c.events.kafkaCluster(kafka(130, 80));
        c.events.jobEvent(JobEvent.parse(EXECUTORS).orElseThrow());
        c.events.sparkMaster(MasterSnapshot.parse("http://127.0.0.1:8181/json/",
                new ObjectMapper().readTree(MASTER)));
        return c;
    }

    @Test
    void f2ShowsBrokersPartitionsMasterWorkersExecutorsQueryAndHistoryRowByRow() throws Exception {
        TestConsole c = told();
        c.press(KeyType.F2);
        List<String> rows = c.show();
        assertEquals(" wordstream ● RUNNING │ lag 30 records, falling behind │ up 5s │ kafka 127.0.0.1:9092 │ master"
                + " loca…", rows.get(0));
        assertEquals(List.of(
                " kafka 1/1 brokers up · 2 partitions · spark ALIVE 1/2 workers · 2 executors · batch 7 · F2"
                        + " cluster",
                " Kafka  1 of 1 brokers up · results topic 3,456 records",
                "   broker address               role        state",
                "   1      127.0.0.1:39001       controller  up",
                "   partition      leader  isr     end        processed  lag      rate",
                "   sentences/0    1       1       130        100        30       1.0/s",
                "   sentences/1    1       1       80         80         0        0.0/s",
                " Spark  master spark://127.0.0.1:7177 ALIVE · 1 of 2 workers alive",
                "   worker               cores   memory        state   last heartbeat",
                "   127.0.0.1:40001      1/1     512/1024 MiB  ALIVE   12:00:00",
                "   127.0.0.1:40002      0/1     0/1024 MiB    DEAD    11:59:01",
                "   executor host                  cores  active  failed  memory          gc",
                "   driver   127.0.0.1:40111       0      0       0       0/433 MiB       0.1 s",
                "   0        127.0.0.1:40222       1      1       0       3/121 MiB       1.3 s",
                // Over the last 10 s, as the status row: not the batch's momentary 2.5/s and 4.0/s.
                "   query batch 7 · trigger 0s · last batch 120 ms · input – · processed 0.5/s (last 10 s)",
                " History  last 12 min, one sample every 5 s",
                "   input       –",
                // Two samples 5 s apart: the processed rate, batch time and state rows held, the lag grew 20 to 30.
                "   processed   0.5/s        ██",
                "   batch ms    120          ██",
                "   state rows  30           ██",
                "   lag         30           ▆█",
                ""), rows.subList(2, 24));
        assertEquals(" Enter send  Esc keys  PgUp/PgDn window  Tab focus  F1 help  Ctrl-C quit", rows.get(39));

        c.press(KeyType.F2);
        rows = c.show();
        assertEquals(" kafka 1/1 brokers up · 2 partitions · spark ALIVE 1/2 workers · 2 executors · batch 7 · F2"
                + " cluster", rows.get(2));
        assertEquals("", rows.get(3), "F2 again: the charts (none yet) in place of the cluster view");
    }

    @Test
    void whileALocalClusterStartsTheHeaderAndF2NameItAndOnceReadyItsMaster() throws Exception {
        TestConsole c = new TestConsole(150, 30, "local cluster of 2 workers (starting)");
        c.press(KeyType.F2);
        List<String> rows = c.show();
        assertTrue(rows.get(0).contains(" │ master local cluster of 2 workers (starting) │ app -"), rows.get(0));
        assertEquals(" Spark  master local cluster of 2 workers (starting) · not read yet", spark(rows));

        c.events.jobState("RUNNING", "app-1");
        c.events.ready("127.0.0.1:9092", "spark://127.0.0.1:7177", "app-1");
        rows = c.show();
        assertTrue(rows.get(0).contains(" │ master spark://127.0.0.1:7177 │ app app-1"), rows.get(0));
        assertEquals(" Spark  master spark://127.0.0.1:7177 · not read yet", spark(rows));
        c.events.sparkMaster(MasterSnapshot.parse("http://127.0.0.1:8181/json/", new ObjectMapper().readTree(MASTER)));
        assertEquals(" Spark  master spark://127.0.0.1:7177 ALIVE · 1 of 2 workers alive", spark(c.show()));
    }

    /** The Spark section's heading. */
    private static String spark(List<String> rows) {
        return rows.stream().filter(r -> r.startsWith(" Spark ")).findFirst().orElse(String.join("\n", rows));
    }

    @Test
    void inLocalModeF2SaysThereIsNoStandaloneMaster() throws Exception {
        TestConsole c = TestConsole.running(100, 30);
        c.press(KeyType.F2);
        assertEquals(" Spark  no standalone master (local mode, local[2])", spark(c.show()));
    }

    @Test
    void aSecuredSessionSaysSoInTheHeaderAndMarksEachBrokerAndWorker() throws Exception {
        TestConsole c = told();
        c.events.security("secured: TLS+certificates, Spark auth", true);
        c.press(KeyType.F2);
        List<String> rows = c.show();
        assertEquals(" wordstream ● RUNNING │ lag 30 records, falling behind │ secured: TLS+certificates, Spark auth │"
                + " up…", rows.get(0));
        assertEquals("   broker address               role        state   link", rows.get(4));
        assertEquals("   1      127.0.0.1:39001       controller  up      TLS, client certificate", rows.get(5));
        assertEquals("   worker               cores   memory        state   last heartbeat  link", rows.get(10));
        assertEquals("   127.0.0.1:40001      1/1     512/1024 MiB  ALIVE   12:00:00        secret, encrypted",
                rows.get(11));
    }

    @Test
    void aMasterThatDoesNotAnswerAndKafkaGoneAreOneLineEachAndVTogglesTheViewInKeysMode() throws Exception {
        TestConsole c = told();
        c.events.sparkMaster(MasterSnapshot.unanswered("http://127.0.0.1:1/json/", "Connection refused"));
        c.clock.addAndGet(2 * SECOND);
        c.events.kafkaCluster(KafkaSnapshot.unanswered("Timed out waiting for a node assignment"));
        c.press(KeyType.Escape);
        c.press('v');
        List<String> rows = c.show();
        assertEquals(" wordstream ● RUNNING │ up 7s │ kafka 127.0.0.1:9092 │ master local[2] │ app local-1",
                rows.get(0), "no lag while Kafka does not answer");
        assertEquals(List.of(
                // Cut at the terminal's edge.
                " kafka 0/1 brokers up · 0 partitions · spark master does not answer · 2 executors · batch 7 · F2"
                        + " cl…",
                " Kafka  0 of 1 brokers up · results topic: size unknown",
                "   Kafka does not answer: Timed out waiting for a node assignment",
                "   broker address               role        state",
                "   1      127.0.0.1:39001                   down",
                " Spark  master",
                "   the master's JSON at http://127.0.0.1:1/json/ does not answer: Connection refused",
                "   executor host                  cores  active  failed  memory          gc"),
                rows.subList(2, 10));

        c.press('v');
        assertEquals("", c.show().get(3), "v again hides it");
    }

    @Test
    void theHelpNamesTheClusterViewKeys() {
        List<String> help = HelpView.lines(Keys.help(), 80);
        assertEquals(1, help.stream().filter(l -> l.startsWith("  F1 / F2 ")).count(), String.join("\n", help));
        assertEquals(1, help.stream().filter(l -> l.startsWith("  l / v / p ")).count(), String.join("\n", help));
    }
}

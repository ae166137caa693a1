package io.wordstream.console.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.googlecode.lanterna.input.KeyType;
import io.wordstream.console.model.JobEvent;
import io.wordstream.console.model.MasterSnapshot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A host of the cluster lost while the console runs, on a virtual terminal: the cluster view names it with its
 * worker and the job's executor there and says their tasks run elsewhere, then that counting resumed, then that it
 * is back; the compact line names it while it is lost, and the feedback line says each turn.
 */
class HostOutageScreenTest {
    private static final String HOST = "10.0.0.3";
    private static final String LOST = "⚠ host 10.0.0.3 lost \\d+s ago \\(its worker, executor 1\\); its tasks run"
            + " elsewhere";

    private static JobEvent event(String json) {
        return JobEvent.parse(json).orElseThrow();
    }

    private static JobEvent executors(String... idAndHost) {
        StringBuilder list = new StringBuilder("{\"id\":\"driver\",\"host\":\"10.0.0.1:40111\",\"cores\":0,"
                + "\"activeTasks\":0,\"failedTasks\":0,\"memoryUsed\":0,\"maxMemory\":454033408,\"gcTimeMs\":0}");
        for (int i = 0; i < idAndHost.length; i += 2) {
            list.append(",{\"id\":\"").append(idAndHost[i]).append("\",\"host\":\"").append(idAndHost[i + 1])
                    .append(":35001\",\"cores\":1,\"activeTasks\":0,\"failedTasks\":0,\"memoryUsed\":0,"
                            + "\"maxMemory\":127506841,\"gcTimeMs\":0}");
        }
        return event("{\"type\":\"executors\",\"appId\":\"app-1\",\"executors\":[" + list + "]}");
    }

    private static MasterSnapshot master(String hostState) throws Exception {
        return MasterSnapshot.parse("http://10.0.0.1:8080/json/", new ObjectMapper().readTree(
                "{\"url\":\"spark://10.0.0.1:7077\",\"status\":\"ALIVE\",\"workers\":["
                        + "{\"host\":\"10.0.0.2\",\"port\":40001,\"cores\":1,\"coresused\":1,\"memory\":1024,"
                        + "\"memoryused\":512,\"state\":\"ALIVE\",\"lastheartbeat\":1764417600000},"
                        + "{\"host\":\"" + HOST + "\",\"port\":40001,\"cores\":1,\"coresused\":1,\"memory\":1024,"
                        + "\"memoryused\":512,\"state\":\"" + hostState + "\",\"lastheartbeat\":1764417600000}]}"));
    }

    private static String feedback(List<String> rows) {
        return rows.get(rows.size() - 2);
    }

    private static String hostLine(List<String> rows, String start) {
        return rows.stream().filter(r -> r.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no row starts with '" + start + "':\n" + String.join("\n",
                        rows)));
    }

    @Test
    void theClusterViewAndTheFeedbackLineTellTheLossTheResumptionAndTheReturn() throws Exception {
        TestConsole c = TestConsole.running(120, 40);
        c.events.jobEvent(executors("0", "10.0.0.2", "1", HOST));
        c.events.sparkMaster(master("ALIVE"));
        c.press(KeyType.F2);
        List<String> rows = c.show();
        assertTrue(rows.stream().noneMatch(r -> r.contains("Hosts") || r.contains("⚠ host")),
                String.join("\n", rows));

        // The worker dies at the master and the driver removes the job's executor there.
        c.events.sparkMaster(master("DEAD"));
        c.events.jobEvent(event("{\"type\":\"executorRemoved\",\"executorId\":\"1\",\"host\":\"" + HOST + "\","
                + "\"reason\":\"worker lost\",\"time\":\"" + Instant.now() + "\"}"));
        rows = c.show();
        assertTrue(rows.get(2).startsWith(" ⚠ host 10.0.0.3 lost · kafka "), rows.get(2));
        assertEquals(" Hosts  1 lost", hostLine(rows, " Hosts"));
        assertTrue(hostLine(rows, "   ⚠ host").matches("   " + LOST + "; counting waits"), String.join("\n", rows));
        assertTrue(feedback(rows).matches(" " + LOST + "; counting waits"), feedback(rows));

        // A micro-batch started after the loss completes: counting resumed, with nothing typed.
        c.events.jobEvent(event("{\"type\":\"progress\",\"appId\":\"app-1\",\"batchId\":8,\"batchDurationMs\":120,"
                + "\"trigger\":\"0s\",\"inputRowsPerSecond\":0,\"processedRowsPerSecond\":0,\"inputRows\":0,"
                + "\"stateRows\":30,\"batchTime\":\"" + Instant.now() + "\",\"offsets\":{}}"));
        rows = c.show();
        String resumed = LOST + "; counting resumed after \\d+\\.\\d s";
        assertTrue(hostLine(rows, "   ⚠ host").matches("   " + resumed), String.join("\n", rows));
        assertTrue(feedback(rows).matches(" " + resumed), feedback(rows));

        // The worker rejoins and the job gets a new executor there.
        c.events.sparkMaster(master("ALIVE"));
        c.events.jobEvent(event("{\"type\":\"executorAdded\",\"executorId\":\"2\",\"host\":\"" + HOST + "\"}"));
        rows = c.show();
        String back = "host 10.0.0.3 back after \\d+\\.\\d s: its worker rejoined, executor 2 runs there";
        assertEquals(" Hosts  every lost host is back", hostLine(rows, " Hosts"));
        assertTrue(hostLine(rows, "   host").matches("   " + back), String.join("\n", rows));
        assertTrue(feedback(rows).matches(" " + back), feedback(rows));
        assertTrue(rows.get(2).startsWith(" kafka "), "the compact line no longer names it: " + rows.get(2));
    }
}

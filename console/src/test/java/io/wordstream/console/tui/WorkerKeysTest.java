package io.wordstream.console.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keys w and W on a virtual terminal: what they ask of the pipeline, and what the screen says. */
class WorkerKeysTest {
    private static TestConsole onLocalCluster(int workers) throws Exception {
        TestConsole c = TestConsole.running(100, 24);
        c.events.workers(workers, workers, "the job runs on " + workers + " executors");
        c.press(KeyType.Escape);
        return c;
    }

    @Test
    void wAddsAWorkerAndTheHeaderCountsWorkersAndExecutors() throws Exception {
        TestConsole c = onLocalCluster(1);
        assertTrue(c.show().get(0).contains("│ workers 1 · executors 1 │"), c.rows().get(0));
        c.press('w');
        List<String> rows = c.show();
        assertEquals(1, c.backend.workersAdded);
        assertTrue(String.join("\n", rows).contains("adding a Spark worker (now 1)..."), String.join("\n", rows));

        c.events.workers(2, 1, "Spark worker 2 started, but after 120 s 2 workers, the job on 1 executor");
        assertTrue(c.show().get(0).contains("│ workers 2 · executors 1 │"), c.rows().get(0));
        c.events.workers(2, 2, "Spark worker 2 added: 2 workers, the job on 2 executors");
        rows = c.show();
        assertTrue(rows.get(0).contains("│ workers 2 · executors 2 │"), rows.get(0));
        assertTrue(String.join("\n", rows).contains("Spark worker 2 added: 2 workers, the job on 2 executors"));
    }

    @Test
    void capitalWStopsOneButNeverTheLast() throws Exception {
        TestConsole c = onLocalCluster(2);
        c.press('W');
        String screen = String.join("\n", c.show());
        assertEquals(1, c.backend.workersStopped);
        assertTrue(screen.contains("stopping the newest of 2 Spark workers..."), screen);

        c.events.workers(1, 1, "Spark worker 2 stopped: 1 worker, the job on 1 executor");
        c.press('W');
        screen = String.join("\n", c.show());
        assertEquals(1, c.backend.workersStopped, "the last worker is not asked to stop");
        assertTrue(screen.contains("the last Spark worker stays: the job needs one (press w to add a worker)"),
                screen);
    }

    @Test
    void withoutALocalClusterTheKeysSaySoAndAskNothing() throws Exception {
        TestConsole c = TestConsole.running(100, 24);
        c.press(KeyType.Escape);
        c.press('w');
        c.press('W');
        String screen = String.join("\n", c.show());
        assertEquals(0, c.backend.workersAdded + c.backend.workersStopped);
        assertTrue(screen.contains("w and W add and stop Spark workers only under --local-cluster N"), screen);
        assertTrue(!c.rows().get(0).contains("workers"), c.rows().get(0));
    }

    @Test
    void notWhileThePipelineIsStopping() throws Exception {
        TestConsole c = onLocalCluster(2);
        c.controller.quit();
        c.press('w');
        String screen = String.join("\n", c.show());
        assertEquals(0, c.backend.workersAdded);
        assertTrue(screen.contains("the pipeline is not running: no worker is added or stopped now"), screen);
    }

    @Test
    void helpListsTheWorkerKeys() throws Exception {
        TestConsole c = TestConsole.running(100, 30);
        c.press(KeyType.F1);
        String screen = String.join("\n", c.show());
        assertTrue(screen.contains("  w / W"), screen);
        assertTrue(screen.contains("add a Spark worker / stop the newest (--local-cluster)"), screen);
    }
}

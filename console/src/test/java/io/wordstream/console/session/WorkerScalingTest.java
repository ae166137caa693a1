package io.wordstream.console.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.errors.UserError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adding and stopping workers against a scripted cluster: the waits for the master and executors, the reports. */
class WorkerScalingTest {
    /** A cluster whose master and executors follow a change after {@code lag} polls. */
    private static final class ScriptedCluster implements WorkerScaling.Cluster {
        int started;
        int alive;
        int executors;
        int lag;
        int polls;
        int maxNumber;
        boolean refuseStart;

        ScriptedCluster(int workers, int lag) {
            this.started = workers;
            this.alive = workers;
            this.executors = workers;
            this.maxNumber = workers;
            this.lag = lag;
        }

        @Override
        public int addWorker() {
            if (refuseStart) {
                throw new UserError("stopped while starting");
            }
            started++;
            polls = 0;
            return ++maxNumber;
        }

        @Override
        public int stopNewestWorker() {
            if (started <= 1) {
                return 0;
            }
            started--;
            polls = 0;
            return maxNumber--;
        }

        @Override
        public int workers() {
            return started;
        }

        @Override
        public int aliveWorkers() {
            if (++polls > lag) {
                alive = started;
            }
            return alive;
        }

        @Override
        public int executors() {
            if (polls > lag) {
                executors = started;
            }
            return executors;
        }

        @Override
        public String workerLog(int number) {
            return "/logs/spark-worker-" + number + ".log";
        }
    }

    private final List<SessionEvent.Workers> reports = new ArrayList<>();
    private final SessionListener listener = e -> reports.add((SessionEvent.Workers) e);

    @Test
    void anAddedWorkerIsReportedOnceTheMasterAndTheExecutorsFollow() {
        ScriptedCluster cluster = new ScriptedCluster(1, 3);
        WorkerScaling scaling = new WorkerScaling(listener, Duration.ofSeconds(30));
        scaling.ask(WorkerScaling.Change.ADD);
        assertTrue(scaling.pending());
        scaling.applyNext(cluster, () -> false);
        assertFalse(scaling.pending());
        assertEquals(List.of(new SessionEvent.Workers(2, 2,
                "Spark worker 2 added: 2 workers, the job on 2 executors (log: /logs/spark-worker-2.log)")), reports);
    }

    @Test
    void aStoppedWorkerIsReportedWithTheCountsLeftAndTheLastOneStays() {
        ScriptedCluster cluster = new ScriptedCluster(2, 2);
        WorkerScaling scaling = new WorkerScaling(listener, Duration.ofSeconds(30));
        scaling.ask(WorkerScaling.Change.STOP);
        scaling.ask(WorkerScaling.Change.STOP);
        scaling.applyNext(cluster, () -> false);
        scaling.applyNext(cluster, () -> false);
        assertEquals(List.of(new SessionEvent.Workers(1, 1, "Spark worker 2 stopped: 1 worker, the job on 1 executor"),
                new SessionEvent.Workers(1, 1,
                        "the last Spark worker stays: the job needs one (press w to add a worker)")), reports);
        assertEquals(1, cluster.workers());
    }

    @Test
    void executorsThatDoNotFollowInTimeAreReportedAsTheyAre() {
        ScriptedCluster cluster = new ScriptedCluster(1, Integer.MAX_VALUE);
        WorkerScaling scaling = new WorkerScaling(listener, Duration.ofMillis(600));
        scaling.ask(WorkerScaling.Change.ADD);
        scaling.applyNext(cluster, () -> false);
        assertEquals(List.of(new SessionEvent.Workers(2, 1, "Spark worker 2 started, but after 0 s 1 worker, the job"
                + " on 1 executor; see /logs/spark-worker-2.log")), reports);
    }

    @Test
    void nothingIsReportedWhileStoppingNorWithoutACluster() {
        ScriptedCluster cluster = new ScriptedCluster(1, 0);
        cluster.refuseStart = true;
        WorkerScaling scaling = new WorkerScaling(listener, Duration.ofSeconds(30));
        scaling.ask(WorkerScaling.Change.ADD);
        scaling.applyNext(cluster, () -> false);
        assertEquals("Spark worker not added: stopped while starting", reports.get(0).message());
        reports.clear();
        scaling.ask(WorkerScaling.Change.ADD);
        scaling.applyNext(cluster, () -> true);
        scaling.ask(WorkerScaling.Change.STOP);
        scaling.applyNext(null, () -> false);
        assertEquals(List.of(), reports);
        assertFalse(scaling.pending());
    }
}

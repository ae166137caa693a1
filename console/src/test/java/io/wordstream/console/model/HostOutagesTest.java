package io.wordstream.console.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostOutagesTest {
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static final String H1 = "10.0.0.2";
    private static final String H2 = "10.0.0.3";
    private static final String H3 = "10.0.0.4";

    private final HostOutages outages = new HostOutages();

    /** Three hosts, each with a broker, an alive worker and an executor of the job. */
    private void healthy() {
        outages.brokers(List.of(broker(1, H1, true), broker(2, H2, true), broker(3, H3, true)), at(0));
        outages.workers(List.of(worker(H1, "ALIVE"), worker(H2, "ALIVE"), worker(H3, "ALIVE")), at(0));
        outages.jobEvent(event("{\"type\":\"executors\",\"executors\":[{\"id\":\"driver\",\"host\":\"10.0.0.1:4040\"},"
                + "{\"id\":\"1\",\"host\":\"" + H1 + ":35001\"},{\"id\":\"2\",\"host\":\"" + H2 + ":35001\"},"
                + "{\"id\":\"3\",\"host\":\"" + H3 + ":35001\"}]}"), at(0));
    }

    @Test
    void aKilledHostIsToldWithItsRolesWhereItsTasksWentWhenCountingResumedAndWhenItIsBack() {
        healthy();
        outages.jobEvent(removed("2", H2, 10), at(10.1));
        assertEquals(List.of(), outages.open(), "an executor removed is no host loss while its worker lives");

        outages.workers(List.of(worker(H1, "ALIVE"), worker(H2, "DEAD"), worker(H3, "ALIVE")), at(11));
        outages.jobEvent(event("{\"type\":\"taskRerun\",\"executorId\":\"1\",\"host\":\"" + H1 + "\"}"), at(11.2));
        // A batch started before the loss completes once its tasks ran again: not yet counting again.
        outages.jobEvent(trigger("progress", 9.5), at(14));
        outages.brokers(List.of(broker(1, H1, true), broker(2, H2, false), broker(3, H3, true)), at(19));
        HostOutage lost = outages.open().get(0);
        assertEquals(H2, lost.host());
        assertEquals(at(10), lost.since(), "the loss dates from the executor's removal by the driver");
        assertEquals("⚠ host 10.0.0.3 lost 9s ago (broker 2, its worker, executor 2); its tasks run elsewhere"
                + " (1 ran again on executor 1); counting waits", lost.line(at(19)));

        outages.jobEvent(trigger("progress", 14.1), at(20.5));
        assertEquals("⚠ host 10.0.0.3 lost 12s ago (broker 2, its worker, executor 2); its tasks run elsewhere"
                + " (1 ran again on executor 1); counting resumed after 10.5 s", outages.open().get(0).line(at(22)));

        outages.brokers(List.of(broker(1, H1, true), broker(2, H2, true), broker(3, H3, true)), at(60));
        outages.workers(List.of(worker(H1, "ALIVE"), worker(H2, "DEAD"), worker(H2, "ALIVE"), worker(H3, "ALIVE")),
                at(70));
        assertEquals("broker 2 answers, its worker rejoined", outages.open().get(0).back());
        outages.jobEvent(event("{\"type\":\"executorAdded\",\"executorId\":\"4\",\"host\":\"" + H2 + "\"}"), at(75));
        assertEquals(List.of(), outages.open());
        HostOutage back = outages.outages().get(0);
        assertEquals(Optional.of(Duration.ofSeconds(65)), back.backAfter());
        assertEquals("host 10.0.0.3 back after 65.0 s: broker 2 answers, its worker rejoined, executor 4 runs there",
                back.line(at(76)));
    }

    @Test
    void countingResumesWithNothingSentWhenALookAtTheInputStartedAfterTheLossCompletes() {
        healthy();
        outages.jobEvent(removed("3", H3, 5), at(5));
        outages.workers(List.of(worker(H1, "ALIVE"), worker(H2, "ALIVE"), worker(H3, "DEAD")), at(6));
        outages.jobEvent(trigger("idle", 4), at(9));
        assertEquals(Optional.empty(), outages.open().get(0).resumedAfter(), "that look began before the loss");

        outages.jobEvent(trigger("idle", 9.2), at(9.4));
        assertEquals(Optional.of(Duration.ofMillis(4_400)), outages.open().get(0).resumedAfter());
    }

    @Test
    void aLookThatFoundNothingProvesNothingWhileTheJobStillHoldsAnExecutorOnTheSilentHost() {
        healthy();
        // A host cut off: the master gives its worker up, the driver has not yet removed its executor.
        outages.workers(List.of(worker(H1, "ALIVE"), worker(H2, "DEAD"), worker(H3, "ALIVE")), at(60));
        outages.jobEvent(trigger("idle", 61), at(61.5));
        assertEquals(Optional.empty(), outages.open().get(0).resumedAfter());

        outages.jobEvent(trigger("progress", 62), at(63));
        assertEquals(Optional.of(Duration.ofSeconds(3)), outages.open().get(0).resumedAfter(),
                "a micro-batch that read input and completed shows counting goes on");
    }

    @Test
    void aListOfExecutorsPublishedBeforeTheRemovalDoesNotBringTheLostOneBack() {
        healthy();
        outages.jobEvent(removed("2", H2, 10), at(10));
        outages.workers(List.of(worker(H1, "ALIVE"), worker(H2, "DEAD"), worker(H3, "ALIVE")), at(11));
        outages.workers(List.of(worker(H1, "ALIVE"), worker(H2, "ALIVE"), worker(H3, "ALIVE")), at(40));
        outages.jobEvent(event("{\"type\":\"executors\",\"executors\":[{\"id\":\"1\",\"host\":\"" + H1 + ":1\"},"
                + "{\"id\":\"2\",\"host\":\"" + H2 + ":1\"}]}"), at(41));

        assertEquals(Optional.empty(), outages.open().get(0).newExecutor());
        assertTrue(outages.open().get(0).workerBack());
    }

    @Test
    void aHostThatHeldOnlyABrokerIsBackWhenTheBrokerAnswers() {
        healthy();
        outages.brokerLost(1, H1 + ":9092", at(3));
        outages.jobEvent(trigger("idle", 13), at(13.3));
        assertEquals("⚠ host 10.0.0.2 lost 11s ago (broker 1); counting resumed after 10.3 s",
                outages.open().get(0).line(at(14)));

        outages.brokerUp(1, H1 + ":9092", at(40));
        assertEquals("host 10.0.0.2 back after 37.0 s: broker 1 answers", outages.outages().get(0).line(at(41)));
    }

    @Test
    void anExecutorThatEndedLongBeforeItsHostWasLostIsNotCountedInTheLoss() {
        healthy();
        outages.jobEvent(removed("2", H2, 10), at(10));
        outages.workers(List.of(worker(H1, "ALIVE"), worker(H2, "DEAD"), worker(H3, "ALIVE")), at(100));

        assertEquals(List.of(), outages.open().get(0).executors());
        assertEquals(at(100), outages.open().get(0).since());
    }

    @Test
    void thisMachineIsNeverLostWhenOneOfItsLocalWorkersStops() {
        outages.workers(List.of(worker("127.0.0.1", "ALIVE"), worker("127.0.0.1", "ALIVE")), at(0));
        outages.workers(List.of(worker("127.0.0.1", "ALIVE"), worker("127.0.0.1", "DEAD")), at(5));
        outages.workers(List.of(worker("127.0.0.1", "DEAD"), worker("127.0.0.1", "DEAD")), at(9));
        outages.brokerLost(1, "127.0.0.1:9092", at(9));

        assertEquals(List.of(), outages.outages());
    }

    @Test
    void hostsAreReadFromAddressesWithPorts() {
        assertEquals("10.0.0.2", HostOutages.hostOf("10.0.0.2:9092"));
        assertEquals("kafka-1.example", HostOutages.hostOf("kafka-1.example:9092"));
        assertEquals("fe80::1", HostOutages.hostOf("[fe80::1]:9092"));
        assertEquals("10.0.0.2", HostOutages.hostOf("10.0.0.2"));
    }

    private static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    private static ClusterState.Broker broker(int id, String host, boolean up) {
        return new ClusterState.Broker(id, host + ":9092", false, up);
    }

    private static MasterSnapshot.Worker worker(String host, String state) {
        return new MasterSnapshot.Worker(host + ":" + (state.equals("ALIVE") ? 40001 : 40000), 1, 1, 640, 512, state,
                0);
    }

    private static JobEvent removed(String id, String host, double seconds) {
        return event("{\"type\":\"executorRemoved\",\"executorId\":\"" + id + "\",\"host\":\"" + host + "\","
                + "\"reason\":\"worker lost\",\"time\":\"" + at(seconds) + "\"}");
    }

    private static JobEvent trigger(String type, double startedAt) {
        return event("{\"type\":\"" + type + "\",\"batchTime\":\"" + at(startedAt) + "\"}");
    }

    private static JobEvent event(String json) {
        return JobEvent.parse(json).orElseThrow();
    }
}

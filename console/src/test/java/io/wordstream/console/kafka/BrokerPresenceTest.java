package io.wordstream.console.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wordstream.console.kafka.BrokerChange.Back;
import io.wordstream.console.kafka.BrokerChange.Broker;
import io.wordstream.console.kafka.BrokerChange.CountingResumed;
import io.wordstream.console.kafka.BrokerChange.Lost;
import io.wordstream.console.kafka.BrokerChange.StillDown;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrokerPresenceTest {
    private static final Broker A = new Broker(1, "10.0.0.1:9092");
    private static final Broker B = new Broker(2, "10.0.0.2:9092");
    private static final Broker C = new Broker(3, "10.0.0.3:9092");
    private static final Instant T0 = Instant.parse("2026-11-29T18:00:00Z");

    private final BrokerPresence presence = new BrokerPresence(Duration.ofSeconds(10));

    private static Instant at(double seconds) {
        return T0.plusMillis((long) (seconds * 1000));
    }

    @Test
    void theFirstAnswerIsTheClusterAndSaysNothing() {
        assertEquals(List.of(), presence.observe(List.of(A, B, C), at(0)));
        assertEquals(List.of(), presence.observe(List.of(A, B, C), at(2)));
        assertEquals(List.of(), presence.down());
    }

    @Test
    void oneMissedCheckIsNotALoss() {
        presence.observe(List.of(A, B, C), at(0));
        assertEquals(List.of(), presence.observe(List.of(A, C), at(2)));
        assertEquals(List.of(), presence.observe(List.of(A, B, C), at(4)));
        assertEquals(List.of(), presence.observe(List.of(A, C), at(6)));
        assertEquals(List.of(), presence.down());
    }

    @Test
    void aLostBrokerIsNamedRemindedEveryTenSecondsAndWelcomedBack() {
        presence.observe(List.of(A, B, C), at(0));
        assertEquals(List.of(), presence.observe(List.of(A, C), at(1)));
        assertEquals(List.of(new Lost(B, Duration.ofSeconds(1))), presence.observe(List.of(A, C), at(2)));
        assertEquals(List.of(B), presence.down());
        assertEquals(List.of(), presence.observe(List.of(A, C), at(4)));
        // Down from its first miss, at 1 s.
        assertEquals(List.of(new StillDown(B, Duration.ofSeconds(10), true)), presence.observe(List.of(A, C), at(11)));
        assertEquals(List.of(), presence.observe(List.of(A, C), at(14)));
        assertEquals(List.of(new StillDown(B, Duration.ofSeconds(20), true)), presence.observe(List.of(A, C), at(21)));
        assertEquals(List.of(new Back(B, Duration.ofSeconds(24))), presence.observe(List.of(A, B, C), at(25)));
        assertEquals(List.of(), presence.down());
    }

    @Test
    void countingResumesWithTheFirstBatchStartedAfterTheLossOnlyOnce() {
        presence.observe(List.of(A, B, C), at(0));
        presence.observe(List.of(A, C), at(1));
        presence.observe(List.of(A, C), at(2));
        // A batch that started before the loss and ended after it proves nothing.
        assertEquals(List.of(), presence.batchCompleted(at(0.5), at(3)));
        assertEquals(List.of(new CountingResumed(B, Duration.ofMillis(10500))), presence.batchCompleted(at(11),
                at(11.5)));
        assertEquals(List.of(), presence.batchCompleted(at(12), at(12.5)));
        // Still down, but counting goes on: the reminder says so.
        assertEquals(List.of(new StillDown(B, Duration.ofSeconds(11), false)), presence.observe(List.of(A, C),
                at(12)));
    }

    @Test
    void batchesWithoutALossSayNothing() {
        presence.observe(List.of(A, B, C), at(0));
        assertEquals(List.of(), presence.batchCompleted(at(1), at(1.2)));
    }

    @Test
    void aBrokerBackBeforeCountingResumedStillGetsItsResumption() {
        presence.observe(List.of(A, B, C), at(0));
        presence.observe(List.of(B, C), at(2));
        presence.observe(List.of(B, C), at(3));
        assertEquals(List.of(new Back(A, Duration.ofSeconds(3))), presence.observe(List.of(A, B, C), at(5)));
        assertEquals(List.of(new CountingResumed(A, Duration.ofSeconds(5))), presence.batchCompleted(at(6), at(7)));
    }

    @Test
    void aSecondLossWhileTheFirstIsDownIsNamedToo() {
        presence.observe(List.of(A, B, C), at(0));
        presence.observe(List.of(A, C), at(1));
        presence.observe(List.of(A, C), at(2));
        presence.observe(List.of(A), at(3));
        assertEquals(List.of(new Lost(C, Duration.ofSeconds(1))), presence.observe(List.of(A), at(4)));
        assertEquals(List.of(B, C), presence.down());
    }

    @Test
    void aBrokerThatJoinsLaterBelongsToTheCluster() {
        presence.observe(List.of(A, B), at(0));
        assertEquals(List.of(), presence.observe(List.of(A, B, C), at(2)));
        presence.observe(List.of(A, B), at(3));
        assertEquals(List.of(new Lost(C, Duration.ofSeconds(1))), presence.observe(List.of(A, B), at(4)));
    }

    @Test
    void aBrokerListedButSilentFromTheFirstCheckIsLost() {
        // Killed just before the watch's first check: Kafka still lists it, it never answers.
        assertEquals(List.of(), presence.observe(List.of(A, B, C), List.of(A, C), at(0)));
        assertEquals(List.of(A, B, C), presence.known());
        assertEquals(List.of(new Lost(B, Duration.ofSeconds(2))), presence.observe(List.of(A, C), List.of(A, C),
                at(2)));
        assertEquals(List.of(new Back(B, Duration.ofSeconds(10))), presence.observe(List.of(A, B, C),
                List.of(A, B, C), at(10)));
    }

    @Test
    void theLinesNameTheBrokerTheWaitAndTheTime() {
        assertEquals("Kafka broker 2 (10.0.0.2:9092) does not answer: counting waits until Kafka has elected new"
                + " leaders for its partitions (Kafka notices a dead broker within its session timeout, 9 s by"
                + " default)", new Lost(B, Duration.ofSeconds(2)).message());
        assertEquals("Kafka broker 2 (10.0.0.2:9092) has not answered for 20.0 s: counting still waits for a new"
                + " leader", new StillDown(B, Duration.ofSeconds(20), true).message());
        assertEquals("Kafka broker 2 (10.0.0.2:9092) has not answered for 30.0 s; counting goes on without it",
                new StillDown(B, Duration.ofSeconds(30), false).message());
        assertEquals("counting resumed 9.5 s after Kafka broker 2 (10.0.0.2:9092) was lost",
                new CountingResumed(B, Duration.ofMillis(9500)).message());
        assertEquals("Kafka broker 2 (10.0.0.2:9092) answers again after 23.0 s",
                new Back(B, Duration.ofSeconds(23)).message());
    }
}

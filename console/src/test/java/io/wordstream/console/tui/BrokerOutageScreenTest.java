package io.wordstream.console.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wordstream.console.kafka.BrokerChange;
import io.wordstream.console.kafka.BrokerChange.Broker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A broker of an external cluster lost while the console runs, on a virtual terminal: the status row under
 * the header names it and counts the seconds while counting waits for a new leader, then says counting resumed,
 * and gives the row back to the metrics when the broker answers again; the feedback line says each turn.
 */
class BrokerOutageScreenTest {
    private static final Broker TWO = new Broker(2, "127.0.0.1:44093");
    private static final Broker THREE = new Broker(3, "127.0.0.1:44095");
    private static final int STATUS = 1;
    private static final int FEEDBACK = 22;

    private static void seconds(TestConsole c, long s) {
        c.clock.addAndGet(Duration.ofSeconds(s).toNanos());
    }

    @Test
    void theStatusRowNamesTheLostBrokerTicksAndSaysWhenCountingResumes() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        assertEquals(" metrics: no micro-batch yet", c.show().get(STATUS));

        // The watch reports the loss at its second missed check, 2 s after the first.
        c.events.brokerChanged(new BrokerChange.Lost(TWO, Duration.ofSeconds(2)));
        List<String> rows = c.show();
        assertEquals(" ⚠ Kafka broker 2 (127.0.0.1:44093) down 2s: counting waits for a new leader", rows.get(STATUS));
        assertEquals(" Kafka broker 2 (127.0.0.1:44093) does not answer: counting waits until Kafka …",
                rows.get(FEEDBACK));

        // Nothing new from the watch: the elapsed time still moves, so the screen never looks hung.
        seconds(c, 5);
        assertEquals(" ⚠ Kafka broker 2 (127.0.0.1:44093) down 7s: counting waits for a new leader",
                c.show().get(STATUS));
        seconds(c, 5);
        c.events.brokerChanged(new BrokerChange.StillDown(TWO, Duration.ofSeconds(12), true));
        rows = c.show();
        assertEquals(" ⚠ Kafka broker 2 (127.0.0.1:44093) down 12s: counting waits for a new leader",
                rows.get(STATUS));
        assertEquals(" Kafka broker 2 (127.0.0.1:44093) does not answer: counting waits until Kafka …",
                rows.get(FEEDBACK));

        seconds(c, 1);
        c.events.brokerChanged(new BrokerChange.CountingResumed(TWO, Duration.ofMillis(12_800)));
        rows = c.show();
        assertEquals(" ⚠ Kafka broker 2 (127.0.0.1:44093) down 13s; counting resumed after 12.8 s", rows.get(STATUS));
        assertEquals(" counting resumed 12.8 s after Kafka broker 2 (127.0.0.1:44093) was lost", rows.get(FEEDBACK));

        seconds(c, 60);
        assertEquals(" ⚠ Kafka broker 2 (127.0.0.1:44093) down 1m13s; counting resumed after 12.8 s",
                c.show().get(STATUS));

        c.events.brokerChanged(new BrokerChange.Back(TWO, Duration.ofSeconds(73)));
        rows = c.show();
        assertEquals(" metrics: no micro-batch yet", rows.get(STATUS));
        assertEquals(" Kafka broker 2 (127.0.0.1:44093) answers again after 73.0 s", rows.get(FEEDBACK));
    }

    @Test
    void aSecondBrokerDownIsCountedAndANewLossWaitsAgain() throws Exception {
        TestConsole c = TestConsole.running(100, 24);
        c.events.brokerChanged(new BrokerChange.Lost(TWO, Duration.ofSeconds(2)));
        c.events.brokerChanged(new BrokerChange.CountingResumed(TWO, Duration.ofSeconds(9)));
        c.events.brokerChanged(new BrokerChange.Lost(THREE, Duration.ofSeconds(2)));
        // The broker lost last is named: a new loss may take leaders away again, so counting waits again.
        assertEquals(" ⚠ Kafka broker 3 (127.0.0.1:44095) down 2s: counting waits for a new leader · 2 brokers down",
                c.show().get(STATUS));
        c.events.brokerChanged(new BrokerChange.CountingResumed(THREE, Duration.ofSeconds(8)));
        assertEquals(" ⚠ Kafka broker 3 (127.0.0.1:44095) down 2s; counting resumed after 8.0 s · 2 brokers down",
                c.show().get(STATUS));

        c.events.brokerChanged(new BrokerChange.Back(THREE, Duration.ofSeconds(20)));
        assertEquals(" ⚠ Kafka broker 2 (127.0.0.1:44093) down 2s; counting resumed after 8.0 s",
                c.show().get(STATUS));
        c.events.brokerChanged(new BrokerChange.Back(TWO, Duration.ofSeconds(20)));
        assertEquals(" metrics: no micro-batch yet", c.show().get(STATUS));
    }
}

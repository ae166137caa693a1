package io.wordstream.console.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Rates over a stated span, on a clock the test moves. */
class RateWindowTest {
    private static final long S = 1_000_000_000L;

    @Test
    void oneRecordIsATenthPerSecondForTenSecondsThenZero() {
        RateWindow r = new RateWindow(Duration.ofSeconds(10));
        r.add(1, 100 * S);
        assertEquals(0.1, r.perSecond(100 * S), 1e-9);
        assertEquals(0.1, r.perSecond(109 * S), 1e-9);
        assertEquals(0.0, r.perSecond(110 * S), 1e-9, "nothing came for a whole span");
        assertEquals(0.0, r.perSecond(119 * S), 1e-9);
    }

    @Test
    void aSteadyFlowReadsAsItsRate() {
        RateWindow r = new RateWindow(Duration.ofSeconds(10));
        for (int t = 0; t < 30; t++) {
            r.add(5, t * S); // 5 records a second
        }
        assertEquals(5.0, r.perSecond(29 * S + S / 2), 1e-9);
    }

    @Test
    void aGrowingCounterGivesWhatItGrewBy() {
        RateWindow r = new RateWindow(Duration.ofSeconds(10));
        assertFalse(r.known());
        r.total(1000, 0); // what the topics held before: not a rate
        assertTrue(r.known());
        assertEquals(0.0, r.perSecond(0), 1e-9);
        r.total(1020, 2 * S);
        r.total(1050, 4 * S);
        assertEquals(5.0, r.perSecond(4 * S), 1e-9);
        r.total(1050, 13 * S);
        assertEquals(3.0, r.perSecond(13 * S), 1e-9, "the 20 of second 2 have left the span");
        r.total(10, 15 * S); // the topic was made again: start over
        r.total(20, 16 * S);
        assertEquals(1.0, r.perSecond(16 * S), 1e-9);
    }
}

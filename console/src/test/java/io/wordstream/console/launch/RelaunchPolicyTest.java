package io.wordstream.console.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How often and how soon a job that ended by itself is relaunched. */
class RelaunchPolicyTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void pausesDoubleUpToTheCapAndStopAfterTheLimit() {
        RelaunchPolicy p = new RelaunchPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(2));
        assertEquals(Optional.of(Duration.ofSeconds(1)), p.next(0));
        assertEquals(Optional.of(Duration.ofSeconds(2)), p.next(SECOND));
        assertEquals(Optional.of(Duration.ofSeconds(4)), p.next(3 * SECOND));
        assertEquals(Optional.of(Duration.ofSeconds(5)), p.next(7 * SECOND), "capped");
        assertEquals(Optional.of(Duration.ofSeconds(5)), p.next(12 * SECOND));
        assertEquals(Optional.empty(), p.next(17 * SECOND), "five attempts in a row, then it gives up");
        assertEquals(5, p.attempts());
    }

    @Test
    void aJobThatRanLongEnoughEarnsFreshAttempts() {
        RelaunchPolicy p = new RelaunchPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2));
        p.next(0);
        p.launched(SECOND);
        assertEquals(Optional.of(Duration.ofSeconds(2)), p.next(60 * SECOND), "ended again within two minutes");
        p.launched(62 * SECOND);
        assertEquals(Optional.of(Duration.ofSeconds(1)), p.next(62 * SECOND + 120 * SECOND),
                "two minutes of running reset the count");
        assertEquals(1, p.attempts());
    }

    @Test
    void aStableRunEarnsFreshAttemptsOnceNotForever() {
        RelaunchPolicy p = new RelaunchPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2));
        p.next(0);
        p.launched(SECOND);
        long later = 10 * 60 * SECOND;
        assertEquals(Optional.of(Duration.ofSeconds(1)), p.next(later), "fresh after a stable run");
        assertEquals(Optional.of(Duration.ofSeconds(2)), p.next(later + SECOND));
        assertEquals(Optional.empty(), p.next(later + 3 * SECOND), "relaunches that never ran count again");
    }
}

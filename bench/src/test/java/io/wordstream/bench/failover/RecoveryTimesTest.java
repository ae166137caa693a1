package io.wordstream.bench.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryTimesTest {
    private static final ZonedDateTime AT = ZonedDateTime.of(2026, 11, 29, 18, 40, 5, 0, ZoneOffset.UTC);

    @Test
    void threeKillsGiveTheMiddleAndTheWorstInOneLine() {
        RecoveryTimes t = new RecoveryTimes(List.of(Duration.ofMillis(61_900), Duration.ofMillis(9_800),
                Duration.ofMillis(12_140)), AT);
        assertEquals(Duration.ofMillis(12_140), t.median());
        assertEquals(Duration.ofMillis(61_900), t.worst());
        assertEquals("failover kills=3 median=12.1s worst=61.9s each=61.9,9.8,12.1 at=2026-11-29 18:40 UTC",
                t.line());
    }

    @Test
    void anEvenCountTakesTheMeanOfTheMiddleTwo() {
        RecoveryTimes t = new RecoveryTimes(List.of(Duration.ofSeconds(4), Duration.ofSeconds(10)), AT);
        assertEquals(Duration.ofSeconds(7), t.median());
    }

    @Test
    void noKillIsNoMeasurement() {
        assertThrows(IllegalArgumentException.class, () -> new RecoveryTimes(List.of(), AT));
    }
}

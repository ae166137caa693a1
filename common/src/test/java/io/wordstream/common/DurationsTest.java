package io.wordstream.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void readsTheUnitsOperatorsType() {
        assertEquals(Duration.ofSeconds(10), Durations.parse("10s"));
        assertEquals(Duration.ofSeconds(10), Durations.parse("10"));
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
        assertEquals(Duration.ofHours(1), Durations.parse(" 1H "));
    }

    @Test
    void rejectsWhatIsNotADurationNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("abc"));
        assertEquals("'abc' is not a duration (examples: 10s, 500ms, 1m, 1h)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("-5s"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("5 days"));
    }

    @Test
    void formatReadsBackToTheSameDuration() {
        for (String s : new String[] {"0s", "250ms", "1500ms", "10s", "90s", "2m", "1h"}) {
            assertEquals(s, Durations.format(Durations.parse(s)));
        }
    }

    @Test
    void sparkIntervalsAreInMilliseconds() {
        assertEquals("10000 milliseconds", Durations.toSparkInterval(Duration.ofSeconds(10)));
    }
}

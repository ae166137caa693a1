package io.wordstream.console.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timeline's windows: one slide apart, empty ones at zero in their place, the selected one always in view. */
class TimelineTest {
    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private static final Duration TEN = Duration.ofSeconds(10);

    private static WindowCounts windows(int... indexAndCount) {
        WindowCounts counts = new WindowCounts(100);
        for (int i = 0; i < indexAndCount.length; i += 2) {
            Instant s = T0.plus(TEN.multipliedBy(indexAndCount[i]));
            counts.apply(new ResultRow(s, s.plus(TEN), "word", "w", indexAndCount[i + 1]));
        }
        return counts;
    }

    private static List<Long> totals(List<Timeline.Slot> slots) {
        return slots.stream().map(Timeline.Slot::total).toList();
    }

    @Test
    void windowsWithoutWordsCountAsZeroInTheirPlace() {
        List<Timeline.Slot> slots = Timeline.slots(windows(0, 4, 1, 2, 4, 3), TEN, null, 10, "word");
        assertEquals(List.of(4L, 2L, 0L, 0L, 3L), totals(slots));
        assertEquals(T0.plusSeconds(20), slots.get(2).start());
    }

    @Test
    void theNewestFitFirstUnlessTheSelectedWindowIsOlder() {
        WindowCounts counts = windows(0, 1, 5, 2, 9, 3);
        assertEquals(List.of(0L, 0L, 3L), totals(Timeline.slots(counts, TEN, null, 3, "word")));
        List<Timeline.Slot> fromSelected = Timeline.slots(counts, TEN, T0, 3, "word");
        assertEquals(T0, fromSelected.get(0).start());
        assertEquals(List.of(1L, 0L, 0L), totals(fromSelected));
    }
}

package io.wordstream.console.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wordstream.console.model.ResultRow;
import io.wordstream.console.model.WindowCounts.Count;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveCountsTest {
    private static final Instant T0 = Instant.parse("2026-11-29T18:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-29T18:00:10Z");
    private static final Instant T2 = Instant.parse("2026-11-29T18:00:20Z");

    private static ResultRow word(Instant start, String key, long count) {
        return new ResultRow(start, start.plusSeconds(10), "word", key, count);
    }

    @Test
    void servesTheNewestWindowsOldestFirstAndTellsListenersOnlyOfChanges() {
        LiveCounts counts = new LiveCounts(10);
        List<ResultRow> heard = new ArrayList<>();
        Runnable unsubscribe = counts.subscribe(heard::add);
        counts.accept(List.of(word(T0, "a", 1), word(T1, "b", 2), word(T1, "c", 3), word(T1, "b", 1)));
        counts.accept(List.of(word(T1, "b", 2), new ResultRow(T1, T2, "letter", "S", 4)));
        assertEquals(List.of(word(T0, "a", 1), word(T1, "b", 2), word(T1, "c", 3),
                new ResultRow(T1, T2, "letter", "S", 4)), heard, "a repeated or lower count changes nothing");

        List<LiveCounts.WindowView> last = counts.latest("word", 1, 10);
        assertEquals(List.of(new LiveCounts.WindowView(T1.toString(), T2.toString(), 5, 2,
                List.of(new Count("c", 3), new Count("b", 2)))), last);
        assertEquals(List.of(T0.toString(), T1.toString()),
                counts.latest("word", 5, 1).stream().map(LiveCounts.WindowView::start).toList());
        assertEquals(List.of(new Count("c", 3)), counts.latest("word", 1, 1).get(0).counts());

        unsubscribe.run();
        counts.accept(List.of(word(T2, "d", 1)));
        assertEquals(4, heard.size(), "no news after unsubscribing");
    }
}

package io.wordstream.console.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wordstream.console.model.WindowCounts.Count;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pieces the charts are made of: bars, sparklines, text measured in terminal columns. */
class ChartPartsTest {
    @Test
    void barsScaleToTheLargestCountInEighthsAndNeverVanish() {
        assertEquals("██████████", BarChart.bar(10, 10, 10));
        assertEquals("█████     ", BarChart.bar(5, 10, 10));
        assertEquals("▍         ", BarChart.bar(1, 25, 10), "1/25 of 10 columns is 3.2 eighths");
        assertEquals("▏         ", BarChart.bar(1, 1_000_000, 10), "any count above zero shows");
        assertEquals("          ", BarChart.bar(0, 10, 10));
    }

    @Test
    void rowsFitTheWidthWithKeysCutAndCountsAligned() {
        List<BarChart.Row> rows = BarChart.layout(List.of(new Count("supercalifragilistic", 120), new Count("a", 7)),
                30, 10);
        // width 30: keys get a third (10 columns), counts 3, bars the rest (15).
        assertEquals("supercali… ███████████████ 120", rows.get(0).text());
        assertEquals("a          ▉" + " ".repeat(14) + "   7", rows.get(1).text());
        assertEquals(30, Text.width(rows.get(1).text()));
        assertEquals(1, BarChart.layout(List.of(new Count("x", 1), new Count("y", 1)), 30, 1).size());
        assertEquals(List.of(), BarChart.layout(List.of(new Count("x", 1)), 3, 5), "no room for a bar");
    }

    @Test
    void theSeedTokenizersEmptyWordIsShownByALabel() {
        List<BarChart.Row> rows = BarChart.layout(List.of(new Count("", 4), new Count("a", 2)), 40, 10);
        assertEquals("(empty word)", rows.get(0).key());
        assertEquals("a           ", rows.get(1).key());
    }

    @Test
    void wideCharactersTakeTwoColumns() {
        assertEquals(2, Text.width("日"));
        assertEquals(2, Text.width("😀"));
        assertEquals(3, Text.width("a\u0301bc"), "a combining accent takes no column");
        assertEquals("日本…", Text.fit("日本語のテキスト", 5));
        assertEquals("日本 ", Text.pad("日本", 5));
        assertEquals("a?b", Text.printable("a\u001bb"), "an escape character would drive the terminal");
    }

    @Test
    void sparklineHeightsFollowTheValues() {
        assertEquals("▁▂▄█ ", Sparkline.of(List.of(1L, 2L, 4L, 8L, 0L)));
        assertEquals("", Sparkline.of(List.of()));
    }

    @Test
    void framesAreLimitedToTenPerSecond() {
        FrameLimiter limiter = new FrameLimiter();
        assertEquals(true, limiter.due(0, false, false), "the first frame is always due");
        limiter.drawn(0);
        assertEquals(false, limiter.due(99_000_000L, true, true), "within 100 ms nothing is due");
        assertEquals(true, limiter.due(100_000_000L, true, false), "a change after 100 ms is");
        assertEquals(false, limiter.due(500_000_000L, false, false), "no change, no animation: wait");
        assertEquals(true, limiter.due(500_000_000L, false, true), "a spinner turns");
        assertEquals(true, limiter.due(1_000_000_000L, false, false), "clocks tick once a second");
    }
}

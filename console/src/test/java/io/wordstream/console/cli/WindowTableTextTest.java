package io.wordstream.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wordstream.common.PipelineSettings;
import io.wordstream.console.model.ResultRow;
import io.wordstream.console.model.WindowCounts;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowTableTextTest {
    private static final Instant T0 = Instant.parse("2026-11-23T19:30:10Z");

    @Test
    void rendersTheThreeDimensionsSideBySide() {
        WindowCounts model = new WindowCounts(5);
        for (ResultRow r : List.of(
                new ResultRow(T0, T0.plusSeconds(10), "word", "spark", 3),
                new ResultRow(T0, T0.plusSeconds(10), "word", "records", 2),
                new ResultRow(T0, T0.plusSeconds(10), "word", "a", 1),
                new ResultRow(T0, T0.plusSeconds(10), "letter", "S", 3),
                new ResultRow(T0, T0.plusSeconds(10), "letter", "R", 2),
                new ResultRow(T0, T0.plusSeconds(10), "length", "6", 1))) {
            model.apply(r);
        }
        assertEquals(List.of(
                "window 2026-11-23 19:30:10 - 19:30:20 UTC  words 6, distinct 3",
                "  word                   count   letter   count   length   count",
                "  spark                      3   S            3   6            1",
                "  records                    2   R            2",
                "  (1 more words)"), WindowTableText.render(model.window(T0), 2, PipelineSettings.defaults()));
    }

    @Test
    void lettersAndLengthsComeInTheOrderTheSettingsListThem() {
        WindowCounts model = new WindowCounts(5);
        for (ResultRow r : List.of(
                new ResultRow(T0, T0.plusSeconds(10), "word", "rock", 1),
                new ResultRow(T0, T0.plusSeconds(10), "letter", "R", 4),
                new ResultRow(T0, T0.plusSeconds(10), "letter", "P", 1),
                new ResultRow(T0, T0.plusSeconds(10), "letter", "S", 2),
                new ResultRow(T0, T0.plusSeconds(10), "length", "11", 3),
                new ResultRow(T0, T0.plusSeconds(10), "length", "6", 1))) {
            model.apply(r);
        }
        List<String> table = WindowTableText.render(model.window(T0), 5, PipelineSettings.defaults());
        assertEquals(List.of(
                "  rock                       1   S            2   6            1",
                "                                 P            1   11           3",
                "                                 R            4"), table.subList(2, 5));
    }

    @Test
    void theSeedTokenizersEmptyWordIsShownByALabel() {
        WindowCounts model = new WindowCounts(5);
        model.apply(new ResultRow(T0, T0.plusSeconds(10), "word", "", 2));
        assertEquals("  (empty word)               2", WindowTableText.render(model.window(T0), 5,
                PipelineSettings.defaults()).get(2));
    }

    @Test
    void longWordsAreCutWithAnEllipsis() {
        WindowCounts model = new WindowCounts(5);
        model.apply(new ResultRow(T0, T0.plusSeconds(10), "word", "x".repeat(10_000), 1));
        assertEquals("  xxxxxxxxxxxxxxxxxxx…       1",
                WindowTableText.render(model.window(T0), 5, PipelineSettings.defaults()).get(2));
    }
}

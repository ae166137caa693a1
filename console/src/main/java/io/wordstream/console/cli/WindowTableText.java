package io.wordstream.console.cli;

import io.wordstream.common.Dimension;
import io.wordstream.common.PipelineSettings;
import io.wordstream.console.model.DimensionRows;
import io.wordstream.console.model.WindowCounts;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Renders one window's counts as a plain-text table: the three dimensions side by side. */
final class WindowTableText {
    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int WORD_WIDTH = 20;

    private WindowTableText() {
    }

    /** The table of one window: words by count, letters and lengths in the order the settings list them. */
    static List<String> render(WindowCounts.Window w, int topWords, PipelineSettings pipeline) {
        List<WindowCounts.Count> words = w.top(Dimension.WORD.id(), topWords);
        List<WindowCounts.Count> letters = counted(w, Dimension.LETTER, pipeline);
        List<WindowCounts.Count> lengths = counted(w, Dimension.LENGTH, pipeline);
        List<String> out = new ArrayList<>();
        out.add(String.format("window %s - %s UTC  words %d, distinct %d", DAY_TIME.format(w.start()),
                TIME.format(w.end()), w.total(Dimension.WORD.id()), w.distinct(Dimension.WORD.id())));
        out.add(String.format("  %-" + WORD_WIDTH + "s %7s   %-6s %7s   %-6s %7s", "word", "count", "letter", "count",
                "length", "count"));
        int rows = Math.max(words.size(), Math.max(letters.size(), lengths.size()));
        for (int i = 0; i < rows; i++) {
            out.add(("  " + cell(words, i, WORD_WIDTH) + "   " + cell(letters, i, 6) + "   " + cell(lengths, i, 6))
                    .stripTrailing());
        }
        int hidden = w.distinct(Dimension.WORD.id()) - words.size();
        if (hidden > 0) {
            out.add("  (" + hidden + " more words)");
        }
        return out;
    }

    /** The keys counted in the window, those the settings list first and in their order. */
    private static List<WindowCounts.Count> counted(WindowCounts.Window w, Dimension d, PipelineSettings pipeline) {
        return DimensionRows.of(w, d, pipeline, Integer.MAX_VALUE).stream().filter(c -> c.count() > 0).toList();
    }

    private static String cell(List<WindowCounts.Count> counts, int i, int keyWidth) {
        if (i >= counts.size()) {
            return " ".repeat(keyWidth + 8);
        }
        String key = counts.get(i).label();
        if (key.codePointCount(0, key.length()) > keyWidth) {
            key = key.substring(0, key.offsetByCodePoints(0, keyWidth - 1)) + "…";
        }
        return String.format("%-" + keyWidth + "s %7d", key, counts.get(i).count());
    }
}

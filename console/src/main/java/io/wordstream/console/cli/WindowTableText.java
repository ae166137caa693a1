package io.wordstream.console.cli;

import io.wordstream.common.Dimension;
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

    static List<String> render(WindowCounts.Window w, int topWords) {
        List<WindowCounts.Count> words = w.top(Dimension.WORD.id(), topWords);
        List<WindowCounts.Count> letters = w.top(Dimension.LETTER.id(), Integer.MAX_VALUE);
        List<WindowCounts.Count> lengths = w.top(Dimension.LENGTH.id(), Integer.MAX_VALUE);
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

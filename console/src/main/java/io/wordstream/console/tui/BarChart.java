package io.wordstream.console.tui;

import io.wordstream.console.model.WindowCounts;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a horizontal bar chart of counts in a given number of columns: the key, a bar scaled so that the
 * largest count fills the bar space, and the count itself, which is always printed. Bars are drawn in eighths of a
 * column, so counts that differ by little still draw differently; any count above zero gets a visible bar.
 */
final class BarChart {
    /** Block characters from one eighth to a whole column. */
    private static final String[] EIGHTHS = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    private static final String FULL = "█";
    private static final int MAX_KEY_COLUMNS = 24;

    /** One row: each part already fitted to its columns. */
    record Row(String key, String bar, String count) {
        String text() {
            return key + " " + bar + " " + count;
        }
    }

    private BarChart() {
    }

    /**
     * At most {@code maxRows} rows of exactly {@code width} columns each, for counts given highest first.
     * Empty when the width cannot fit a key, a bar and a count.
     */
    static List<Row> layout(List<WindowCounts.Count> counts, int width, int maxRows) {
        List<WindowCounts.Count> shown = counts.subList(0, Math.min(counts.size(), Math.max(0, maxRows)));
        if (shown.isEmpty()) {
            return List.of();
        }
        long max = shown.stream().mapToLong(WindowCounts.Count::count).max().orElse(1);
        int countCols = shown.stream().mapToInt(c -> Long.toString(c.count()).length()).max().orElse(1);
        int keyCols = Math.min(MAX_KEY_COLUMNS, Math.max(width / 3, 1));
        keyCols = Math.min(keyCols, shown.stream().mapToInt(c -> Text.width(Text.printable(c.label()))).max()
                .orElse(1));
        keyCols = Math.max(keyCols, 1);
        int barCols = width - keyCols - countCols - 2;
        if (barCols < 1) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>(shown.size());
        for (WindowCounts.Count c : shown) {
            rows.add(new Row(Text.pad(Text.printable(c.label()), keyCols), bar(c.count(), max, barCols),
                    Text.padLeft(Long.toString(c.count()), countCols)));
        }
        return rows;
    }

    /** A bar of {@code count / max} of {@code cols} columns, padded with spaces to {@code cols}. */
    static String bar(long count, long max, int cols) {
        long eighths = max <= 0 ? 0 : Math.round((double) count * cols * 8 / max);
        if (count > 0 && eighths == 0) {
            eighths = 1;
        }
        int full = (int) (eighths / 8);
        String partial = EIGHTHS[(int) (eighths % 8)];
        String bar = FULL.repeat(full) + partial;
        return bar + " ".repeat(cols - full - (partial.isEmpty() ? 0 : 1));
    }
}

package io.wordstream.console.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import io.wordstream.common.Dimension;
import io.wordstream.common.PipelineSettings;
import io.wordstream.console.model.DimensionRows;
import io.wordstream.console.model.Timeline;
import io.wordstream.console.model.WindowCounts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The selected window's bar charts (the focused dimension large on the left, the other two on the right) and the
 * timeline of recent windows under them.
 */
final class ChartsView {
    private static final String TIMELINE_LABEL = "per window ";

    private final DateTimeFormatter time;
    private final DateTimeFormatter timeZone;

    ChartsView(ZoneId zone) {
        this.time = Formats.clock(zone);
        this.timeZone = DateTimeFormatter.ofPattern("HH:mm:ss zzz", Locale.ROOT).withZone(zone);
    }

    /**
     * Draws rows {@code top} (inclusive) to {@code end} (exclusive). The blank rows around the title and above the
     * timeline go first when the letters and lengths charts would otherwise lose rows.
     */
    void draw(Pen pen, int top, int end, Frame f) {
        WindowCounts counts = f.counts();
        List<Instant> starts = counts.windowStarts();
        if (starts.isEmpty()) {
            empty(pen, top + 1, f);
            return;
        }
        Instant selected = f.view().selected != null ? f.view().selected : starts.get(starts.size() - 1);
        WindowCounts.Window w = f.view().analysis.visible(counts.window(selected));
        Dimension focus = f.view().focus;
        List<Dimension> others = new ArrayList<>(List.of(Dimension.values()));
        others.remove(focus);
        PipelineSettings pipeline = f.pipeline();
        // Title and timeline take three rows; up to three blank rows set them apart when every chart has all its
        // rows besides (a blank row is never kept while a chart says "k of n").
        int full = Math.max(rows(w, focus, pipeline), rows(w, others.get(0), pipeline) + rows(w, others.get(1),
                pipeline));
        int blanks = Math.max(0, Math.min(3, end - top - 3 - full));
        int titleRow = top + (blanks >= 3 ? 1 : 0);
        int chartsTop = titleRow + 1 + (blanks >= 2 ? 1 : 0);
        int chartsEnd = end - 2 - (blanks >= 1 ? 1 : 0);
        title(pen, titleRow, w, starts, f);
        int height = chartsEnd - chartsTop;
        int leftWidth = (pen.cols - 3) * 3 / 5;
        chart(pen, 1, chartsTop, leftWidth, height, w, focus, true, pipeline);
        int rightCol = 1 + leftWidth + 2;
        int rightWidth = pen.cols - rightCol - 1;
        int upper = upperHeight(height, rows(w, others.get(0), pipeline), minRows(w, others.get(1), pipeline),
                others.get(0) == Dimension.WORD);
        chart(pen, rightCol, chartsTop, rightWidth, upper, w, others.get(0), false, pipeline);
        chart(pen, rightCol, chartsTop + upper, rightWidth, height - upper, w, others.get(1), false, pipeline);
        timeline(pen, end - 2, counts, selected, focus, pipeline);
    }

    /**
     * Rows the charts need, with their title and the timeline, for the letters and lengths charts to show all their
     * rows (the words chart at least one); 0 without a window.
     */
    static int rowsNeeded(Frame f) {
        List<Instant> starts = f.counts().windowStarts();
        if (starts.isEmpty()) {
            return 0;
        }
        Instant selected = f.view().selected != null ? f.view().selected : starts.get(starts.size() - 1);
        WindowCounts.Window w = f.view().analysis.visible(f.counts().window(selected));
        List<Dimension> others = new ArrayList<>(List.of(Dimension.values()));
        others.remove(f.view().focus);
        PipelineSettings pipeline = f.pipeline();
        return 3 + Math.max(minRows(w, f.view().focus, pipeline),
                minRows(w, others.get(0), pipeline) + minRows(w, others.get(1), pipeline));
    }

    /** Rows a chart needs: a title and every row for letters and lengths; a title and one row for words. */
    private static int minRows(WindowCounts.Window w, Dimension d, PipelineSettings pipeline) {
        return d == Dimension.WORD ? 2 : rows(w, d, pipeline);
    }

    /** A title and every row. */
    private static int rows(WindowCounts.Window w, Dimension d, PipelineSettings pipeline) {
        return 1 + DimensionRows.count(w, d, pipeline);
    }

    /**
     * The height of the upper right-hand chart: half the column while both fit in their half; else all the lower
     * one leaves when the upper one is the words chart (which says "k of n" anyway); else the upper one's rows when
     * both fit; else a share by need.
     */
    static int upperHeight(int height, int upperNeed, int lowerNeed, boolean upperIsWords) {
        int half = height / 2;
        if (upperNeed <= half && lowerNeed <= height - half) {
            return half;
        }
        if (upperIsWords) {
            return Math.max(Math.min(2, height), height - lowerNeed);
        }
        if (upperNeed + lowerNeed <= height) {
            return upperNeed;
        }
        return Math.max(Math.min(2, height), height * upperNeed / (upperNeed + lowerNeed));
    }

    private void empty(Pen pen, int top, Frame f) {
        pen.put(1, top, "No counts yet", Palette.TEXT, SGR.BOLD);
        String hint;
        if (!f.historyLoaded()) {
            hint = "Reading what the results topic already holds...";
        } else if (f.view().mode == ViewState.Mode.TYPING) {
            hint = "Type a sentence below and press Enter: its words count in the current window.";
        } else {
            hint = "Press i, then type a sentence below and press Enter.";
        }
        pen.put(1, top + 2, hint, Palette.DIM);
    }

    private void title(Pen pen, int row, WindowCounts.Window w, List<Instant> starts, Frame f) {
        int col = pen.put(1, row, "Window " + time.format(w.start()) + " – " + timeZone.format(w.end()), Palette.TEXT,
                SGR.BOLD);
        int index = starts.indexOf(w.start()) + 1;
        // The key back to the newest window is the current mode's: while typing, End moves the cursor.
        String back = f.view().mode == ViewState.Mode.TYPING ? "(PgDn: newer)" : "(End: newest)";
        String where = f.view().following() ? "  newest, following"
                : "  " + index + " of " + starts.size() + " " + back;
        col = pen.put(col, row, where, f.view().following() ? Palette.GOOD : Palette.WARN);
        pen.put(col, row, "  · " + w.total(Dimension.WORD.id()) + " words, " + w.distinct(Dimension.WORD.id())
                + " distinct", Palette.TEXT);
    }

    private void chart(Pen pen, int col, int top, int width, int height, WindowCounts.Window w, Dimension d,
                       boolean focused, PipelineSettings pipeline) {
        if (height < 1 || width < 10) {
            return;
        }
        List<WindowCounts.Count> counts = DimensionRows.of(w, d, pipeline, Math.max(0, height - 1));
        int all = DimensionRows.count(w, d, pipeline);
        String shown = " (" + Math.min(counts.size(), all) + " of " + all + ")";
        String prefix = focused ? "▶ " : "  ";
        String title = switch (d) {
            case WORD -> "Top words" + shown;
            case LETTER -> counts.size() < all ? "First letters" + shown : "First letters";
            case LENGTH -> counts.size() < all ? "Lengths" + shown : "Lengths";
        };
        if (d == Dimension.LETTER && Text.width(prefix + title) > width) {
            title = "Letters" + (counts.size() < all ? shown : "");
        }
        pen.put(col, top, prefix + title, width, focused ? Palette.of(d) : Palette.TEXT, TextColor.ANSI.DEFAULT,
                SGR.BOLD);
        List<BarChart.Row> rows = BarChart.layout(counts, width - 2, height - 1);
        for (int i = 0; i < rows.size(); i++) {
            BarChart.Row r = rows.get(i);
            int c = pen.put(col + 2, top + 1 + i, r.key() + " ", Palette.TEXT);
            c = pen.put(c, top + 1 + i, r.bar() + " ", Palette.of(d));
            pen.put(c, top + 1 + i, r.count(), Palette.TEXT, SGR.BOLD);
        }
    }

    /** The timeline: one column per window, an empty window at zero in its place, the selected one marked. */
    private void timeline(Pen pen, int row, WindowCounts counts, Instant selected, Dimension focus,
                          PipelineSettings pipeline) {
        String unit = switch (focus) {
            case WORD -> "words";
            case LETTER -> "letters";
            case LENGTH -> "lengths";
        };
        String label = unit + " " + TIMELINE_LABEL;
        int slots = pen.cols - 2 - Text.width(label) - Text.width(" 9999 windows");
        if (slots < 1) {
            return;
        }
        List<Timeline.Slot> line = Timeline.slots(counts, pipeline.slide(), selected, slots, focus.id());
        if (line.isEmpty()) {
            return;
        }
        List<Long> values = new ArrayList<>();
        int at = line.size() - 1;
        for (int i = 0; i < line.size(); i++) {
            values.add(line.get(i).total());
            if (line.get(i).start().equals(selected)) {
                at = i;
            }
        }
        String spark = Sparkline.of(values);
        String right = " " + line.size() + " window" + (line.size() == 1 ? "" : "s");
        int col = pen.put(1, row, label, Palette.DIM);
        col = pen.put(col, row, spark.substring(0, at), Palette.of(focus));
        pen.put(col, row, spark.substring(at, at + 1), Palette.of(focus), SGR.REVERSE);
        int markerCol = col;
        pen.put(col + 1, row, spark.substring(at + 1), Palette.of(focus));
        pen.put(1 + Text.width(label) + spark.length(), row, right, Palette.DIM);
        String when = time.format(selected);
        int textCol = markerCol + 2 + Text.width(when) <= pen.cols ? markerCol + 2 : markerCol - 1 - Text.width(when);
        pen.put(markerCol, row + 1, "▲", Palette.of(focus));
        pen.put(textCol, row + 1, when, Palette.DIM);
    }
}

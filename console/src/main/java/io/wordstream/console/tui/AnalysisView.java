package io.wordstream.console.tui;

import com.googlecode.lanterna.SGR;
import io.wordstream.common.Dimension;
import io.wordstream.console.model.Timeline;
import io.wordstream.console.model.WindowCounts;
import io.wordstream.console.model.WordHistory;
import java.time.Instant;
import java.util.List;

/**
 * Draws the operator's analysis under the timeline: the pinned word's count per window as a sparkline lined up with
 * the timeline's windows, and the top words over the chosen range.
 */
final class AnalysisView {
    /** Bars of the top words over a range. */
    static final int TOP_ROWS = 5;
    /** Rows the charts keep whatever the analysis wants. */
    private static final int CHARTS_MIN = 8;

    private AnalysisView() {
    }

    /** Rows the analysis takes out of {@code available}: none when nothing is pinned or ranged. */
    static int rows(Frame f, int available) {
        Analysis a = f.view().analysis;
        if (f.counts().size() == 0) {
            return 0;
        }
        int want = (a.pinned() != null ? 1 : 0) + (a.rangeWindows() != 0 ? 1 + TOP_ROWS : 0);
        return Math.max(0, Math.min(want, available - CHARTS_MIN));
    }

    /** Draws rows {@code top} (inclusive) to {@code end} (exclusive). */
    static void draw(Pen pen, int top, int end, Frame f) {
        Analysis a = f.view().analysis;
        int row = top;
        if (a.pinned() != null && row < end) {
            pinned(pen, row++, f, a.pinned());
        }
        if (a.rangeWindows() != 0 && row < end) {
            topOverRange(pen, row, end, f, a);
        }
    }

    /** The label the timeline has for the focus, so the pinned line's windows sit under the timeline's. */
    static String timelineLabel(Dimension focus) {
        String unit = switch (focus) {
            case WORD -> "words";
            case LETTER -> "letters";
            case LENGTH -> "lengths";
        };
        return unit + " per window ";
    }

    private static void pinned(Pen pen, int row, Frame f, String word) {
        WindowCounts counts = f.counts();
        String label = timelineLabel(f.view().focus);
        int labelWidth = Text.width(label);
        int slots = pen.cols - 2 - labelWidth - Text.width(" 9999 windows");
        List<Instant> starts = counts.windowStarts();
        Instant selected = f.view().selected != null ? f.view().selected : starts.get(starts.size() - 1);
        List<Timeline.Slot> line = Timeline.slots(counts, f.pipeline().slide(), selected, slots, Dimension.WORD.id());
        List<Long> values = WordHistory.along(counts, line, word);
        long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
        long at = 0;
        for (int i = 0; i < line.size(); i++) {
            if (line.get(i).start().equals(selected)) {
                at = values.get(i);
            }
        }
        String name = Text.fit("'" + Text.printable(word) + "'", labelWidth - 1);
        int col = pen.put(1, row, name, Palette.of(Dimension.WORD), SGR.BOLD);
        String spark = Sparkline.of(values);
        pen.put(1 + labelWidth, row, spark, Palette.of(Dimension.WORD));
        pen.put(Math.max(col, 1 + labelWidth + spark.length()), row, " " + at + " here · max " + max, Palette.DIM);
    }

    private static void topOverRange(Pen pen, int top, int end, Frame f, Analysis a) {
        int windows = a.rangeWindows();
        WindowCounts counts = f.counts();
        int covered = windows < 0 ? counts.size() : Math.min(windows, counts.size());
        int rows = Math.max(0, end - top - 1);
        List<WindowCounts.Count> best = WordHistory.top(counts, windows, a::shown, rows);
        int all = WordHistory.distinct(counts, windows, a::shown);
        String title = "Top words over " + a.rangeName() + " (" + covered + " kept, " + Math.min(best.size(), all)
                + " of " + all + (a.stopWordsHidden() ? ", no stop words)" : ")");
        pen.put(1, top, title, Palette.TEXT, SGR.BOLD);
        List<BarChart.Row> bars = BarChart.layout(best, pen.cols - 4, rows);
        for (int i = 0; i < bars.size(); i++) {
            BarChart.Row r = bars.get(i);
            int c = pen.put(3, top + 1 + i, r.key() + " ", Palette.TEXT);
            c = pen.put(c, top + 1 + i, r.bar() + " ", Palette.of(Dimension.WORD));
            pen.put(c, top + 1 + i, r.count(), Palette.TEXT, SGR.BOLD);
        }
    }
}

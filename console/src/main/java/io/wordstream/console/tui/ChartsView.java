package io.wordstream.console.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import io.wordstream.common.Dimension;
import io.wordstream.common.PipelineSettings;
import io.wordstream.common.TokenizerMode;
import io.wordstream.console.model.WindowCounts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    /** Draws rows {@code top} (inclusive) to {@code end} (exclusive). */
    void draw(Pen pen, int top, int end, Frame f) {
        WindowCounts counts = f.counts();
        List<Instant> starts = counts.windowStarts();
        if (starts.isEmpty()) {
            empty(pen, top, f);
            return;
        }
        Instant selected = f.view().selected != null ? f.view().selected : starts.get(starts.size() - 1);
        WindowCounts.Window w = counts.window(selected);
        title(pen, top, w, starts, f);
        int chartsTop = top + 2;
        int chartsEnd = end - 3;
        int leftWidth = (pen.cols - 3) * 3 / 5;
        Dimension focus = f.view().focus;
        chart(pen, 1, chartsTop, leftWidth, chartsEnd - chartsTop, w, focus, true, f.pipeline());
        int rightCol = 1 + leftWidth + 2;
        int rightWidth = pen.cols - rightCol - 1;
        List<Dimension> others = new ArrayList<>(List.of(Dimension.values()));
        others.remove(focus);
        int half = (chartsEnd - chartsTop) / 2;
        chart(pen, rightCol, chartsTop, rightWidth, half, w, others.get(0), false, f.pipeline());
        chart(pen, rightCol, chartsTop + half, rightWidth, chartsEnd - chartsTop - half, w, others.get(1), false,
                f.pipeline());
        timeline(pen, end - 2, counts, starts, selected, focus);
    }

    private void empty(Pen pen, int top, Frame f) {
        pen.put(1, top, "No counts yet", Palette.TEXT, SGR.BOLD);
        String hint = f.historyLoaded()
                ? "Type a sentence below and press Enter: its words are counted in the window of the moment it is sent."
                : "Reading what the results topic already holds...";
        pen.put(1, top + 2, hint, Palette.DIM);
    }

    private void title(Pen pen, int row, WindowCounts.Window w, List<Instant> starts, Frame f) {
        int col = pen.put(1, row, "Window " + time.format(w.start()) + " – " + timeZone.format(w.end()), Palette.TEXT,
                SGR.BOLD);
        int index = starts.indexOf(w.start()) + 1;
        String where = f.view().following() ? "  newest, following"
                : "  " + index + " of " + starts.size() + " (End: newest)";
        col = pen.put(col, row, where, f.view().following() ? Palette.GOOD : Palette.WARN);
        pen.put(col, row, "  · " + w.total(Dimension.WORD.id()) + " words, " + w.distinct(Dimension.WORD.id())
                + " distinct", Palette.TEXT);
    }

    private void chart(Pen pen, int col, int top, int width, int height, WindowCounts.Window w, Dimension d,
                       boolean focused, PipelineSettings pipeline) {
        if (height < 1 || width < 10) {
            return;
        }
        List<WindowCounts.Count> counts = countsOf(w, d, pipeline, Math.max(0, height - 1));
        String title = switch (d) {
            case WORD -> "Top words";
            case LETTER -> "First letters";
            case LENGTH -> "Lengths";
        };
        if (d == Dimension.WORD) {
            title += " (" + Math.min(counts.size(), w.distinct(d.id())) + " of " + w.distinct(d.id()) + ")";
        }
        pen.put(col, top, (focused ? "▶ " : "  ") + title, width, focused ? Palette.of(d) : Palette.TEXT,
                TextColor.ANSI.DEFAULT, SGR.BOLD);
        List<BarChart.Row> rows = BarChart.layout(counts, width - 2, height - 1);
        for (int i = 0; i < rows.size(); i++) {
            BarChart.Row r = rows.get(i);
            int c = pen.put(col + 2, top + 1 + i, r.key() + " ", Palette.TEXT);
            c = pen.put(c, top + 1 + i, r.bar() + " ", Palette.of(d));
            pen.put(c, top + 1 + i, r.count(), Palette.TEXT, SGR.BOLD);
        }
    }

    /**
     * The counts of one dimension to chart: the top words by count; for letters and lengths, the configured keys in
     * their configured order (at zero when absent, so the chart keeps its shape), then any other key by count.
     */
    static List<WindowCounts.Count> countsOf(WindowCounts.Window w, Dimension d, PipelineSettings pipeline,
                                             int limit) {
        if (d == Dimension.WORD) {
            return w.top(d.id(), limit);
        }
        List<String> configured = new ArrayList<>();
        if (d == Dimension.LETTER) {
            boolean exact = pipeline.tokenizer() == TokenizerMode.SEED;
            pipeline.letters().forEach(l -> configured.add(exact ? l : l.toUpperCase(Locale.ROOT)));
        } else {
            pipeline.lengths().forEach(n -> configured.add(Integer.toString(n)));
        }
        Map<String, Long> have = w.counts().getOrDefault(d.id(), Map.of());
        List<WindowCounts.Count> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String key : configured) {
            if (seen.add(key)) {
                out.add(new WindowCounts.Count(key, have.getOrDefault(key, 0L)));
            }
        }
        for (WindowCounts.Count c : w.top(d.id(), Integer.MAX_VALUE)) {
            if (seen.add(c.key())) {
                out.add(c);
            }
        }
        return out.subList(0, Math.min(limit, out.size()));
    }

    private void timeline(Pen pen, int row, WindowCounts counts, List<Instant> starts, Instant selected,
                          Dimension focus) {
        String unit = switch (focus) {
            case WORD -> "words";
            case LETTER -> "letters";
            case LENGTH -> "lengths";
        };
        String label = unit + " " + TIMELINE_LABEL;
        String right = " " + starts.size() + " window" + (starts.size() == 1 ? "" : "s");
        int slots = pen.cols - 2 - Text.width(label) - Text.width(right);
        if (slots < 1) {
            return;
        }
        int selectedIndex = starts.indexOf(selected);
        // Show the newest windows that fit, but keep the selected one in view.
        int last = Math.max(Math.min(starts.size(), slots), selectedIndex + 1);
        int first = Math.max(0, last - slots);
        List<Long> values = new ArrayList<>();
        for (Instant s : starts.subList(first, last)) {
            values.add(counts.window(s).total(focus.id()));
        }
        String line = Sparkline.of(values);
        int col = pen.put(1, row, label, Palette.DIM);
        int at = selectedIndex - first;
        col = pen.put(col, row, line.substring(0, at), Palette.of(focus));
        pen.put(col, row, line.substring(at, at + 1), Palette.of(focus), SGR.REVERSE);
        int markerCol = col;
        pen.put(col + 1, row, line.substring(at + 1), Palette.of(focus));
        pen.put(1 + Text.width(label) + line.length(), row, right, Palette.DIM);
        String when = time.format(selected);
        int textCol = markerCol + 2 + Text.width(when) <= pen.cols ? markerCol + 2 : markerCol - 1 - Text.width(when);
        pen.put(markerCol, row + 1, "▲", Palette.of(focus));
        pen.put(textCol, row + 1, when, Palette.DIM);
    }
}

package io.wordstream.console.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import io.wordstream.common.Dimension;
import io.wordstream.console.model.JobEvent;
import io.wordstream.console.model.PipelineStatus;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Draws the whole screen from a {@link Frame}: status at the top, the selected window's charts and the timeline in
 * the middle (or the start-up steps until the pipeline first runs), the log pane when shown, the input line, the
 * feedback line and the keys at the bottom.
 */
final class DashboardView {
    static final int MIN_COLUMNS = 60;
    static final int MIN_ROWS = 16;

    private final ZoneId zone;
    private final ChartsView charts;
    private final ClusterView cluster;

    DashboardView(ZoneId zone) {
        this.zone = zone;
        this.charts = new ChartsView(zone);
        this.cluster = new ClusterView(zone);
    }

    /** Draws the frame; returns where the cursor belongs, or null to hide it. */
    TerminalPosition draw(TextGraphics g, TerminalSize size, Frame f) {
        Pen pen = new Pen(g, size);
        if (size.getColumns() < MIN_COLUMNS || size.getRows() < MIN_ROWS) {
            tooSmall(pen);
            return null;
        }
        header(pen, f);
        metrics(pen, f);
        int bottom = pen.rows - 3;
        int logRows = f.view().logs ? Math.max(4, (pen.rows - 12) / 2) : 0;
        int middleEnd = bottom - logRows;
        int middleTop = 2;
        if (compactClusterLine(f, middleEnd)) {
            pen.put(0, 2, ClusterView.compact(f.cluster()), Palette.DIM);
            middleTop = 3;
        }
        if (stopping(f)) {
            StartupView.draw(pen, middleTop + 1, middleEnd, f);
        } else if (f.view().cluster) {
            cluster.draw(pen, middleTop, middleEnd, f);
        } else if (showStartup(f)) {
            StartupView.draw(pen, 3, middleEnd, f);
        } else {
            // The analysis (a pinned word, top words over a range) sits under the timeline.
            int analysisRows = AnalysisView.rows(f, middleEnd - middleTop);
            charts.draw(pen, middleTop, middleEnd - analysisRows, f);
            AnalysisView.draw(pen, middleEnd - analysisRows, middleEnd, f);
        }
        if (logRows > 0) {
            logPane(pen, middleEnd, logRows, f);
        }
        TerminalPosition cursor = input(pen, bottom, f);
        feedback(pen, bottom + 1, f);
        footer(pen, bottom + 2, f);
        if (f.view().help) {
            HelpView.draw(pen, f.help());
            return null;
        }
        return cursor;
    }

    /**
     * The cluster's compact line above the charts, once something is known of the cluster; on a small terminal it
     * gives its row to the charts when the letters or lengths would lose one (the header keeps the lag, F2 the rest).
     */
    private static boolean compactClusterLine(Frame f, int middleEnd) {
        if (!f.cluster().known() || showStartup(f)) {
            return false;
        }
        if (f.view().cluster || stopping(f)) {
            return true;
        }
        int rows = middleEnd - 3;
        return ChartsView.rowsNeeded(f) <= rows - AnalysisView.rows(f, rows);
    }

    /** From the quit on, the steps of the stop are the news, whatever the view was. */
    private static boolean stopping(Frame f) {
        PipelineStatus.Phase p = f.status().phase();
        return p == PipelineStatus.Phase.STOPPING || p == PipelineStatus.Phase.STOPPED;
    }

    /** Until the pipeline has run once, its start-up steps are the news; after that, the charts. */
    private static boolean showStartup(Frame f) {
        return !f.status().everReady();
    }

    private static void tooSmall(Pen pen) {
        String[] lines = {
            "Terminal too small: " + pen.cols + "x" + pen.rows,
            "wordstream needs at least " + MIN_COLUMNS + "x" + MIN_ROWS + ".",
            "Enlarge the window, or press Ctrl-C to quit."};
        int top = Math.max(0, pen.rows / 2 - 1);
        for (int i = 0; i < lines.length; i++) {
            int col = Math.max(0, (pen.cols - Text.width(lines[i])) / 2);
            pen.put(col, top + i, lines[i], i == 0 ? Palette.WARN : Palette.TEXT);
        }
    }

    private void header(Pen pen, Frame f) {
        PipelineStatus s = f.status();
        pen.band(0, Palette.BAR_BG);
        int col = pen.put(0, 0, " wordstream ", Integer.MAX_VALUE, Palette.BAR_FG, Palette.BAR_BG, SGR.BOLD);
        String phase = s.phase().name();
        if (!s.jobState().isEmpty() && !s.jobState().equals(phase)) {
            phase += " (job " + s.jobState() + ")";
        }
        if (s.starting() || s.phase() == PipelineStatus.Phase.STOPPING) {
            phase += " " + Formats.spinner(f.now()) + " " + Formats.seconds(f.now() - s.phaseSinceNanos());
        }
        col = pen.put(col, 0, "● " + phase + " ", Integer.MAX_VALUE, Palette.of(s.phase()), Palette.BAR_BG, SGR.BOLD);
        String lag = ClusterView.lag(f.cluster());
        if (!lag.isEmpty()) {
            col = pen.put(col, 0, "│ ", Integer.MAX_VALUE, Palette.BAR_FG, Palette.BAR_BG);
            col = pen.put(col, 0, lag + " ", Integer.MAX_VALUE, ClusterView.lagColor(f.cluster()), Palette.BAR_BG,
                    SGR.BOLD);
        }
        List<String> parts = new ArrayList<>();
        if (!s.security().isEmpty()) {
            parts.add(s.security());
        }
        parts.add("up " + Formats.uptime(f.now() - s.startedNanos()));
        parts.add("kafka " + s.bootstrap());
        parts.add("master " + s.master());
        if (s.workers() >= 0) {
            parts.add("workers " + s.workers() + " · executors " + s.executors());
        }
        parts.add("app " + (s.appId().isEmpty() ? "-" : s.appId()));
        pen.put(col, 0, "│ " + String.join(" │ ", parts), Integer.MAX_VALUE, Palette.BAR_FG, Palette.BAR_BG);
    }

    private void metrics(Pen pen, Frame f) {
        PipelineStatus s = f.status();
        if (s.phase() == PipelineStatus.Phase.FAILED) {
            pen.put(1, 1, "✗ " + s.error(), Palette.BAD);
            return;
        }
        // A lost broker stalls counting: while one is down, this row says which and for how long.
        Optional<String> outage = f.view().brokers.line(f.now());
        if (outage.isPresent()) {
            pen.put(1, 1, outage.get(), Palette.WARN);
            return;
        }
        JobEvent m = s.lastProgress().orElse(null);
        if (m == null) {
            pen.put(1, 1, s.lastEventNanos() < 0 ? "metrics: no micro-batch yet"
                    : "metrics: idle, no records read yet", Palette.DIM);
            return;
        }
        // Rates over a stated span, not Spark's per-batch rates: one sentence in a 13 ms batch read as 76.9/s.
        JobEvent data = s.lastData().orElse(m);
        OptionalDouble input = s.inputPerSecond(f.now());
        String line = String.format(Locale.ROOT, "input %s │ counted %s (last %d s) │ batch %d ms │ watermark %s"
                + " │ state %d rows │ late %d │ rejected %d",
                input.isPresent() ? Formats.rate(input.getAsDouble()) : "–",
                Formats.rate(s.countedPerSecond(f.now())), s.rateSpan().toSeconds(), data.metric("batchDurationMs"),
                Formats.watermark(m.text("watermark"), zone), m.metric("stateRows"),
                m.metric("rowsDroppedByWatermark"), m.metric("rejectedTotal"));
        if (s.lastDataNanos() >= 0) {
            line += " │ last records " + Formats.uptime(f.now() - s.lastDataNanos()) + " ago";
        }
        pen.put(1, 1, line, Palette.TEXT);
    }

    private static void logPane(Pen pen, int top, int rows, Frame f) {
        List<Frame.LogSource> sources = f.logs();
        if (sources.isEmpty()) {
            pen.put(0, top, rule("logs: none yet", pen.cols), Palette.DIM);
            return;
        }
        int per = Math.max(1, rows / sources.size());
        int row = top;
        for (int i = 0; i < sources.size(); i++) {
            Frame.LogSource src = sources.get(i);
            int height = i == sources.size() - 1 ? top + rows - row : per;
            pen.put(0, row, rule(src.name(), pen.cols), Palette.DIM);
            List<String> lines = src.lines();
            int show = Math.max(0, height - 1);
            List<String> tail = lines.subList(Math.max(0, lines.size() - show), lines.size());
            for (int j = 0; j < tail.size(); j++) {
                String l = tail.get(j);
                pen.put(0, row + 1 + j, l, l.contains("ERROR") || l.contains("Exception") ? Palette.BAD : Palette.DIM);
            }
            row += height;
        }
    }

    /** A horizontal rule with a title, exactly {@code cols} wide. */
    private static String rule(String title, int cols) {
        String head = "── " + title + " ";
        return head + "─".repeat(Math.max(0, cols - Text.width(head)));
    }

    /** The input line, scrolled so the cursor stays in view; returns the cursor's position while typing. */
    private static TerminalPosition input(Pen pen, int row, Frame f) {
        ViewState v = f.view();
        boolean searching = v.analysis.searching() && v.mode == ViewState.Mode.TYPING;
        String prompt = searching ? "/ " : v.mode == ViewState.Mode.TYPING ? "› " : "  ";
        pen.put(0, row, prompt, Palette.of(Dimension.WORD), SGR.BOLD);
        int width = pen.cols - 2;
        String text = Text.printable(v.input.text());
        if (text.isEmpty()) {
            pen.put(2, row, searching ? "type a word to find and press Enter (Esc: cancel)"
                    : v.mode == ViewState.Mode.TYPING ? "type a sentence and press Enter (Esc: keys, F1: help)"
                    : "keys mode: press i or Enter to type", Palette.DIM);
            return v.mode == ViewState.Mode.TYPING ? new TerminalPosition(2, row) : null;
        }
        String before = text.substring(0, v.input.cursor());
        int cursorCol = Text.width(before);
        int scroll = Math.max(0, cursorCol - (width - 1));
        String visible = dropColumns(text, scroll);
        pen.put(2, row, visible, width, Palette.TEXT, TextColor.ANSI.DEFAULT);
        return v.mode == ViewState.Mode.TYPING ? new TerminalPosition(2 + cursorCol - scroll, row) : null;
    }

    private static String dropColumns(String s, int cols) {
        int used = 0;
        int i = 0;
        while (i < s.length() && used < cols) {
            int cp = s.codePointAt(i);
            used += Text.columns(cp);
            i += Character.charCount(cp);
        }
        return s.substring(i);
    }

    private static void feedback(Pen pen, int row, Frame f) {
        ViewState v = f.view();
        String tally = v.sent == 0 ? "" : "sent " + v.sent + " · acked " + v.acked
                + (v.failed > 0 ? " · failed " + v.failed : "") + " ";
        int tallyCol = pen.cols - Text.width(tally);
        String text = v.waitingSince < 0 ? v.feedback
                : v.feedback + " (" + Math.max(0, (f.now() - v.waitingSince) / 1_000_000_000L) + " s)";
        int room = Math.max(0, tallyCol - 2);
        if (v.pathFrom >= 0 && Text.width(text) > room) {
            // A file's path too long for the line loses its start, not its file name.
            String prefix = text.substring(0, v.pathFrom);
            String path = text.substring(v.pathFrom);
            int keep = Math.max(0, room - Text.width(prefix) - 1);
            text = prefix + Text.ELLIPSIS + dropColumns(path, Math.max(0, Text.width(path) - keep));
        }
        pen.put(1, row, text, room, Palette.of(v.tone), TextColor.ANSI.DEFAULT);
        if (!tally.isEmpty()) {
            pen.put(tallyCol, row, tally, v.failed > 0 ? Palette.BAD : Palette.DIM);
        }
    }

    private static void footer(Pen pen, int row, Frame f) {
        pen.band(row, Palette.BAR_BG);
        List<String[]> keys = f.view().mode == ViewState.Mode.TYPING
                ? List.of(new String[] {"Enter", "send"}, new String[] {"Esc", "keys"},
                        new String[] {"PgUp/PgDn", "window"}, new String[] {"Tab", "focus"},
                        new String[] {"F1", "help"}, new String[] {"Ctrl-C", "quit"})
                : List.of(new String[] {"q", "quit"}, new String[] {"i", "type"}, new String[] {"←→/End", "window"},
                        new String[] {"Tab", "focus"}, new String[] {"r", "restart"}, new String[] {"c", "clear"},
                        new String[] {"l", "logs"}, new String[] {"?", "help"});
        int col = 1;
        for (String[] k : keys) {
            if (col + Text.width(k[0]) + Text.width(k[1]) + 2 > pen.cols) {
                break;
            }
            col = pen.put(col, row, k[0], Integer.MAX_VALUE, Palette.WARN, Palette.BAR_BG, SGR.BOLD);
            col = pen.put(col, row, " " + k[1] + "  ", Integer.MAX_VALUE, Palette.BAR_FG, Palette.BAR_BG);
        }
    }
}

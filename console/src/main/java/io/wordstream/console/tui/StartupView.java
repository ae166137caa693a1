package io.wordstream.console.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextColor;
import io.wordstream.console.model.PipelineStatus;
import java.util.List;

/**
 * Until the pipeline first runs: each start-up step with its time, a spinner on the current one, or the error. From
 * the quit on: each step of the stop, the same way.
 */
final class StartupView {
    private StartupView() {
    }

    static void draw(Pen pen, int top, int end, Frame f) {
        PipelineStatus s = f.status();
        boolean failed = s.phase() == PipelineStatus.Phase.FAILED;
        boolean stopping = s.phase() == PipelineStatus.Phase.STOPPING;
        String heading = switch (s.phase()) {
            case FAILED -> "The pipeline did not start";
            case STOPPING -> "Stopping the pipeline " + Formats.spinner(f.now()) + " "
                    + Formats.seconds(f.now() - s.phaseSinceNanos());
            case STOPPED -> "Stopped";
            default -> "Starting the pipeline " + Formats.spinner(f.now()) + " "
                    + Formats.seconds(f.now() - s.startedNanos());
        };
        pen.put(1, top, heading, failed ? Palette.BAD : Palette.TEXT, SGR.BOLD);
        // While stopping, the stop's own steps, timed from the quit: each one the operator waits on.
        boolean stop = stopping || s.phase() == PipelineStatus.Phase.STOPPED;
        List<PipelineStatus.Step> steps = stop ? s.stopSteps() : s.steps();
        long from = stop ? s.stoppingSinceNanos() : s.startedNanos();
        int room = Math.max(0, end - top - 4);
        List<PipelineStatus.Step> shown = steps.subList(Math.max(0, steps.size() - room), steps.size());
        int row = top + 2;
        for (int i = 0; i < shown.size(); i++) {
            PipelineStatus.Step step = shown.get(i);
            boolean current = i == shown.size() - 1 && (s.starting() || stopping);
            String mark = current ? String.valueOf(Formats.spinner(f.now())) : "✓";
            String at = Formats.seconds(step.atNanos() - from);
            int col = pen.put(1, row, mark + " ", current ? Palette.WARN : Palette.GOOD);
            int timeCol = pen.cols - Text.width(at) - 1;
            pen.put(col, row, step.message(), timeCol - col - 1, Palette.TEXT, TextColor.ANSI.DEFAULT);
            pen.put(timeCol, row, at, Palette.DIM);
            row++;
        }
        if (s.starting()) {
            String job = s.jobState().isEmpty() ? "not launched yet" : s.jobState();
            pen.put(3, row, "Spark job: " + job + (s.appId().isEmpty() ? "" : " (" + s.appId() + ")"), Palette.DIM);
        } else if (failed) {
            // The reason is the news: all of it, wrapped, never cut.
            List<String> lines = TerminalTextUtils.getWordWrappedText(pen.cols - 4, s.error());
            for (int i = 0; i < lines.size(); i++) {
                pen.put(1, row + i, (i == 0 ? "✗ " : "  ") + lines.get(i), Palette.BAD);
            }
            row += lines.size();
            pen.put(3, row, "Press Ctrl-C to quit; logs are under the data dir's logs/ (l in keys mode shows them).",
                    Palette.DIM);
        }
    }
}

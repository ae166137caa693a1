package io.wordstream.console.tui;

import io.wordstream.common.Dimension;
import io.wordstream.common.PipelineSettings;
import io.wordstream.console.model.PipelineStatus;
import io.wordstream.console.model.WindowCounts;
import io.wordstream.console.report.ReportPeriod;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;

/** What the keys of {@link Keys} do beyond the view itself: send, quit, restart, report, move between windows. */
final class KeyActions implements Keys.Target {
    private final WindowCounts counts;
    private final PipelineStatus status;
    private final ViewState view;
    private final PipelineSettings pipeline;
    private final ConsoleController.Backend backend;
    private final PipelineEvents events;
    private final LongSupplier clock;
    /** The pipeline runs elsewhere: quitting detaches, and the job is not this console's to restart. */
    boolean attached;
    /** The log pane was just turned on: read the logs at the next drawing. */
    boolean logsDue;

    KeyActions(PipelineStatus status, ViewState view, PipelineSettings pipeline, ConsoleController.Backend backend,
               PipelineEvents events, LongSupplier clock) {
        this.counts = events.counts();
        this.status = status;
        this.view = view;
        this.pipeline = pipeline;
        this.backend = backend;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public ViewState view() {
        return view;
    }

    @Override
    public void submit() {
        String line = view.input.take();
        if (view.analysis.searching()) {
            view.analysis.find(line, counts, view);
            return;
        }
        if (line.isBlank()) {
            view.say(ViewState.Tone.INFO, "nothing to send: type a sentence first");
            return;
        }
        view.sent++;
        view.say(ViewState.Tone.INFO, "sending " + PipelineEvents.quote(line));
        view.analysis.sent(line, pipeline, clock.getAsLong());
        backend.send(line);
    }

    /** Quits: stops the job and the broker (the screen shows the steps), then ends the UI. */
    @Override
    public void quit() {
        if (status.phase() == PipelineStatus.Phase.STOPPING || events.finished()) {
            return;
        }
        status.stopping(clock.getAsLong());
        view.help = false;
        view.say(ViewState.Tone.INFO, attached ? "detaching: the pipeline goes on..." : "stopping the pipeline...");
        events.changed();
        backend.quit();
    }

    @Override
    public void askRestart() {
        if (attached) {
            view.say(ViewState.Tone.WARN, "attached: restart the job in the console or 'run' that started it");
            return;
        }
        if (!status.everReady() || status.starting() || status.phase() == PipelineStatus.Phase.STOPPING) {
            view.say(ViewState.Tone.WARN, "the pipeline is not running yet: nothing to restart");
            return;
        }
        view.confirmRestart = true;
        view.say(ViewState.Tone.WARN, "restart the Spark job from its checkpoint? press y to restart, any other key"
                + " to cancel");
    }

    /** The restart the operator confirmed. */
    void restart() {
        status.restarting(clock.getAsLong());
        view.say(ViewState.Tone.INFO, "restarting the Spark job...");
        backend.restartJob();
    }

    /** Writes a report of the windows the console holds, from the oldest kept to the end of the newest. */
    @Override
    public void report() {
        List<Instant> starts = counts.windowStarts();
        if (starts.isEmpty()) {
            view.say(ViewState.Tone.WARN, "no window to report yet: send a sentence first");
            return;
        }
        Instant from = starts.get(0);
        Instant to = counts.window(starts.get(starts.size() - 1)).end();
        view.sayWaiting(ViewState.Tone.INFO, "writing a report of the " + starts.size() + " window"
                + (starts.size() == 1 ? "" : "s") + " shown...", clock.getAsLong());
        try {
            backend.report(new ReportPeriod(from, to));
        } catch (RuntimeException e) {
            events.reportFailed(e.getMessage());
        }
    }

    @Override
    public void clear() {
        counts.clear();
        view.selected = null;
        view.say(ViewState.Tone.INFO, "view cleared: windows updated from now on show again");
    }

    @Override
    public void focus(int step) {
        List<Dimension> all = List.of(Dimension.values());
        view.focus = all.get(Math.floorMod(all.indexOf(view.focus) + step, all.size()));
    }

    /** Selects the window before the selected one. */
    @Override
    public void older() {
        List<Instant> starts = counts.windowStarts();
        if (starts.isEmpty()) {
            return;
        }
        int i = view.selected == null ? starts.size() - 1 : starts.indexOf(view.selected);
        if (i < 0) {
            i = starts.size() - 1;
        }
        view.selected = starts.get(Math.max(0, i - 1));
    }

    /** Selects the window after the selected one; reaching the newest follows it again. */
    @Override
    public void newer() {
        List<Instant> starts = counts.windowStarts();
        if (view.selected == null || starts.isEmpty()) {
            return;
        }
        int i = starts.indexOf(view.selected);
        view.selected = i < 0 || i + 1 >= starts.size() - 1 ? null : starts.get(i + 1);
    }

    @Override
    public void oldest() {
        view.selected = counts.windowStarts().isEmpty() ? null : counts.windowStarts().get(0);
    }

    @Override
    public void toggleLogs() {
        view.logs = !view.logs;
        logsDue = true;
    }

    @Override
    public void addWorker() {
        WorkerKeys.add(status, view, backend);
    }

    @Override
    public void stopWorker() {
        WorkerKeys.stop(status, view, backend);
    }
}

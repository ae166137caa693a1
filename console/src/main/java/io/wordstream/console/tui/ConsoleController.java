package io.wordstream.console.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import io.wordstream.common.PipelineSettings;
import io.wordstream.console.model.PipelineStatus;
import io.wordstream.console.model.WindowCounts;
import io.wordstream.console.report.ReportPeriod;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The coordinator of the terminal UI: dispatches keystrokes through the {@link Keys} table, hands the pipeline's
 * reports to {@link PipelineEvents}, and puts together the frame the views draw. Every method runs on the UI thread.
 */
public final class ConsoleController {
    /** What the controller asks of the running pipeline; each call returns at once and reports back later. */
    public interface Backend {
        /** Sends one sentence; reports {@link PipelineEvents#sendAcked}, {@code sendFailed} or {@code sendQueued}. */
        void send(String sentence);

        /** Stops the job and launches it again; reports {@link PipelineEvents#restarted} or {@code restartFailed}. */
        void restartJob();

        /** Stops everything; reports {@link PipelineEvents#stopped}. */
        void quit();

        /** Adds a worker to the local cluster; reports {@link PipelineEvents#workers}. */
        void addWorker();

        /** Stops the local cluster's newest worker, never the last; reports {@link PipelineEvents#workers}. */
        void stopWorker();

        /** The logs for the log pane, each with its last {@code lines} lines. */
        List<Frame.LogSource> logTail(int lines);

        /** Writes a report of {@code period}; reports {@link PipelineEvents#reportWritten} or {@code reportFailed}. */
        default void report(ReportPeriod period) {
            throw new UnsupportedOperationException("reports are not available in this console");
        }
    }

    private static final long LOG_REFRESH_NANOS = 500_000_000L;
    private static final List<HelpView.Entry> HELP = Keys.help();

    private final WindowCounts counts;
    private final PipelineStatus status;
    private final PipelineSettings pipeline;
    private final Backend backend;
    private final LongSupplier clock;
    private final ViewState view = new ViewState();
    private final PipelineEvents events;
    private final KeyActions actions;
    private List<Frame.LogSource> logs = List.of();
    private long logsReadAt;

    public ConsoleController(WindowCounts counts, PipelineStatus status, PipelineSettings pipeline, Backend backend,
                             LongSupplier clock) {
        this.counts = counts;
        this.status = status;
        this.pipeline = pipeline;
        this.backend = backend;
        this.clock = clock;
        this.events = new PipelineEvents(counts, status, view, clock);
        this.actions = new KeyActions(status, view, pipeline, backend, events, clock);
    }

    /** This console follows a pipeline that runs elsewhere ('console --attach'). */
    public void attached() {
        actions.attached = true;
    }

    /** Where the pipeline's reports go: each changes what the screen shows. */
    public PipelineEvents events() {
        return events;
    }

    /** Handles one keystroke from the terminal. */
    public void key(KeyStroke k) {
        events.changed();
        if (Keys.run(Keys.Scope.ANYTIME, k, actions)) {
            return;
        }
        if (view.help) {
            view.help = false;
            return;
        }
        if (view.confirmRestart) {
            view.confirmRestart = false;
            if (k.getKeyType() == KeyType.Character && !k.isCtrlDown() && k.getCharacter() == 'y') {
                actions.restart();
            } else {
                view.say(ViewState.Tone.INFO, "restart cancelled");
            }
            return;
        }
        if (!Keys.run(Keys.Scope.ALWAYS, k, actions)) {
            Keys.run(view.mode == ViewState.Mode.TYPING ? Keys.Scope.TYPING : Keys.Scope.KEYS, k, actions);
        }
    }

    /** Quits: stops the job and the broker (the screen shows the steps), then ends the UI. */
    public void quit() {
        actions.quit();
    }

    // ---- what the views read ----

    /** The frame to draw now; reads the log files when the pane shows them and they are due. */
    Frame frame() {
        long now = clock.getAsLong();
        if (view.logs && (actions.logsDue || now - logsReadAt >= LOG_REFRESH_NANOS)) {
            logs = backend.logTail(50);
            logsReadAt = now;
            actions.logsDue = false;
        }
        if (view.selected != null && counts.window(view.selected) == null) {
            view.selected = null; // evicted or cleared: follow the newest again
        }
        return new Frame(counts, status, view, pipeline, view.logs ? logs : List.of(), events.historyLoaded(), now,
                events.cluster(), HELP);
    }

    /** True when something changed since the last drawing. */
    boolean takeDirty() {
        return events.takeDirty();
    }

    /** True while the screen moves by itself (a spinner, the log pane), so it is redrawn even without news. */
    boolean animating() {
        return status.starting() || status.phase() == PipelineStatus.Phase.STOPPING
                || status.phase() == PipelineStatus.Phase.RESTARTING || view.logs || view.brokers.active();
    }

    public boolean finished() {
        return events.finished();
    }
}

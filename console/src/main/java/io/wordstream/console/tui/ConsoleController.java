package io.wordstream.console.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import io.wordstream.common.Dimension;
import io.wordstream.common.PipelineSettings;
import io.wordstream.console.kafka.BrokerChange;
import io.wordstream.console.model.ClusterState;
import io.wordstream.console.model.JobEvent;
import io.wordstream.console.model.KafkaSnapshot;
import io.wordstream.console.model.MasterSnapshot;
import io.wordstream.console.model.PipelineStatus;
import io.wordstream.console.model.ResultRow;
import io.wordstream.console.model.WindowCounts;
import io.wordstream.console.report.ReportPeriod;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The coordinator of the terminal UI: turns keystrokes into model changes and requests to the pipeline, and the
 * pipeline's reports into model changes. Every method runs on the UI thread; the views only read what it holds.
 *
 * <p>Over 300 lines because every key and every report of the pipeline passes here, each a few lines; the state
 * it changes lives in the model and {@link ViewState}, the drawing in the views.
 */
public final class ConsoleController {
    /** What the controller asks of the running pipeline; each call returns at once and reports back later. */
    public interface Backend {
        /** Sends one sentence; reports {@link #sendAcked}, {@link #sendFailed} or {@link #sendQueued}. */
        void send(String sentence);

        /** Stops the job and launches it again; reports {@link #restarted} or {@link #restartFailed}. */
        void restartJob();

        /** Stops everything; reports {@link #stopped}. */
        void quit();

        /** Adds a worker to the local cluster; reports {@link #workers}. */
        void addWorker();

        /** Stops the local cluster's newest worker, never the last; reports {@link #workers}. */
        void stopWorker();

        /** The logs for the log pane, each with its last {@code lines} lines. */
        List<Frame.LogSource> logTail(int lines);

        /** Writes a report of {@code period}; reports {@link #reportWritten} or {@link #reportFailed}. */
        default void report(ReportPeriod period) {
            throw new UnsupportedOperationException("reports are not available in this console");
        }
    }

    private static final long LOG_REFRESH_NANOS = 500_000_000L;

    private final WindowCounts counts;
    private final PipelineStatus status;
    private final PipelineSettings pipeline;
    private final Backend backend;
    private final LongSupplier clock;
    private final ViewState view = new ViewState();
    private final ClusterState cluster = new ClusterState();
    private boolean historyLoaded;
    private boolean finished;
    /** The RESTARTING shown is Kafka's outage, not the job's relaunch. */
    private boolean kafkaOutage;
    private boolean dirty = true;
    private List<Frame.LogSource> logs = List.of();
    private long logsReadAt = Long.MIN_VALUE;
    /** The pipeline runs elsewhere: quitting detaches, and the job is not this console's to restart. */
    private boolean attached;

    public ConsoleController(WindowCounts counts, PipelineStatus status, PipelineSettings pipeline, Backend backend,
                             LongSupplier clock) {
        this.counts = counts;
        this.status = status;
        this.pipeline = pipeline;
        this.backend = backend;
        this.clock = clock;
    }

    /** This console follows a pipeline that runs elsewhere ('console --attach'). */
    public void attached() {
        attached = true;
    }

    // ---- reports from the pipeline ----

    public void step(String message) {
        status.step(message, clock.getAsLong());
        if (status.phase() == PipelineStatus.Phase.STOPPING) {
            // Stopping waits on processes that may take seconds: the line counts them, so it never looks hung.
            view.sayWaiting(ViewState.Tone.INFO, message, clock.getAsLong());
        } else if (status.phase() == PipelineStatus.Phase.RESTARTING) {
            view.say(ViewState.Tone.INFO, message);
        }
        dirty = true;
    }

    public void jobState(String state, String appId) {
        status.jobState(state, appId, clock.getAsLong());
        dirty = true;
    }

    /** The sum of the input topics' end offsets, as the input rate poller reads it about once a second. */
    public void inputTotal(long total) {
        status.inputTotal(total, clock.getAsLong());
        dirty = true;
    }

    public void jobEvent(JobEvent event) {
        status.event(event, clock.getAsLong());
        cluster.jobEvent(event);
        dirty = true;
    }

    /** A reading of Kafka for the cluster view; the history takes a sample when one is due. */
    public void kafkaCluster(KafkaSnapshot s) {
        long now = clock.getAsLong();
        cluster.kafka(s, now);
        cluster.sample(status, now);
        dirty = true;
    }

    /** A reading of the Spark master's JSON for the cluster view. */
    public void sparkMaster(MasterSnapshot s) {
        cluster.master(s);
        dirty = true;
    }

    public void ready(String bootstrap, String master, String appId) {
        status.ready(bootstrap, master, appId, clock.getAsLong());
        view.say(ViewState.Tone.GOOD, "the pipeline is running: type a sentence and press Enter");
        dirty = true;
    }

    public void startFailed(String reason) {
        status.failed(reason, clock.getAsLong());
        view.say(ViewState.Tone.BAD, "the pipeline did not start: " + reason);
        dirty = true;
    }

    /** The job ended while it was running (it failed, or was killed). */
    public void jobEnded(String state, String reason) {
        boolean runningOrKafkaOutage = status.phase() == PipelineStatus.Phase.RUNNING
                || (kafkaOutage && status.phase() == PipelineStatus.Phase.RESTARTING);
        if (!runningOrKafkaOutage) {
            return;
        }
        kafkaOutage = false;
        status.failed("the Spark job ended (" + state + "): " + reason, clock.getAsLong());
        view.say(ViewState.Tone.BAD, "the Spark job ended (" + state + ")");
        dirty = true;
    }

    /** The console relaunches the job that ended by itself; the steps show on the feedback line. */
    public void relaunching() {
        if (status.phase() == PipelineStatus.Phase.STOPPING || finished) {
            return;
        }
        kafkaOutage = false;
        status.restarting(clock.getAsLong());
        view.say(ViewState.Tone.WARN, "relaunching the Spark job from its checkpoint...");
        dirty = true;
    }

    /** The embedded broker exited and is being started again: what is typed meanwhile waits and is retried. */
    public void brokerLost(String reason) {
        kafkaDown(reason + "; restarting it: what you send meanwhile waits and is retried");
    }

    /** An external Kafka does not answer: the console cannot restart it, only wait with what is sent. */
    public void kafkaUnreachable(String message) {
        kafkaDown(message);
    }

    // Kafka's outage shows as RESTARTING only over a running pipeline: a job that failed or is being relaunched
    // keeps its own state, and Kafka's return does not paper over it.
    private void kafkaDown(String message) {
        if (status.phase() == PipelineStatus.Phase.STOPPING || status.phase() == PipelineStatus.Phase.STOPPED) {
            return;
        }
        if (status.phase() == PipelineStatus.Phase.RUNNING) {
            status.restarting(clock.getAsLong());
            kafkaOutage = true;
        }
        view.say(ViewState.Tone.WARN, message);
        dirty = true;
    }

    /** Kafka answers again. */
    public void brokerBack() {
        if (status.phase() == PipelineStatus.Phase.STOPPING || finished) {
            return;
        }
        if (kafkaOutage && status.phase() == PipelineStatus.Phase.RESTARTING) {
            status.ready(status.bootstrap(), status.master(), status.appId(), clock.getAsLong());
        }
        kafkaOutage = false;
        view.say(ViewState.Tone.GOOD, "Kafka is back on " + status.bootstrap());
        dirty = true;
    }

    /**
     * A broker of an external cluster was lost, is still down, answers again, or counting resumed: the status row
     * says so while one is down (docs/failover.md), the feedback line at each turn.
     */
    public void brokerChanged(BrokerChange change) {
        long now = clock.getAsLong();
        view.brokers.changed(change, now);
        status.step(change.message(), now);
        if (change instanceof BrokerChange.Lost) {
            view.say(ViewState.Tone.WARN, change.message());
        } else if (!(change instanceof BrokerChange.StillDown)) {
            view.say(ViewState.Tone.GOOD, change.message());
        }
        dirty = true;
    }

    /** The broker did not come back: nothing can be sent or counted. */
    public void brokerRestartFailed(String reason) {
        if (status.phase() == PipelineStatus.Phase.STOPPING || finished) {
            return;
        }
        status.failed(reason, clock.getAsLong());
        view.say(ViewState.Tone.BAD, reason);
        dirty = true;
    }

    /** The local cluster was counted or changed: the header shows its workers and executors, the line what changed. */
    public void workers(int workers, int executors, String message) {
        status.cluster(workers, executors);
        status.step(message, clock.getAsLong());
        if (status.everReady()) {
            view.say(ViewState.Tone.INFO, message);
        }
        dirty = true;
    }

    public void results(List<ResultRow> rows, boolean caughtUp) {
        Set<String> raised = new HashSet<>();
        for (ResultRow r : rows) {
            if (counts.apply(r)) {
                dirty = true;
                if (Dimension.WORD.id().equals(r.dimension())) {
                    raised.add(r.key());
                }
            }
        }
        view.analysis.raised(raised, clock.getAsLong(), view);
        if (caughtUp && !historyLoaded) {
            historyLoaded = true;
            dirty = true;
        }
    }

    public void sendQueued(String sentence) {
        view.say(ViewState.Tone.WARN, "queued until the pipeline is ready: " + quote(sentence));
        dirty = true;
    }

    public void sendAcked(String sentence, String where) {
        view.acked++;
        view.say(ViewState.Tone.GOOD, "✓ acknowledged " + quote(sentence) + " (" + where + ")");
        dirty = true;
    }

    public void sendFailed(String sentence, String reason) {
        view.failed++;
        view.say(ViewState.Tone.BAD, "✗ not sent " + quote(sentence) + ": " + reason);
        dirty = true;
    }

    public void restarted(String appId) {
        status.ready(status.bootstrap(), status.master(), appId, clock.getAsLong());
        view.say(ViewState.Tone.GOOD, "the job was restarted from its checkpoint (" + appId + ")");
        dirty = true;
    }

    public void restartFailed(String reason) {
        status.failed(reason, clock.getAsLong());
        view.say(ViewState.Tone.BAD, "the job did not restart: " + reason);
        dirty = true;
    }

    public void stopped() {
        status.stopped(clock.getAsLong());
        finished = true;
        dirty = true;
    }

    // ---- keys ----

    /** Handles one keystroke from the terminal. */
    public void key(KeyStroke k) {
        dirty = true;
        if (k.getKeyType() == KeyType.EOF || isCtrl(k, 'c')) {
            quit();
            return;
        }
        if (view.help) {
            view.help = false;
            return;
        }
        if (view.confirmRestart) {
            view.confirmRestart = false;
            if (isChar(k, 'y')) {
                restart();
            } else {
                view.say(ViewState.Tone.INFO, "restart cancelled");
            }
            return;
        }
        switch (k.getKeyType()) {
            case F1 -> view.help = true;
            case F2 -> view.cluster = !view.cluster;
            case Tab -> cycleFocus(1);
            case ReverseTab -> cycleFocus(-1);
            case PageUp -> older();
            case PageDown -> newer();
            default -> {
                if (view.mode == ViewState.Mode.TYPING) {
                    typing(k);
                } else {
                    command(k);
                }
            }
        }
    }

    private void typing(KeyStroke k) {
        LineEditor in = view.input;
        switch (k.getKeyType()) {
            case Enter -> submit();
            case Escape -> {
                view.mode = ViewState.Mode.KEYS;
                view.analysis.cancelSearch();
            }
            case Backspace -> in.backspace();
            case Delete -> in.delete();
            case ArrowLeft -> in.left();
            case ArrowRight -> in.right();
            case Home -> in.home();
            case End -> in.end();
            case Character -> {
                if (isCtrl(k, 'u')) {
                    in.deleteToStart();
                } else if (isCtrl(k, 'a')) {
                    in.home();
                } else if (isCtrl(k, 'e')) {
                    in.end();
                } else if (!k.isCtrlDown() && !k.isAltDown()) {
                    in.insert(k.getCharacter().toString());
                }
            }
            default -> {
                // other keys mean nothing while typing
            }
        }
    }

    private void command(KeyStroke k) {
        switch (k.getKeyType()) {
            case ArrowLeft -> older();
            case ArrowRight -> newer();
            case End -> view.selected = null;
            case Home -> view.selected = counts.windowStarts().isEmpty() ? null : counts.windowStarts().get(0);
            // Esc is "keys mode" wherever it is pressed, never a toggle: pressing it twice must not start typing.
            case Enter -> view.mode = ViewState.Mode.TYPING;
            case Character -> {
                switch (k.getCharacter()) {
                    case 'q' -> quit();
                    case 'i' -> view.mode = ViewState.Mode.TYPING;
                    case '?' -> view.help = true;
                    case 'l' -> {
                        view.logs = !view.logs;
                        logsReadAt = Long.MIN_VALUE;
                    }
                    case 'c' -> clear();
                    case 'v' -> view.cluster = !view.cluster;
                    case 'r' -> askRestart();
                    case 'p' -> report();
                    case 'w' -> WorkerKeys.add(status, view, backend);
                    case 'W' -> WorkerKeys.stop(status, view, backend);
                    case '/' -> view.analysis.startSearch(view);
                    case 't' -> view.analysis.cycleRange(view);
                    case 's' -> view.analysis.toggleStopWords(view);
                    default -> {
                        // unbound
                    }
                }
            }
            default -> {
                // unbound
            }
        }
    }

    private void submit() {
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
        view.say(ViewState.Tone.INFO, "sending " + quote(line));
        view.analysis.sent(line, pipeline, clock.getAsLong());
        backend.send(line);
    }

    /** Quits: stops the job and the broker (the screen shows the steps), then ends the UI. */
    public void quit() {
        if (status.phase() == PipelineStatus.Phase.STOPPING || finished) {
            return;
        }
        status.stopping(clock.getAsLong());
        view.help = false;
        view.say(ViewState.Tone.INFO, attached ? "detaching: the pipeline goes on..." : "stopping the pipeline...");
        dirty = true;
        backend.quit();
    }

    private void askRestart() {
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

    private void restart() {
        status.restarting(clock.getAsLong());
        view.say(ViewState.Tone.INFO, "restarting the Spark job...");
        backend.restartJob();
    }

    /** Writes a report of the windows the console holds, from the oldest kept to the end of the newest. */
    private void report() {
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
            reportFailed(e.getMessage());
        }
    }

    /** The report asked for with p is written. */
    public void reportWritten(Path file) {
        view.sayPath(ViewState.Tone.GOOD, "report written: ", file.toString());
        dirty = true;
    }

    /** The report asked for with p could not be written; the console goes on. */
    public void reportFailed(String reason) {
        view.say(ViewState.Tone.BAD, "no report: " + reason);
        dirty = true;
    }

    /**
     * A line of the scheduled reports or the alerts ("report: wrote ...", "alert: ..."): shown on the feedback line
     * as well as logged, so the operator sees it without opening console.log.
     */
    public void reportNotice(String line) {
        boolean bad = line.startsWith("alert:") || line.contains("cannot ") || line.contains("gave up");
        view.say(bad ? ViewState.Tone.WARN : ViewState.Tone.INFO, line);
        dirty = true;
    }

    private void clear() {
        counts.clear();
        view.selected = null;
        view.say(ViewState.Tone.INFO, "view cleared: windows updated from now on show again");
    }

    private void cycleFocus(int step) {
        List<Dimension> all = List.of(Dimension.values());
        view.focus = all.get(Math.floorMod(all.indexOf(view.focus) + step, all.size()));
    }

    /** Selects the window before the selected one. */
    private void older() {
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
    private void newer() {
        List<Instant> starts = counts.windowStarts();
        if (view.selected == null || starts.isEmpty()) {
            return;
        }
        int i = starts.indexOf(view.selected);
        view.selected = i < 0 || i + 1 >= starts.size() - 1 ? null : starts.get(i + 1);
    }

    // ---- what the views read ----

    /** The frame to draw now; reads the log files when the pane shows them and they are due. */
    Frame frame() {
        long now = clock.getAsLong();
        if (view.logs && (logsReadAt == Long.MIN_VALUE || now - logsReadAt >= LOG_REFRESH_NANOS)) {
            logs = backend.logTail(50);
            logsReadAt = now;
        }
        if (view.selected != null && counts.window(view.selected) == null) {
            view.selected = null; // evicted or cleared: follow the newest again
        }
        return new Frame(counts, status, view, pipeline, view.logs ? logs : List.of(), historyLoaded, now,
                cluster);
    }

    /** True when something changed since the last drawing. */
    boolean takeDirty() {
        boolean d = dirty;
        dirty = false;
        return d;
    }

    /** True while the screen moves by itself (a spinner, the log pane), so it is redrawn even without news. */
    boolean animating() {
        return status.starting() || status.phase() == PipelineStatus.Phase.STOPPING
                || status.phase() == PipelineStatus.Phase.RESTARTING || view.logs || view.brokers.active();
    }

    public boolean finished() {
        return finished;
    }

    private static boolean isCtrl(KeyStroke k, char c) {
        return k.getKeyType() == KeyType.Character && k.isCtrlDown() && Character.toLowerCase(k.getCharacter()) == c;
    }

    private static boolean isChar(KeyStroke k, char c) {
        return k.getKeyType() == KeyType.Character && !k.isCtrlDown() && k.getCharacter() == c;
    }

    private static String quote(String sentence) {
        return "'" + Text.fit(Text.printable(sentence), 40) + "'";
    }
}

package io.wordstream.console.tui;

import io.wordstream.common.Dimension;
import io.wordstream.console.kafka.BrokerChange;
import io.wordstream.console.model.ClusterState;
import io.wordstream.console.model.HostOutage;
import io.wordstream.console.model.JobEvent;
import io.wordstream.console.model.KafkaSnapshot;
import io.wordstream.console.model.MasterSnapshot;
import io.wordstream.console.model.PipelineStatus;
import io.wordstream.console.model.ResultRow;
import io.wordstream.console.model.WindowCounts;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The pipeline's reports, turned into what the screen draws: the window counts, the pipeline's status, the cluster
 * and the feedback line. Every method runs on the UI thread; {@link ConsoleBridge} calls them as events arrive.
 */
public final class PipelineEvents {
    private final WindowCounts counts;
    private final PipelineStatus status;
    private final ViewState view;
    private final LongSupplier clock;
    private final ClusterState cluster = new ClusterState();
    /** The turn of each lost host last said on the feedback line, with what was lost there. */
    private final Map<String, String> hostTurns = new HashMap<>();
    private boolean historyLoaded;
    private boolean finished;
    /** The RESTARTING shown is Kafka's outage, not the job's relaunch. */
    private boolean kafkaOutage;
    private boolean dirty = true;

    /** The turns of a lost host that the feedback line says, each in its tone. */
    private enum HostTurn {
        LOST(ViewState.Tone.BAD), RESUMED(ViewState.Tone.WARN), BACK(ViewState.Tone.GOOD);

        final ViewState.Tone tone;

        HostTurn(ViewState.Tone tone) {
            this.tone = tone;
        }
    }

    PipelineEvents(WindowCounts counts, PipelineStatus status, ViewState view, LongSupplier clock) {
        this.counts = counts;
        this.status = status;
        this.view = view;
        this.clock = clock;
    }

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
        announceHosts();
        dirty = true;
    }

    /** A reading of Kafka for the cluster view; the history takes a sample when one is due. */
    public void kafkaCluster(KafkaSnapshot s) {
        long now = clock.getAsLong();
        cluster.kafka(s, now);
        cluster.sample(status, now);
        announceHosts();
        dirty = true;
    }

    /** A reading of the Spark master's JSON for the cluster view. */
    public void sparkMaster(MasterSnapshot s) {
        cluster.master(s);
        announceHosts();
        dirty = true;
    }

    public void ready(String bootstrap, String master, String appId) {
        status.ready(bootstrap, master, appId, clock.getAsLong());
        view.say(ViewState.Tone.GOOD, "the pipeline is running: type a sentence and press Enter");
        dirty = true;
    }

    /** The session's security: {@code line} for the header, and whether its brokers and workers are secured. */
    public void security(String line, boolean secured) {
        status.security(line);
        cluster.secured(secured);
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

    /** Says on the feedback line each turn of a lost host (lost, counting resumed, back) and more of it lost. */
    private void announceHosts() {
        for (HostOutage o : cluster.outages().outages()) {
            HostTurn turn = !o.open() ? HostTurn.BACK : o.resumedAfter().isPresent() ? HostTurn.RESUMED
                    : HostTurn.LOST;
            if (!(turn + " " + o.lost()).equals(hostTurns.put(o.host(), turn + " " + o.lost()))) {
                view.say(turn.tone, o.line(cluster.now()));
            }
        }
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

    WindowCounts counts() {
        return counts;
    }

    ClusterState cluster() {
        return cluster;
    }

    boolean historyLoaded() {
        return historyLoaded;
    }

    /** True once the pipeline has stopped and the UI may end. */
    boolean finished() {
        return finished;
    }

    /** Something on screen changed: the next turn of the loop draws it. */
    void changed() {
        dirty = true;
    }

    /** True when something changed since the last drawing. */
    boolean takeDirty() {
        boolean d = dirty;
        dirty = false;
        return d;
    }

    static String quote(String sentence) {
        return "'" + Text.fit(Text.printable(sentence), 40) + "'";
    }
}

package io.wordstream.console.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the console knows of its pipeline: the start-up steps so far, the Spark job's state as the launcher reports
 * it, and the job's latest metrics. Times are {@code System.nanoTime()} values given by the caller, so the model
 * stays a pure function of what it was told. Not thread-safe: one thread owns it.
 */
public final class PipelineStatus {
    /** Where the pipeline is in its life. */
    public enum Phase { STARTING, RUNNING, RESTARTING, FAILED, STOPPING, STOPPED }

    /** One step of start-up or shutdown, in words, and when it was reported. */
    public record Step(String message, long atNanos) {
    }

    private static final int MAX_STEPS = 40;

    private final long startedNanos;
    private final List<Step> steps = new ArrayList<>();
    /** The steps of the stop, since the quit: a handful (the job, the servers, the cluster, the broker). */
    private final List<Step> stopSteps = new ArrayList<>();
    /** When the quit came, or -1. */
    private long stoppingSinceNanos = -1;
    private Phase phase = Phase.STARTING;
    private String jobState = "";
    private String appId = "";
    private String bootstrap = "";
    private String master = "";
    private String security = "";
    private String error = "";
    private JobEvent lastProgress;
    private JobEvent lastData;
    private long lastDataNanos = -1;
    private final RateWindow input = new RateWindow(RateWindow.DEFAULT_SPAN);
    private final RateWindow counted = new RateWindow(RateWindow.DEFAULT_SPAN);
    private long lastEventNanos = -1;
    private long phaseSinceNanos;
    private boolean everReady;
    /** A local cluster's workers and the job's executors on them; -1 without a local cluster. */
    private int workers = -1;
    private int executors;

    public PipelineStatus(long startedNanos, String bootstrap, String master) {
        this.startedNanos = startedNanos;
        this.phaseSinceNanos = startedNanos;
        this.bootstrap = bootstrap;
        this.master = master;
    }

    public void step(String message, long now) {
        Step step = new Step(message, now);
        steps.add(step);
        if (steps.size() > MAX_STEPS) {
            steps.remove(0);
        }
        if (phase == Phase.STOPPING) {
            stopSteps.add(step);
        }
    }

    /** The launcher's report; the app id arrives a moment after the first states. */
    public void jobState(String state, String appId, long now) {
        this.jobState = state;
        if (appId != null && !appId.isEmpty()) {
            this.appId = appId;
        }
    }

    /** A record of the job's metrics topic. */
    public void event(JobEvent e, long now) {
        lastEventNanos = now;
        if (e.type().equals("progress")) {
            lastProgress = e;
            counted.add(e.metric("inputRows"), now);
            if (e.metric("inputRows") > 0) {
                lastData = e;
                lastDataNanos = now;
            }
        }
        if (!e.appId().isEmpty()) {
            appId = e.appId();
        }
    }

    /** The sum of the input topics' end offsets, read at {@code now}: what it grows by is the input rate. */
    public void inputTotal(long total, long now) {
        input.total(total, now);
    }

    /** Records per second into the input topics over the last {@link #rateSpan()}; empty until first read. */
    public OptionalDouble inputPerSecond(long now) {
        return input.known() ? OptionalDouble.of(input.perSecond(now)) : OptionalDouble.empty();
    }

    /** Records per second the job read, by its metrics events, over the last {@link #rateSpan()}. */
    public double countedPerSecond(long now) {
        return counted.perSecond(now);
    }

    /** The span both rates are averaged over. */
    public Duration rateSpan() {
        return counted.span();
    }

    /** What protects the session's links, for the header; empty on loopback, where nothing needs to. */
    public void security(String line) {
        this.security = line;
    }

    public String security() {
        return security;
    }

    /** The pipeline completed its first batch; {@code master} is the one it runs on (a local cluster's URL). */
    public void ready(String bootstrap, String master, String appId, long now) {
        this.bootstrap = bootstrap;
        this.master = master;
        if (appId != null) {
            this.appId = appId;
        }
        enter(Phase.RUNNING, now);
        everReady = true;
        error = "";
    }

    /** The console's local cluster was counted: its workers, and the job's executors on them. */
    public void cluster(int workers, int executors) {
        this.workers = workers;
        this.executors = executors;
    }

    /** The local cluster's workers, or -1 when the pipeline runs on none (or before it was counted). */
    public int workers() {
        return workers;
    }

    /** The job's executors on the local cluster, as last counted. */
    public int executors() {
        return executors;
    }

    public void restarting(long now) {
        enter(Phase.RESTARTING, now);
        lastProgress = null;
        lastData = null;
        lastDataNanos = -1;
    }

    /** Start-up or the job failed; {@code reason} is one line in plain words. */
    public void failed(String reason, long now) {
        error = reason;
        enter(Phase.FAILED, now);
    }

    public void stopping(long now) {
        enter(Phase.STOPPING, now);
        stoppingSinceNanos = now;
    }

    /** When the quit came, or -1 before it. */
    public long stoppingSinceNanos() {
        return stoppingSinceNanos;
    }

    public void stopped(long now) {
        enter(Phase.STOPPED, now);
    }

    private void enter(Phase next, long now) {
        phase = next;
        phaseSinceNanos = now;
    }

    public Phase phase() {
        return phase;
    }

    /** True while the pipeline is on its way up (first start or a restart of the job). */
    public boolean starting() {
        return phase == Phase.STARTING || phase == Phase.RESTARTING;
    }

    /** True once the pipeline has completed a first batch, whatever happened after. */
    public boolean everReady() {
        return everReady;
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /** The steps of stopping the pipeline, since the quit. */
    public List<Step> stopSteps() {
        return List.copyOf(stopSteps);
    }

    public String jobState() {
        return jobState;
    }

    public String appId() {
        return appId;
    }

    public String bootstrap() {
        return bootstrap;
    }

    public String master() {
        return master;
    }

    public String error() {
        return error;
    }

    /** The metrics of the job's latest micro-batch that read data. */
    public Optional<JobEvent> lastProgress() {
        return Optional.ofNullable(lastProgress);
    }

    /** The metrics of the job's latest micro-batch that read records: its rates are the live ones. */
    public Optional<JobEvent> lastData() {
        return Optional.ofNullable(lastData);
    }

    /** When the latest micro-batch that read records was reported, or -1. */
    public long lastDataNanos() {
        return lastDataNanos;
    }

    /** When the job last said anything on the metrics topic, or -1. */
    public long lastEventNanos() {
        return lastEventNanos;
    }

    public long startedNanos() {
        return startedNanos;
    }

    public long phaseSinceNanos() {
        return phaseSinceNanos;
    }
}

package io.wordstream.bench.curve;

import io.wordstream.bench.measure.Latency;

/**
 * One point of a latency-throughput curve: a system under a steady rate for a while.
 *
 * @param rate        sentences per second scheduled
 * @param sentRate    sentences per second the benchmark's producer managed (below {@code rate}: the sender lagged,
 *                    and the lag is in the latency, which counts from each sentence's scheduled time)
 * @param offeredWps  words per second scheduled
 * @param latency     scheduled-send-to-result latency of the step's probes
 * @param lostProbes  probes whose result did not come within the grace after the step
 * @param backlogWps  growth of the backlog, words per second (least-squares slope)
 * @param caughtUp    whether the system had counted everything sent before the next step
 * @param backlogWords words sent but not counted at the end of the sending
 * @param batches     where the micro-batches' time went (wordstream only; empty for the others)
 */
public record RateStep(int rate, double sentRate, double offeredWps, Latency latency, int lostProbes,
                       double backlogWps, boolean caughtUp, long backlogWords, BatchProfile batches) {
    /** The bound of the latency-bounded throughput: p99 at most 1 s. */
    public static final double P99_LIMIT_MS = 1000;

    public boolean backlogGrowing() {
        return BacklogTrend.growing(backlogWps, backlogWords, offeredWps);
    }

    /**
     * Sustained (Karimov et al., ICDE 2018): the backlog did not grow over the step, every probe was counted, and the
     * system caught up afterwards, whatever the latency.
     */
    public boolean sustainable() {
        return latency.n() > 0 && lostProbes == 0 && !backlogGrowing() && caughtUp;
    }

    /** Sustained with p99 at most 1 s. */
    public boolean withinP99Limit() {
        return sustainable() && latency.p99() <= P99_LIMIT_MS;
    }

    /** In a few words: "ok", sustained but with p99 over 1 s, or why it was not sustained. */
    public String verdict() {
        if (withinP99Limit()) {
            return "ok";
        }
        if (sustainable()) {
            return "p99 > 1 s";
        }
        if (latency.n() == 0 || lostProbes > 0) {
            return "lost probes";
        }
        if (!caughtUp) {
            return "never caught up";
        }
        return "backlog grows";
    }
}

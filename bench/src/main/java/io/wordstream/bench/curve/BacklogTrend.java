package io.wordstream.bench.curve;

import java.util.List;

/**
 * Whether a system falls behind a steady rate: the backlog (words sent but not yet counted) sampled during a step,
 * and the least-squares slope of it. A micro-batch engine's backlog rises and falls by a batch at a time; only a
 * trend that outlasts that saw-tooth means the system takes in less than it is offered.
 */
public final class BacklogTrend {
    /** A slope above this share of the offered word rate is a backlog that grows (the system keeps up with < 95%). */
    static final double GROWTH_SHARE = 0.05;
    /** The first quarter of a step is left out: the backlog climbs there to its steady level from an empty start. */
    static final double SETTLE_SHARE = 0.25;

    /** One sample: seconds since the step started, and the words sent but not yet counted then. */
    public record Sample(double seconds, long backlogWords) {
    }

    private BacklogTrend() {
    }

    /** Least-squares slope of the backlog after the settling part, in words per second; 0 with under 3 samples. */
    public static double slope(List<Sample> samples) {
        if (samples.isEmpty()) {
            return 0;
        }
        double end = samples.get(samples.size() - 1).seconds();
        List<Sample> used = samples.stream().filter(s -> s.seconds() >= end * SETTLE_SHARE).toList();
        if (used.size() < 3) {
            return 0;
        }
        double mx = used.stream().mapToDouble(Sample::seconds).average().orElse(0);
        double my = used.stream().mapToDouble(Sample::backlogWords).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (Sample s : used) {
            sxy += (s.seconds() - mx) * (s.backlogWords() - my);
            sxx += (s.seconds() - mx) * (s.seconds() - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }

    /**
     * True when the backlog grew by more than {@link #GROWTH_SHARE} of the words offered per second and at the end
     * held more than a second of them. The second condition keeps a slow batch's saw-tooth at a low rate (a few
     * hundred words) from counting: a backlog under a second of input is what a p99 within 1 s allows anyway.
     */
    public static boolean growing(double slopeWordsPerSecond, long endBacklogWords, double offeredWordsPerSecond) {
        return slopeWordsPerSecond > GROWTH_SHARE * offeredWordsPerSecond
                && endBacklogWords > offeredWordsPerSecond;
    }
}

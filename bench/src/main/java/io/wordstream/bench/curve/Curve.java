package io.wordstream.bench.curve;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** The rates a curve climbs, and its sustainable throughput. */
public final class Curve {
    /** The steady rates of a full run, sentences per second: about doubling, so a ratio of 2 or 4 shows. */
    public static final List<Integer> RATES = List.of(100, 1_000, 2_000, 5_000, 10_000, 20_000, 40_000, 80_000,
            160_000, 320_000);
    /** Fewer, further apart, for {@code --quick}. */
    public static final List<Integer> QUICK_RATES = List.of(100, 1_000, 10_000, 50_000, 150_000, 300_000);

    private Curve() {
    }

    /** The latency phase's rate first, then every rate of {@code ladder} above it, in increasing order. */
    public static List<Integer> ladder(int first, List<Integer> ladder) {
        List<Integer> out = new ArrayList<>();
        out.add(first);
        ladder.stream().filter(r -> r > first).sorted().distinct().forEach(out::add);
        return out;
    }

    /**
     * The sustainable throughput (Karimov et al.): the highest rate at which the backlog did not grow, whatever the
     * latency. Empty when no rate was sustained.
     */
    public static OptionalInt sustainable(List<RateStep> steps) {
        return steps.stream().filter(RateStep::sustainable).mapToInt(RateStep::rate).max();
    }

    /**
     * The latency-bounded throughput: the highest sustained rate with p99 at most 1 s, whatever the rates below it
     * did (a micro-batch engine's p99 at the lowest rate is mostly its batch time, which a higher rate does not
     * lengthen by much). Empty when there is none.
     */
    public static OptionalInt p99Bounded(List<RateStep> steps) {
        return steps.stream().filter(RateStep::withinP99Limit).mapToInt(RateStep::rate).max();
    }

    /** Whether to climb past the last step: as long as the system keeps up, past a p99 over 1 s too. */
    public static boolean climbOn(List<RateStep> steps) {
        return steps.isEmpty() || steps.get(steps.size() - 1).sustainable();
    }
}

package io.wordstream.bench.curve;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** The rates a curve climbs, and its sustainable throughput. */
public final class Curve {
    /** The steady rates of a full run, sentences per second. */
    public static final List<Integer> RATES = List.of(100, 1_000, 5_000, 10_000, 20_000, 50_000, 100_000, 150_000,
            200_000, 300_000, 500_000);
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
     * The highest rate the system sustained (Karimov et al.: p99 within the bound, no growing backlog), whatever the
     * rates below it did: a micro-batch engine's p99 at the lowest rate is mostly its batch time, which a higher rate
     * does not lengthen by much. Empty when no rate was sustained.
     */
    public static OptionalInt sustainable(List<RateStep> steps) {
        return steps.stream().filter(RateStep::sustainable).mapToInt(RateStep::rate).max();
    }

    /**
     * Whether to climb past the last step: not once the system falls behind (a backlog that grows, probes lost, no
     * catch-up), nor after two rates in a row with p99 over the bound; one such rate alone may be a slow moment.
     */
    public static boolean climbOn(List<RateStep> steps) {
        if (steps.isEmpty()) {
            return true;
        }
        RateStep last = steps.get(steps.size() - 1);
        if (last.sustainable()) {
            return true;
        }
        if (last.backlogGrowing() || last.lostProbes() > 0 || !last.caughtUp() || last.latency().n() == 0) {
            return false;
        }
        return steps.size() < 2 || steps.get(steps.size() - 2).sustainable();
    }
}

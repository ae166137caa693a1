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
     * The highest rate the system sustained, climbing from the lowest: every step up to it sustainable. Empty when
     * the first was not.
     */
    public static OptionalInt sustainable(List<RateStep> steps) {
        OptionalInt best = OptionalInt.empty();
        for (RateStep s : steps.stream().sorted((a, b) -> Integer.compare(a.rate(), b.rate())).toList()) {
            if (!s.sustainable()) {
                break;
            }
            best = OptionalInt.of(s.rate());
        }
        return best;
    }
}

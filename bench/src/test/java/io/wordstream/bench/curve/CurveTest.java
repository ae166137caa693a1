package io.wordstream.bench.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.bench.measure.Latency;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CurveTest {
    private static RateStep step(int rate, double p99, int lost, double backlogWps, boolean caughtUp) {
        // A growing backlog here also ends the step with ten seconds of input outstanding.
        return new RateStep(rate, rate, rate * 10.0, new Latency(100, p99 / 2, p99, p99, p99, p99), lost,
                backlogWps, caughtUp, backlogWps > 0 ? rate * 100L : 0, BatchProfile.EMPTY);
    }

    @Test
    void theLadderStartsAtTheLatencyRateAndClimbsTheRatesAboveIt() {
        assertEquals(List.of(100, 1_000, 5_000), Curve.ladder(100, List.of(5_000, 100, 50, 1_000)));
        assertEquals(List.of(2_000, 5_000), Curve.ladder(2_000, List.of(1_000, 5_000)));
    }

    @Test
    void sustainableIsTheHighestRateWhoseBacklogDidNotGrowWhateverItsLatency() {
        List<RateStep> steps = List.of(step(100, 1_300, 0, 0, true), step(1_000, 400, 0, 0, true),
                step(10_000, 1_200, 0, 0, true), step(20_000, 2_500, 0, 0, true), step(50_000, 900, 0, 90_000, true));
        assertEquals(OptionalInt.of(20_000), Curve.sustainable(steps));
    }

    @Test
    void theP99BoundedRateIsTheHighestSustainedRateWithP99WithinOneSecond() {
        List<RateStep> steps = List.of(step(100, 1_300, 0, 0, true), step(1_000, 400, 0, 0, true),
                step(10_000, 1_200, 0, 0, true), step(20_000, 2_500, 0, 0, true), step(50_000, 900, 0, 90_000, true));
        assertEquals(OptionalInt.of(1_000), Curve.p99Bounded(steps));
        assertEquals(OptionalInt.empty(), Curve.p99Bounded(List.of(step(100, 1_300, 0, 0, true))));
    }

    @Test
    void theClimbGoesOnPastASlowRateAndStopsWhereTheSystemFallsBehind() {
        RateStep ok = step(100, 300, 0, 0, true);
        RateStep slow = step(1_000, 1_300, 0, 0, true);
        assertTrue(Curve.climbOn(List.of()));
        assertTrue(Curve.climbOn(List.of(ok)));
        assertTrue(Curve.climbOn(List.of(slow)));
        assertTrue(Curve.climbOn(List.of(ok, slow, step(5_000, 1_500, 0, 0, true))));
        assertFalse(Curve.climbOn(List.of(ok, step(5_000, 300, 0, 9_000, true))));
        assertFalse(Curve.climbOn(List.of(ok, step(5_000, 300, 2, 0, true))));
        assertFalse(Curve.climbOn(List.of(ok, step(5_000, 300, 0, 0, false))));
    }

    @Test
    void p99OfExactlyOneSecondStillCounts() {
        assertTrue(step(100, 1_000, 0, 0, true).withinP99Limit());
        assertFalse(step(100, 1_000.5, 0, 0, true).withinP99Limit());
        assertTrue(step(100, 1_000.5, 0, 0, true).sustainable());
    }

    @Test
    void aGrowingBacklogALostProbeOrNoCatchUpIsNotSustainable() {
        RateStep growing = step(10_000, 300, 0, 10_000, true);
        assertFalse(growing.sustainable());
        assertEquals("backlog grows", growing.verdict());
        assertEquals("lost probes", step(10_000, 300, 1, 0, true).verdict());
        assertEquals("never caught up", step(10_000, 300, 0, 0, false).verdict());
        assertEquals("p99 > 1 s", step(10_000, 3_000, 0, 0, true).verdict());
        assertEquals("ok", step(10_000, 300, 0, 4_000, true).verdict());
    }

    @Test
    void aSlowBatchsSawToothAtALowRateIsNotAGrowingBacklog() {
        // 100 sentences/s of 12 words: a slope of 200 words/s, but under a second of input outstanding at the end.
        RateStep low = new RateStep(100, 100, 1_200, new Latency(100, 400, 800, 800, 800, 800), 0, 200, true, 900,
                BatchProfile.EMPTY);
        assertTrue(low.sustainable(), low.verdict());
    }

    @Test
    void noSustainableRateWhenTheFirstFails() {
        assertEquals(OptionalInt.empty(), Curve.sustainable(List.of(step(100, 5_000, 0, 9_000, true))));
        assertEquals(OptionalInt.empty(), Curve.sustainable(List.of()));
    }
}

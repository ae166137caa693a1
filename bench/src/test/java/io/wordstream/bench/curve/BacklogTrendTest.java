package io.wordstream.bench.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacklogTrendTest {
    /** Samples every 0.2 s for 10 s: a saw-tooth of one batch's words on top of a linear trend. */
    private static List<BacklogTrend.Sample> sawTooth(double trendWordsPerSecond, long batchWords) {
        List<BacklogTrend.Sample> out = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            double t = i * 0.2;
            long tooth = (i % 3) * batchWords / 2;
            out.add(new BacklogTrend.Sample(t, Math.round(trendWordsPerSecond * t) + tooth));
        }
        return out;
    }

    @Test
    void aSawToothWithoutTrendIsNotGrowth() {
        double slope = BacklogTrend.slope(sawTooth(0, 30_000));
        assertTrue(Math.abs(slope) < 2_000, "slope " + slope);
        assertFalse(BacklogTrend.growing(slope, 500_000, 120_000));
    }

    @Test
    void aSystemTakingInTenPercentLessThanOfferedFallsBehind() {
        double slope = BacklogTrend.slope(sawTooth(12_000, 30_000));
        assertEquals(12_000, slope, 1_500);
        assertTrue(BacklogTrend.growing(slope, 150_000, 120_000));
        // The same trend with under a second of input outstanding is not yet a backlog.
        assertFalse(BacklogTrend.growing(slope, 100_000, 120_000));
    }

    @Test
    void aSmallTrendWithinTheShareIsNotGrowth() {
        assertFalse(BacklogTrend.growing(BacklogTrend.slope(sawTooth(3_000, 0)), 500_000, 120_000));
    }

    @Test
    void theSettlingQuarterIsLeftOut() {
        // The backlog climbs from nothing to its level in the first second, then stays.
        List<BacklogTrend.Sample> samples = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            double t = i * 0.2;
            samples.add(new BacklogTrend.Sample(t, t < 1 ? Math.round(50_000 * t) : 50_000));
        }
        assertEquals(0, BacklogTrend.slope(samples), 1e-6);
    }

    @Test
    void tooFewSamplesGiveNoSlope() {
        assertEquals(0, BacklogTrend.slope(List.of()));
        assertEquals(0, BacklogTrend.slope(List.of(new BacklogTrend.Sample(0.2, 5), new BacklogTrend.Sample(0.4,
                500_000))));
    }
}

package io.wordstream.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyTest {
    @Test
    void percentilesOfOneToTenThousandMillisecondsAreWithinTheHistogramsPrecision() {
        List<Long> nanos = new ArrayList<>();
        for (long ms = 1; ms <= 10_000; ms++) {
            nanos.add(ms * 1_000_000);
        }
        Latency l = Latency.ofNanos(nanos);
        assertEquals(10_000, l.n());
        // Three significant digits: each value within 0.1% of the exact order statistic.
        assertEquals(5_000, l.p50(), 5);
        assertEquals(9_500, l.p95(), 10);
        assertEquals(9_900, l.p99(), 10);
        assertEquals(9_990, l.p999(), 10);
        assertEquals(10_000, l.max(), 10);
    }

    @Test
    void oneSlowProbeInAThousandShowsInTheTailOnly() {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 999; i++) {
            nanos.add(100_000_000L);
        }
        nanos.add(4_000_000_000L);
        Latency l = Latency.ofNanos(nanos);
        assertEquals(100, l.p99(), 0.1);
        assertEquals(4_000, l.max(), 5);
        assertTrue(l.p999() <= 100.1 || l.p999() >= 3_996, "p99.9 " + l.p999());
    }

    @Test
    void noLatenciesAreNan() {
        assertTrue(Double.isNaN(Latency.ofNanos(List.of()).p99()));
        assertEquals(0, Latency.ofNanos(List.of()).n());
    }
}

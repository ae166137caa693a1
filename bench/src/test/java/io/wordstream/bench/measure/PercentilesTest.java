package io.wordstream.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PercentilesTest {
    @Test
    void nearestRankOnOneToHundredIsTheRankItself() {
        List<Double> values = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            values.add((double) i);
        }
        Collections.shuffle(values, new Random(7));
        Percentiles.Summary s = Percentiles.summarize(values);
        assertEquals(100, s.n());
        assertEquals(50.0, s.p50());
        assertEquals(95.0, s.p95());
        assertEquals(99.0, s.p99());
        assertEquals(100.0, s.max());
    }

    @Test
    void everyPercentileIsAMeasuredValue() {
        List<Double> values = List.of(3.0, 1.0, 2.0);
        Percentiles.Summary s = Percentiles.summarize(values);
        assertEquals(2.0, s.p50());
        assertEquals(3.0, s.p95());
        assertEquals(3.0, s.p99());
        assertTrue(values.contains(s.p50()));
    }

    @Test
    void medianOfAnEvenCountIsTheLowerMiddle() {
        assertEquals(2.0, Percentiles.median(List.of(4.0, 1.0, 2.0, 3.0)));
    }

    @Test
    void noValuesGiveNaNNotAnError() {
        Percentiles.Summary s = Percentiles.summarize(List.of());
        assertEquals(0, s.n());
        assertTrue(Double.isNaN(s.p50()));
    }
}

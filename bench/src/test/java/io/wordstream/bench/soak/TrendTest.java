package io.wordstream.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrendTest {
    @Test
    void theStartUpThirdIsLeftOutAndTheLastThirdComparedWithTheMiddle() {
        // Start-up fills state (first three), then it holds steady with noise.
        Trend t = Trend.of(List.of(100L, 900L, 2000L, 2100L, 1900L, 2000L, 2050L, 1950L, 2200L));
        assertEquals(2000, t.middle());
        assertEquals(2050, t.last());
        assertTrue(t.flat());
    }

    @Test
    void stateThatIsNeverDroppedGrows() {
        Trend t = Trend.of(List.of(1000L, 2000L, 3000L, 4000L, 5000L, 6000L, 7000L, 8000L, 9000L));
        assertEquals(5000, t.middle());
        assertEquals(8000, t.last());
        assertEquals(1.6, t.growth(), 1e-9);
        assertFalse(t.flat());
    }

    @Test
    void evenThirdsTakeTheMeanOfTheMiddlePairAndZeroesAreFlat() {
        assertEquals(new Trend(15, 35), Trend.of(List.of(0L, 0L, 10L, 20L, 30L, 40L)));
        assertTrue(Trend.of(List.of(0L, 0L, 0L)).flat());
        assertFalse(Trend.of(List.of(0L, 0L, 5L)).flat());
        assertThrows(IllegalArgumentException.class, () -> Trend.of(List.of(1L, 2L)));
    }
}

package io.wordstream.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultTotalsTest {
    @Test
    void latestCountPerKeyIsSummedPerDimension() {
        ResultTotals t = new ResultTotals();
        t.accept(new Count(0, "word", "a", 1), 1);
        t.accept(new Count(0, "word", "a", 3), 2);
        t.accept(new Count(10_000, "word", "a", 2), 3);
        t.accept(new Count(0, "letter", "S", 4), 4);
        t.accept(new Count(0, "length", "6", 5), 5);
        assertEquals(new DimensionTotals(5, 4, 5), t.totals());
        assertEquals(4, t.rows());
    }

    @Test
    void repeatedAndOlderRowsChangeNothing() {
        ResultTotals t = new ResultTotals();
        t.accept(new Count(0, "word", "a", 3), 1);
        t.accept(new Count(0, "word", "a", 3), 2);
        t.accept(new Count(0, "word", "a", 2), 3);
        assertEquals(new DimensionTotals(3, 0, 0), t.totals());
    }

    @Test
    void awaitSaysWhenTheRowThatCompletedTheTargetWasRead() throws Exception {
        ResultTotals t = new ResultTotals();
        t.accept(new Count(0, "word", "a", 1), 10);
        Thread reader = new Thread(() -> {
            t.accept(new Count(0, "word", "b", 1), 20);
            t.accept(new Count(0, "word", "c", 1), 30);
        });
        reader.start();
        Optional<Long> at = t.awaitTotals(new DimensionTotals(3, 0, 0), Duration.ofSeconds(10));
        reader.join();
        assertEquals(Optional.of(30L), at);
    }

    @Test
    void awaitGivesUpAfterItsTimeout() throws Exception {
        ResultTotals t = new ResultTotals();
        t.accept(new Count(0, "word", "a", 1), 10);
        assertTrue(t.awaitTotals(new DimensionTotals(2, 0, 0), Duration.ofMillis(50)).isEmpty());
    }
}

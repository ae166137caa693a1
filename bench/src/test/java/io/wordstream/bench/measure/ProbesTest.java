package io.wordstream.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbesTest {
    @Test
    void latencyIsFromSendToTheFirstRowOfTheProbeWord() throws Exception {
        Probes p = new Probes();
        p.sent("zqxprobea", 1_000);
        p.sent("zqxprobeb", 2_000);
        p.seen("other", 2_500);
        p.seen("zqxprobea", 3_000);
        p.seen("zqxprobea", 9_000);
        assertEquals(1, p.awaitAll(Duration.ofMillis(10)));
        p.seen("zqxprobeb", 2_700);
        assertEquals(0, p.awaitAll(Duration.ofMillis(10)));
        assertEquals(List.of(2_000L, 700L), p.drain());
        assertEquals(List.of(), p.drain());
    }
}

package io.wordstream.bench.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchProfileTest {
    @Test
    void eachPhaseGetsItsOwnMedian() {
        BatchProfile p = BatchProfile.of(List.of(
                Map.of("addBatch", 100L, "queryPlanning", 30L),
                Map.of("addBatch", 300L, "queryPlanning", 10L),
                Map.of("addBatch", 200L)));
        assertEquals(3, p.batches());
        assertEquals(200.0, p.medianMs().get("addBatch"));
        assertEquals(20.0, p.medianMs().get("queryPlanning"));
    }

    @Test
    void theWholeBatchsTailIsKeptBesideItsMedian() {
        List<Map<String, Long>> batches = new ArrayList<>();
        for (long ms = 1; ms <= 20; ms++) {
            batches.add(Map.of("triggerExecution", ms * 10));
        }
        BatchProfile p = BatchProfile.of(batches);
        assertEquals(105.0, p.medianMs().get("triggerExecution"));
        assertEquals(190.0, p.p95Ms());
        assertEquals(200.0, p.maxMs());
    }

    @Test
    void noBatchesNoProfile() {
        assertEquals(BatchProfile.EMPTY, BatchProfile.of(List.of()));
    }
}

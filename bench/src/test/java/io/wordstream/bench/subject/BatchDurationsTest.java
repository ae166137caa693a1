package io.wordstream.bench.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchDurationsTest {
    @Test
    void aProgressEventWithInputGivesItsPhases() {
        String json = "{\"type\":\"progress\",\"batchId\":7,\"inputRows\":120,"
                + "\"durationMs\":{\"addBatch\":150,\"queryPlanning\":20,\"triggerExecution\":230}}";
        assertEquals(Map.of("addBatch", 150L, "queryPlanning", 20L, "triggerExecution", 230L),
                BatchDurations.parse(json).orElseThrow());
    }

    @Test
    void batchesWithoutInputOtherEventsAndBadJsonAreLeftOut() {
        assertTrue(BatchDurations.parse("{\"type\":\"progress\",\"inputRows\":0,\"durationMs\":{\"addBatch\":5}}")
                .isEmpty());
        assertTrue(BatchDurations.parse("{\"type\":\"started\"}").isEmpty());
        assertTrue(BatchDurations.parse("{\"type\":\"progress\",\"inputRows\":3}").isEmpty());
        assertTrue(BatchDurations.parse("not json").isEmpty());
    }
}

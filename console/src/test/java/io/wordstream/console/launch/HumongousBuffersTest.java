package io.wordstream.console.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HumongousBuffersTest {
    /** A byte array's header, which counts toward G1's threshold of half a region. */
    private static final long ARRAY_HEADER = 16;

    @Test
    void sparksPerBatchBuffersStayUnderHalfARegion() {
        long half = HumongousBuffers.REGION_BYTES / 2;
        assertTrue(HumongousBuffers.BROADCAST_BLOCK_BYTES + ARRAY_HEADER < half, "broadcast blocks");
        assertTrue(HumongousBuffers.TASK_RESULT_BUFFER_BYTES + ARRAY_HEADER < half, "task results");
    }

    @Test
    void theSettingsSayWhatTheConstantsSay() {
        assertEquals("256k", HumongousBuffers.conf().get(HumongousBuffers.BROADCAST_BLOCK_SIZE));
        assertEquals("-XX:G1HeapRegionSize=4m", HumongousBuffers.REGION_OPTION);
    }

    @Test
    void theOperatorsConfWins() {
        assertEquals("4m", SparkJob.withOperatorConf(HumongousBuffers.conf(),
                Map.of(HumongousBuffers.BROADCAST_BLOCK_SIZE, "4m")).get(HumongousBuffers.BROADCAST_BLOCK_SIZE));
    }
}

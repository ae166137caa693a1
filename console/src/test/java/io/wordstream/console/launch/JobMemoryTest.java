package io.wordstream.console.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.settings.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobMemoryTest {
    @Test
    void sparkAcceptsTheDefaultHeapWithTheLaunchsMargin() {
        // Spark's UnifiedMemoryManager refuses a heap under 1.5 times the margin it keeps out of its pool.
        long heap = Long.parseLong(Settings.DEFAULT_DRIVER_MEMORY.replace("m", "")) * 1024 * 1024;
        assertTrue(heap >= JobMemory.RESERVED_BYTES * 3 / 2, heap + " under the floor of the margin "
                + JobMemory.RESERVED_BYTES);
        assertTrue(heap < 450L * 1024 * 1024, "with a heap over Spark's own floor the margin would not be needed");
    }

    @Test
    void theMarginIsASettingTheOperatorsConfCanSetBack() {
        assertEquals(Long.toString(JobMemory.RESERVED_BYTES), JobMemory.conf().get(JobMemory.RESERVED));
        assertEquals("314572800", SparkJob.withOperatorConf(JobMemory.conf(),
                Map.of(JobMemory.RESERVED, "314572800")).get(JobMemory.RESERVED));
    }
}

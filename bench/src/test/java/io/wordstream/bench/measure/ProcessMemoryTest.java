package io.wordstream.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {
    @Test
    void readsThePeakFromProcStatus() {
        String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n";
        assertEquals(OptionalLong.of(204800L * 1024), ProcessMemory.parseHwm(status));
    }

    @Test
    void thisProcessHasAPeakAtLeastAsLargeAsItsHeapInUse() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        OptionalLong peak = ProcessMemory.peakRssBytes(ProcessHandle.current().pid());
        assertTrue(peak.isPresent());
        assertTrue(peak.getAsLong() > used / 2, "peak " + peak + " vs heap in use " + used);
    }

    @Test
    void aProcessThatDoesNotExistHasNoPeak() {
        assertTrue(ProcessMemory.peakRssBytes(Long.MAX_VALUE).isEmpty());
    }
}

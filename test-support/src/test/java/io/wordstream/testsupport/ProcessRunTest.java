package io.wordstream.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunTest {
    @TempDir
    Path dir;

    @Test
    void givesTheExitStatusAndBothStreamsOfTheOutput() throws Exception {
        ProcessRun run = ProcessRun.of(new ProcessBuilder("sh", "-c", "cat; echo to-stderr >&2; exit 3"),
                "from-stdin\n", Duration.ofSeconds(30), dir);
        assertEquals(3, run.exitCode());
        assertTrue(run.output().contains("from-stdin") && run.output().contains("to-stderr"), run.output());
    }

    @Test
    void aProcessThatDoesNotExitFailsWithItsOutputAndIsStopped() {
        AssertionError e = assertThrows(AssertionError.class, () -> ProcessRun.of(
                new ProcessBuilder("sh", "-c", "echo started; exec sleep 601.25"), "", Duration.ofMillis(500), dir));
        assertTrue(e.getMessage().contains("did not exit within PT0.5S; its output:\nstarted"), e.getMessage());
        assertTrue(e.getMessage().contains("--- processes ---"), e.getMessage());
        Poll.until(Duration.ofSeconds(10), () -> ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().orElse("").equals("sleep 601.25")).toList(),
                List::isEmpty, "the sleep stopped");
    }
}

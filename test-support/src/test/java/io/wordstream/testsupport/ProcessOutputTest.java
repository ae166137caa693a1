package io.wordstream.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real child process (sh) whose output is read: lines waited for, kept, and the end of the output seen. */
class ProcessOutputTest {
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** {@code sh -c script}; a script that ends with {@code exec cat} runs until its standard input is closed. */
    private Process sh(String script) throws IOException {
        Process p = new ProcessBuilder("sh", "-c", script).start();
        started.add(p);
        return p;
    }

    @Test
    void aLineIsAwaitedWhileTheProcessRunsAndEveryLineIsKept() throws Exception {
        Process p = sh("echo starting; echo ready on 9092; exec cat");
        ProcessOutput out = ProcessOutput.stdout(p, "test-stdout");
        assertEquals(Optional.of("ready on 9092"), out.awaitLine(l -> l.startsWith("ready"), Duration.ofSeconds(30),
                "the ready line"));
        assertTrue(p.isAlive());
        assertEquals(List.of("starting", "ready on 9092"), out.lines());
        assertEquals("starting\nready on 9092", out.text());
        p.getOutputStream().close();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    }

    @Test
    void aLinePrintedJustBeforeTheProcessExitsIsFound() throws Exception {
        Process p = sh("echo ready; exit 0");
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "exited before anything was read");
        ProcessOutput out = ProcessOutput.stdout(p, "test-stdout");
        assertEquals(Optional.of("ready"), out.awaitLine("ready"::equals, Duration.ofSeconds(30), "the ready line"));
    }

    @Test
    void anOutputThatEndsWithoutTheLineGivesNone() throws Exception {
        Process p = sh("echo failed to start; exit 3");
        ProcessOutput out = ProcessOutput.stdout(p, "test-stdout");
        assertEquals(Optional.empty(), out.awaitLine(l -> l.startsWith("ready"), Duration.ofSeconds(30),
                "the ready line"));
        assertEquals(List.of("failed to start"), out.lines());
        assertEquals(3, p.waitFor());
    }

    @Test
    void aLineThatNeverComesFailsWithWhatWasAwaitedAndTheOutput() throws Exception {
        Process p = sh("echo waiting >&2; exec cat");
        ProcessOutput err = ProcessOutput.stderr(p, "test-stderr");
        AssertionError e = assertThrows(AssertionError.class, () -> err.awaitLine(l -> l.startsWith("ready"),
                Duration.ofSeconds(1), "the ready line"));
        assertTrue(e.getMessage().startsWith("timed out after 1 s waiting for the ready line (the output so far:"
                + " [waiting])"), e.getMessage());
    }
}

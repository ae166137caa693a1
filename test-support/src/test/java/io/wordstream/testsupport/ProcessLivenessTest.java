package io.wordstream.testsupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessLivenessTest {
    @Test
    void aRunningProcessRunsAndAnEndedOneDoesNot() throws Exception {
        Process p = new ProcessBuilder("sleep", "60").start();
        try {
            assertTrue(ProcessLiveness.running(p.toHandle()));
        } finally {
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertFalse(ProcessLiveness.running(p.toHandle()));
    }

    @Test
    void aZombieDoesNotRunThoughTheJdkCallsItAlive() throws Exception {
        // sh starts a short sleep in the background, then becomes a long one, which never reaps the short one: once
        // that has ended, it stays a zombie.
        Process p = new ProcessBuilder("sh", "-c", "sleep 0.2 & exec sleep 60").start();
        try {
            List<ProcessHandle> children = Poll.until(Duration.ofSeconds(30), () -> p.children().toList(),
                    c -> !c.isEmpty(), "the background child");
            ProcessHandle zombie = children.get(0);
            Poll.until(Duration.ofSeconds(30), () -> ProcessLiveness.running(zombie), running -> !running,
                    "the background child to have exited");
            assertTrue(zombie.isAlive(), "the JDK still counts an unreaped child as alive");
            assertTrue(ProcessLiveness.running(p.toHandle()), "its parent runs");
        } finally {
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
    }
}

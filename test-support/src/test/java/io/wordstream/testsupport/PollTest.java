package io.wordstream.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollTest {
    @Test
    void returnsTheFirstValueTheConditionAccepts() {
        AtomicInteger reads = new AtomicInteger();
        assertEquals(3, Poll.until(Duration.ofSeconds(10), reads::incrementAndGet, n -> n >= 3, "three reads"));
        assertEquals(3, reads.get(), "no read after the accepted one");
    }

    @Test
    void aTimeoutNamesWhatWasAwaitedAndTheLastValueSeen() {
        AtomicInteger reads = new AtomicInteger();
        AssertionError e = assertThrows(AssertionError.class, () -> Poll.until(Duration.ofMillis(300),
                reads::incrementAndGet, n -> false, "the counter to stop"));
        assertEquals("timed out after 300 ms waiting for the counter to stop; last seen: " + reads.get(),
                e.getMessage());
        assertTrue(reads.get() > 1, "read again until the deadline: " + reads.get());
    }

    @Test
    void aValueOfSeveralLinesStartsOnALineOfItsOwn() {
        AssertionError e = assertThrows(AssertionError.class, () -> Poll.until(Duration.ofSeconds(1),
                () -> "row 1\nrow 2", s -> false, () -> "the screen to change"));
        assertEquals("timed out after 1 s waiting for the screen to change; last seen:\nrow 1\nrow 2", e.getMessage());
    }

    @Test
    void aConditionThatNeverHoldsFailsWithWhatWasAwaited() {
        AssertionError e = assertThrows(AssertionError.class, () -> Poll.until(Duration.ofMillis(100), () -> false,
                "a flag"));
        assertEquals("timed out after 100 ms waiting for a flag", e.getMessage());
        Poll.until(Duration.ofSeconds(1), () -> true, "a flag that is set");
    }

    @Test
    void anInterruptedWaitFailsAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            AssertionError e = assertThrows(AssertionError.class, () -> Poll.until(Duration.ofSeconds(10),
                    () -> 0, n -> false, "nothing"));
            assertEquals("interrupted while waiting for nothing", e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}

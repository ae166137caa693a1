package io.wordstream.common;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stops an executor and waits for its threads, the same way wherever one is closed: an interrupt that arrives while
 * waiting stops the wait, interrupts the tasks and stays set for the caller.
 */
public final class ExecutorStop {
    private ExecutorStop() {
    }

    /** Interrupts the running tasks, drops the waiting ones, and waits up to {@code wait}; false if still running. */
    public static boolean now(ExecutorService executor, Duration wait) {
        executor.shutdownNow();
        return await(executor, wait);
    }

    /**
     * Lets the tasks already given finish within {@code wait}, then interrupts what still runs; false if anything
     * was still running when the wait ended.
     */
    public static boolean finish(ExecutorService executor, Duration wait) {
        executor.shutdown();
        boolean done = await(executor, wait);
        if (!done) {
            executor.shutdownNow();
        }
        return done;
    }

    private static boolean await(ExecutorService executor, Duration wait) {
        try {
            return executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

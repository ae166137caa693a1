package io.wordstream.console.launch;

/** Pauses between polls of something that has no event to wait on (a process's state, a port). */
public final class Waits {
    private Waits() {
    }

    /** Sleeps {@code ms}, keeping an interrupt for the caller to see. */
    public static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

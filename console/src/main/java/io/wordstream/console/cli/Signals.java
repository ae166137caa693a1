package io.wordstream.console.cli;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Turns SIGINT, SIGTERM and SIGHUP (the terminal closed) into a latch, so the command stops its pipeline in order
 * and exits 0, rather than the JVM's default of running hooks in no particular order and exiting 130 or 143.
 */
final class Signals {
    private Signals() {
    }

    static CountDownLatch stopOnInterruptOrTerminate() {
        CountDownLatch stop = new CountDownLatch(1);
        onInterruptOrTerminate(stop::countDown);
        return stop;
    }

    /** Runs {@code action} (on the JVM's signal thread) at each SIGINT or SIGTERM. */
    static void onInterruptOrTerminate(Runnable action) {
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            try {
                Signal.handle(new Signal(name), s -> action.run());
            } catch (IllegalArgumentException e) {
                // The signal is not available on this platform; the JVM's default handling stays.
            }
        }
    }
}

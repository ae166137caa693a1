package io.wordstream.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a value to satisfy a condition, up to a deadline: the one way a test waits for something another thread
 * or process does. A timeout fails with what was awaited and the last value seen.
 */
public final class Poll {
    /** The first pause is short, so a quick condition costs little; later ones grow, so a slow one costs no CPU. */
    private static final long FIRST_PAUSE_MS = 10;
    private static final long LONGEST_PAUSE_MS = 200;

    private Poll() {
    }

    /**
     * Reads {@code value} until {@code done} accepts it and returns that value.
     *
     * @throws AssertionError after {@code timeout}, naming {@code what} and the last value read
     */
    public static <T> T until(Duration timeout, Supplier<T> value, Predicate<? super T> done, String what) {
        return until(timeout, value, done, () -> what);
    }

    /** As {@link #until(Duration, Supplier, Predicate, String)}; {@code what} is asked only on a timeout. */
    public static <T> T until(Duration timeout, Supplier<T> value, Predicate<? super T> done,
                              Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_MS;
        T last = value.get();
        while (!done.test(last)) {
            if (System.nanoTime() - deadline > 0) {
                String seen = String.valueOf(last);
                throw new AssertionError("timed out after " + shown(timeout) + " waiting for " + what.get()
                        + "; last seen:" + (seen.contains("\n") ? "\n" : " ") + seen);
            }
            pause(pause, what);
            pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
            last = value.get();
        }
        return last;
    }

    /** Waits until {@code condition} holds; fails after {@code timeout} naming {@code what}. */
    public static void until(Duration timeout, BooleanSupplier condition, String what) {
        until(timeout, condition, () -> what);
    }

    /** As {@link #until(Duration, BooleanSupplier, String)}; {@code what} is asked only on a timeout. */
    public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_MS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + shown(timeout) + " waiting for " + what.get());
            }
            pause(pause, what);
            pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
        }
    }

    private static void pause(long millis, Supplier<String> what) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what.get(), e);
        }
    }

    static String shown(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}

package io.wordstream.console.tui;

/**
 * Decides when the screen is redrawn: at most ten times a second however fast results arrive, at once when
 * something changed after a quiet spell, ten times a second while a spinner turns, and once a second otherwise
 * (for the clocks on screen).
 */
final class FrameLimiter {
    static final long MIN_INTERVAL_NANOS = 100_000_000L;
    static final long IDLE_INTERVAL_NANOS = 1_000_000_000L;

    private boolean drawnOnce;
    private long last;

    boolean due(long now, boolean changed, boolean animating) {
        if (!drawnOnce) {
            return true;
        }
        long since = now - last;
        if (since < MIN_INTERVAL_NANOS) {
            return false;
        }
        return changed || animating || since >= IDLE_INTERVAL_NANOS;
    }

    void drawn(long now) {
        drawnOnce = true;
        last = now;
    }
}

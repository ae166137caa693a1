package io.wordstream.console.gateway;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code perSecond} requests a second on average, with bursts of up to {@code perSecond}. Shared
 * by all clients: the gateway guards the pipeline, not fairness between callers.
 */
final class RateLimiter {
    private final double perSecond;
    private final LongSupplier nanoClock;
    private double tokens;
    private long last;

    RateLimiter(int perSecond, LongSupplier nanoClock) {
        this.perSecond = perSecond;
        this.nanoClock = nanoClock;
        this.tokens = perSecond;
        this.last = nanoClock.getAsLong();
    }

    /** Takes one token; false when none is left. */
    synchronized boolean tryAcquire() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(perSecond, tokens + (now - last) * perSecond / 1e9);
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}

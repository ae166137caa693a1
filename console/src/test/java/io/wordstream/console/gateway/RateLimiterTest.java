package io.wordstream.console.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    @Test
    void aBurstOfTheRateIsServedThenOneRequestPerTickOfTheRate() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        RateLimiter limiter = new RateLimiter(4, now::get);
        int served = 0;
        while (limiter.tryAcquire()) {
            served++;
        }
        assertEquals(4, served, "a full bucket serves a burst of the rate");
        now.addAndGet(249_000_000L);
        assertFalse(limiter.tryAcquire(), "a quarter second not yet passed");
        now.addAndGet(1_000_000L);
        assertTrue(limiter.tryAcquire(), "a quarter second earns one request at 4 per second");
        now.addAndGet(60_000_000_000L);
        served = 0;
        while (limiter.tryAcquire()) {
            served++;
        }
        assertEquals(4, served, "an idle minute fills the bucket, no more");
    }
}

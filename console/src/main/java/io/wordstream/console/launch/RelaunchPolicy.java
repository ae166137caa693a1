package io.wordstream.console.launch;

import java.time.Duration;
import java.util.Optional;

/**
 * When to relaunch a Spark job that ended by itself (its driver crashed or was killed): after a pause that doubles
 * each time, at most a few times in a row. A job that then ran for a while has earned a fresh set of attempts, so a
 * crash a day is always recovered while a job that cannot start is given up on within a minute or so.
 */
public final class RelaunchPolicy {
    private final int maxAttempts;
    private final Duration firstPause;
    private final Duration maxPause;
    private final Duration stableAfter;
    private int attempts;
    private long launchedAt = Long.MIN_VALUE;

    public RelaunchPolicy(int maxAttempts, Duration firstPause, Duration maxPause, Duration stableAfter) {
        this.maxAttempts = maxAttempts;
        this.firstPause = firstPause;
        this.maxPause = maxPause;
        this.stableAfter = stableAfter;
    }

    /** Five attempts, 1 s to 16 s apart; two minutes of running resets the count. */
    public static RelaunchPolicy standard() {
        return new RelaunchPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2));
    }

    /**
     * The pause before the next attempt, counting it as made; empty when the attempts are used up.
     *
     * @param now {@code System.nanoTime()}
     */
    public Optional<Duration> next(long now) {
        if (launchedAt != Long.MIN_VALUE && now - launchedAt >= stableAfter.toNanos()) {
            // Once per stable run: the attempts after this failure count again towards the limit.
            attempts = 0;
            launchedAt = Long.MIN_VALUE;
        }
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        long factor = 1L << Math.min(attempts, 20);
        Duration pause = firstPause.multipliedBy(factor);
        attempts++;
        return Optional.of(pause.compareTo(maxPause) > 0 ? maxPause : pause);
    }

    /** The job was relaunched and runs. */
    public void launched(long now) {
        launchedAt = now;
    }

    /** Attempts made since the job last ran long enough. */
    public int attempts() {
        return attempts;
    }

    public int maxAttempts() {
        return maxAttempts;
    }
}

package io.wordstream.console.session;

import io.wordstream.console.errors.PipelineFailure;
import io.wordstream.console.errors.UserError;
import io.wordstream.console.launch.RelaunchPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Brings a part of the pipeline back after it ended by itself, pausing between attempts as its policy says: one
 * loop for the job's relaunch and the broker's restart.
 */
final class Retry {
    /** One attempt; a {@link UserError} or {@link PipelineFailure} means it failed and another may follow. */
    interface Attempt {
        void run();
    }

    /** How a round of attempts ended. */
    enum Result { BACK, GAVE_UP, STOPPED }

    private final SessionEvent.Part part;
    private final RelaunchPolicy policy;
    private final SessionListener listener;

    Retry(SessionEvent.Part part, RelaunchPolicy policy, SessionListener listener) {
        this.part = part;
        this.policy = policy;
        this.listener = listener;
    }

    /**
     * Tries {@code attempt} after each pause the policy gives, until one succeeds, the policy gives up (reported as
     * {@link SessionEvent.GaveUp}), or {@code stop} is counted down or {@code stopping} turns true.
     */
    Result until(Attempt attempt, CountDownLatch stop, BooleanSupplier stopping, String reason)
            throws InterruptedException {
        while (!stopping.getAsBoolean()) {
            Optional<Duration> pause = policy.next(System.nanoTime());
            if (pause.isEmpty()) {
                listener.onEvent(new SessionEvent.GaveUp(part, policy.attempts(), reason));
                return Result.GAVE_UP;
            }
            listener.onEvent(new SessionEvent.Relaunching(part, pause.get(), policy.attempts(),
                    policy.maxAttempts()));
            if (stop.await(pause.get().toMillis(), TimeUnit.MILLISECONDS)) {
                return Result.STOPPED;
            }
            try {
                attempt.run();
                policy.launched(System.nanoTime());
                return Result.BACK;
            } catch (UserError | PipelineFailure e) {
                if (stopping.getAsBoolean()) {
                    return Result.STOPPED;
                }
                reason = e.getMessage();
                listener.onEvent(new SessionEvent.AttemptFailed(part, reason));
            }
        }
        return Result.STOPPED;
    }

    /** The part was brought back by other means (the operator's restart) and runs. */
    void launched() {
        policy.launched(System.nanoTime());
    }
}

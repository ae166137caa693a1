package io.wordstream.console.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.errors.PipelineFailure;
import io.wordstream.console.errors.UserError;
import io.wordstream.console.launch.RelaunchPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RetryTest {
    private final List<SessionEvent> events = new ArrayList<>();
    private final CountDownLatch stop = new CountDownLatch(1);

    private Retry retry(int attempts) {
        return new Retry(SessionEvent.Part.JOB, new RelaunchPolicy(attempts, Duration.ZERO, Duration.ZERO,
                Duration.ofMinutes(2)), events::add);
    }

    @Test
    void anAttemptThatSucceedsBringsThePartBackAfterItsPause() throws Exception {
        assertEquals(Retry.Result.BACK, retry(3).until(() -> { }, stop, () -> false, "killed"));
        assertEquals(List.of(new SessionEvent.Relaunching(SessionEvent.Part.JOB, Duration.ZERO, 1, 3)), events);
        assertEquals("relaunching the job from its checkpoint in 0 s (attempt 1 of 3)", events.get(0).line());
    }

    @Test
    void failedAttemptsAreReportedUntilThePolicyGivesUpWithTheLastReason() throws Exception {
        int[] calls = {0};
        Retry.Result r = retry(2).until(() -> {
            calls[0]++;
            throw calls[0] == 1 ? new PipelineFailure("first failure") : new UserError("second failure");
        }, stop, () -> false, "killed");
        assertEquals(Retry.Result.GAVE_UP, r);
        assertEquals(2, calls[0]);
        assertEquals(new SessionEvent.AttemptFailed(SessionEvent.Part.JOB, "first failure"), events.get(1));
        assertEquals(new SessionEvent.GaveUp(SessionEvent.Part.JOB, 2, "second failure"), events.get(4));
        assertEquals("the job ended 2 times in a row: not relaunching it again", events.get(4).line());
    }

    @Test
    void aStopEndsTheRoundWithoutAnotherAttempt() throws Exception {
        stop.countDown();
        Retry slow = new Retry(SessionEvent.Part.BROKER, new RelaunchPolicy(5, Duration.ofSeconds(30),
                Duration.ofSeconds(30), Duration.ofMinutes(2)), events::add);
        int[] calls = {0};
        assertEquals(Retry.Result.STOPPED, slow.until(() -> calls[0]++, stop, () -> false, "exited"));
        assertEquals(0, calls[0]);
        assertTrue(events.get(0).line().endsWith("; what is sent meanwhile waits and is retried"), events.toString());
    }

    @Test
    void theOutcomeOfAFailureSaysWhoseItIs() {
        assertEquals(2, Supervisor.Outcome.of(new UserError("port 9092 on 127.0.0.1 is already in use")).exitStatus());
        assertEquals(1, Supervisor.Outcome.of(new PipelineFailure("the job did not start")).exitStatus());
        assertEquals(0, Supervisor.Outcome.STOPPED.exitStatus());
    }
}

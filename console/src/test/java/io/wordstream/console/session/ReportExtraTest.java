package io.wordstream.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.report.ReportPeriod;
import io.wordstream.console.report.ReportServices;
import io.wordstream.console.session.SessionEvent;
import io.wordstream.console.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor's events reach the alerts only once Kafka is ready, and never throw back into it. */
class ReportHookTest {
    @TempDir
    Path dir;

    @Test
    void theJobGivenUpIsAnAlertOnceKafkaIsReady() {
        List<String> log = new CopyOnWriteArrayList<>();
        List<SessionEvent> first = new CopyOnWriteArrayList<>();
        // No mail, no schedule, no watched word: nothing here needs Kafka or SMTP.
        ReportHook hook = new ReportHook(new ReportServices.Plan(null, Duration.ZERO, null, Map.of(), null), log::add);
        var listener = hook.after(first::add);
        SessionEvent.GaveUp gaveUp = new SessionEvent.GaveUp(SessionEvent.Part.JOB, 5, "driver exited with 1");
        listener.onEvent(gaveUp);
        assertEquals(List.of(), log, "nothing runs before Kafka is ready");
        listener.onEvent(new SessionEvent.KafkaReady(Settings.builder().dataDir(dir).build()));
        listener.onEvent(gaveUp);
        listener.onEvent(new SessionEvent.Stopped());
        assertEquals(List.of("alert: the Spark job has used up its relaunches and is stopped"), log);
        assertEquals(4, first.size(), "the first listener sees every event");
    }

    @Test
    void reportNowBeforeKafkaIsReadySaysSo() {
        ReportHook hook = new ReportHook(new ReportServices.Plan(null, Duration.ZERO, null, Map.of(), null), l -> { });
        Instant now = Instant.parse("2026-11-29T18:00:00Z");
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> hook.reportNow(new ReportPeriod(now.minusSeconds(60), now)).get());
        assertTrue(e.getCause().getMessage().contains("Kafka is not ready yet"));
    }
}

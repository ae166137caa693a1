package io.wordstream.console.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.report.ReportPeriod;
import io.wordstream.console.report.ReportServices;
import io.wordstream.console.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor's events reach the alerts only once Kafka is ready, and never throw back into it. */
class ReportExtraTest {
    @TempDir
    Path dir;

    @Test
    void theJobGivenUpIsAnAlertOnceKafkaIsReady() {
        List<String> log = new CopyOnWriteArrayList<>();
        List<SessionEvent> first = new CopyOnWriteArrayList<>();
        PipelineExtras extras = PipelineExtras.builder(notices(log::add)).reports(nothingToDo()).build(true);
        var listener = extras.after(first::add);
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
        PipelineExtras extras = PipelineExtras.builder(notices(l -> { })).reports(nothingToDo()).build(true);
        Instant now = Instant.parse("2026-11-29T18:00:00Z");
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> extras.reportNow(new ReportPeriod(now.minusSeconds(60), now)).get());
        assertTrue(e.getCause().getMessage().contains("Kafka is not ready yet"));
    }

    @Test
    void reportNowWithoutReportsSaysSo() {
        PipelineExtras extras = PipelineExtras.builder(notices(l -> { })).build(true);
        Instant now = Instant.parse("2026-11-29T18:00:00Z");
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> extras.reportNow(new ReportPeriod(now.minusSeconds(60), now)).get());
        assertEquals("reports are not available in this console", e.getCause().getMessage());
    }

    /** No mail, no schedule, no watched word: nothing here needs Kafka or SMTP. */
    private static ReportServices.Plan nothingToDo() {
        return new ReportServices.Plan(null, Duration.ZERO, null, Map.of(), null);
    }

    private static PipelineExtras.Lines notices(Consumer<String> notice) {
        return new PipelineExtras.Lines() {
            @Override
            public void result(String line) {
                throw new AssertionError("no add-on here prints a result: " + line);
            }

            @Override
            public void progress(String line) {
                throw new AssertionError("no add-on here has a step: " + line);
            }

            @Override
            public void notice(String line) {
                notice.accept(line);
            }
        };
    }
}

package io.wordstream.console.tui;

import static io.wordstream.console.tui.TestConsole.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import io.wordstream.console.report.ReportPeriod;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report-now key (p in keys mode) and the report and alert lines, on the feedback line of an 80x24 screen. */
class ReportKeyTest {
    private static final String W0 = "2026-11-23T11:59:50Z";
    private static final String W1 = "2026-11-23T12:00:00Z";
    private static final int FEEDBACK = 22;

    private static TestConsole twoWindows() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        c.results(row(W0, "word", "old", 5), row(W1, "word", "new", 2));
        return c;
    }

    @Test
    void pWritesAReportOfTheWindowsShownAndShowsItsPath() throws Exception {
        TestConsole c = twoWindows();
        c.press(KeyType.Escape);
        c.press('p');
        List<String> rows = c.show();
        assertEquals(List.of(new ReportPeriod(Instant.parse(W0), Instant.parse(W1).plusSeconds(10))),
                c.backend.reports);
        assertEquals(" writing a report of the 2 windows shown... (0 s)", rows.get(FEEDBACK));

        c.loop.execute(() -> c.events.reportWritten(Path.of("/data/reports/wordstream-1.pdf")));
        assertEquals(" report written: /data/reports/wordstream-1.pdf", c.show().get(FEEDBACK));
    }

    @Test
    void aPathTooLongForTheLineLosesItsStartNotItsFileName() throws Exception {
        TestConsole c = twoWindows();
        c.press(KeyType.Escape);
        c.press('p');
        c.show();
        String file = "wordstream-20261129T170000Z-20261129T180000Z.pdf";
        c.loop.execute(() -> c.events.reportWritten(Path.of("/home/operator/.local/share/wordstream/reports",
                file)));
        // 80 columns: the line keeps 78, the start of the directory gives way.
        assertEquals(" report written: …ream/reports/" + file, c.show().get(FEEDBACK));
    }

    @Test
    void aFailedReportIsOneLineAndTheConsoleGoesOn() throws Exception {
        TestConsole c = twoWindows();
        c.press(KeyType.Escape);
        c.press('p');
        c.show();
        c.loop.execute(() -> c.events.reportFailed("Kafka is not ready yet"));
        assertEquals(" no report: Kafka is not ready yet", c.show().get(FEEDBACK));

        c.press('i');
        c.type("still here");
        c.press(KeyType.Enter);
        c.show();
        assertEquals(List.of("still here"), c.backend.sent, "the console still sends after the failed report");
    }

    @Test
    void withoutAnyWindowThereIsNothingToReport() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        c.press(KeyType.Escape);
        c.press('p');
        assertEquals(" no window to report yet: send a sentence first", c.show().get(FEEDBACK));
        assertEquals(List.of(), c.backend.reports);
    }

    @Test
    void whileTypingPIsALetterOfTheSentence() throws Exception {
        TestConsole c = twoWindows();
        c.press('p');
        List<String> rows = c.show();
        assertEquals("› p", rows.get(21));
        assertEquals(List.of(), c.backend.reports);
    }

    @Test
    void scheduledReportAndAlertLinesShowOnTheFeedbackLine() throws Exception {
        TestConsole c = twoWindows();
        c.loop.execute(() -> c.events.reportNotice("report: wrote /data/reports/wordstream-2.pdf"));
        assertEquals(" report: wrote /data/reports/wordstream-2.pdf", c.show().get(FEEDBACK));
        c.loop.execute(() -> c.events.reportNotice("alert: 'spark' counted 12 times in the window 12:00:00"));
        assertEquals(" alert: 'spark' counted 12 times in the window 12:00:00", c.show().get(FEEDBACK));
    }

    @Test
    void helpListsTheReportKey() throws Exception {
        TestConsole c = TestConsole.running(100, 40);
        c.press(KeyType.F1);
        String screen = String.join("\n", c.show());
        assertTrue(screen.contains("  l / v / p      logs / cluster view / PDF report of the windows shown"),
                screen);
    }
}

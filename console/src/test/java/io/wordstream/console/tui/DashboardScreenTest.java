package io.wordstream.console.tui;

import static io.wordstream.console.tui.TestConsole.at;
import static io.wordstream.console.tui.TestConsole.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import io.wordstream.console.model.JobEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard drawn on a virtual 80x24 terminal: exact rows for given window data, resizing, keys. */
class DashboardScreenTest {
    private static final String W1 = "2026-11-23T12:00:00Z";
    private static final String W0 = "2026-11-23T11:59:50Z";

    private static void oneWindow(TestConsole c) {
        c.results(row(W1, "word", "the", 4), row(W1, "word", "fox", 2), row(W1, "word", "dog", 1),
                row(W1, "letter", "S", 3), row(W1, "letter", "P", 1), row(W1, "length", "6", 2));
    }

    @Test
    void chartsOfTheNewestWindowRowByRow() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        oneWindow(c);
        List<String> rows = c.show();

        assertEquals(" Window 12:00:00 – 12:00:10 UTC  newest, following  · 7 words, 3 distinct", rows.get(3));
        assertEquals(at(" ▶ Top words (3 of 3)", 49) + "  First letters", rows.get(5));
        // Bars scale to the largest count (the=4 fills 38 columns), drawn in eighths; counts always printed.
        assertEquals(at("   the " + "█".repeat(38) + " 4", 49) + "  S " + "█".repeat(24) + " 3", rows.get(6));
        assertEquals(at("   fox " + "█".repeat(19) + " ".repeat(19) + " 2", 49) + "  P " + "█".repeat(8)
                + " ".repeat(16) + " 1", rows.get(7));
        assertEquals(at("   dog " + "█".repeat(9) + "▌" + " ".repeat(28) + " 1", 49) + "  R " + " ".repeat(24) + " 0",
                rows.get(8));
        assertEquals(at("", 49) + "  Lengths", rows.get(11));
        assertEquals(at("", 49) + "  6  " + "█".repeat(23) + " 2", rows.get(12));
        assertEquals(at("", 49) + "  8  " + " ".repeat(23) + " 0", rows.get(13));
        assertEquals(at("", 49) + "  11 " + " ".repeat(23) + " 0", rows.get(14));
        assertEquals(" words per window █ 1 window", rows.get(19));
        assertEquals(at("", 18) + "▲ 12:00:00", rows.get(20));
        assertEquals("› type a sentence and press Enter (Esc: keys, F1: help)", rows.get(21));
        assertEquals(" Enter send  Esc keys  PgUp/PgDn window  Tab focus  F1 help  Ctrl-C quit", rows.get(23));
    }

    @Test
    void aLaterCountOfTheSameKeyRedrawsItsBar() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        oneWindow(c);
        c.show();
        c.results(row(W1, "word", "dog", 8), row(W1, "word", "dog", 3)); // a stale duplicate after the new count
        List<String> rows = c.show();
        assertEquals(at("   dog " + "█".repeat(38) + " 8", 49) + "  S " + "█".repeat(24) + " 3", rows.get(6));
        assertEquals(at("   the " + "█".repeat(19) + " ".repeat(19) + " 4", 49) + "  P " + "█".repeat(8)
                + " ".repeat(16) + " 1", rows.get(7));
    }

    @Test
    void wideAndVeryLongWordsKeepTheColumnsInLine() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        String huge = "x".repeat(10_000);
        c.results(row(W1, "word", "日本語", 3), row(W1, "word", "😀", 2), row(W1, "word", huge, 1),
                row(W1, "word", "עברית", 1));
        List<String> rows = c.show();
        // Keys take at most a third of the chart (14 columns); wide characters count twice; the long word is cut;
        // the right-hand column stays at column 49 on every row.
        assertEquals(at("   日本語" + " ".repeat(8) + " " + "█".repeat(27) + " 3", 49) + "  S " + " ".repeat(24) + " 0",
                rows.get(6));
        assertEquals(at("   😀" + " ".repeat(12) + " " + "█".repeat(18) + " ".repeat(9) + " 2", 49) + "  P "
                + " ".repeat(24) + " 0", rows.get(7));
        assertEquals(at("   " + "x".repeat(13) + "… " + "█".repeat(9) + " ".repeat(18) + " 1", 49) + "  R "
                + " ".repeat(24) + " 0", rows.get(8));
        assertEquals("   עברית" + " ".repeat(9) + " " + "█".repeat(9) + " ".repeat(18) + " 1", rows.get(9));
    }

    @Test
    void resizingRedrawsForTheNewSize() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        oneWindow(c);
        c.show();
        c.terminal.setTerminalSize(new TerminalSize(100, 30));
        List<String> rows = c.show();
        assertEquals(30, rows.size());
        // The left column is three fifths of the new width: 58 columns, the right one starts at 61.
        assertEquals(at(" ▶ Top words (3 of 3)", 61) + "  First letters", rows.get(5));
        assertEquals(at("   the " + "█".repeat(50) + " 4", 61) + "  S " + "█".repeat(32) + " 3", rows.get(6));
        assertEquals(" Enter send  Esc keys  PgUp/PgDn window  Tab focus  F1 help  Ctrl-C quit", rows.get(29));
    }

    @Test
    void aTooSmallTerminalSaysSoAndRecoversWhenEnlarged() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        oneWindow(c);
        c.show();
        c.terminal.setTerminalSize(new TerminalSize(50, 12));
        List<String> rows = c.show();
        assertEquals(List.of(
                "",
                "",
                "",
                "",
                "",
                "            Terminal too small: 50x12",
                "         wordstream needs at least 60x16.",
                "   Enlarge the window, or press Ctrl-C to quit.",
                "",
                "",
                "",
                ""), rows);
        c.terminal.setTerminalSize(new TerminalSize(80, 24));
        assertEquals(" Window 12:00:00 – 12:00:10 UTC  newest, following  · 7 words, 3 distinct", c.show().get(3));
    }

    @Test
    void arrowsSelectOlderWindowsAndEndFollowsTheNewestAgain() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        c.results(row(W0, "word", "old", 5), row(W1, "word", "new", 2), row(W1, "word", "news", 1));
        assertTrue(c.show().get(3).startsWith(" Window 12:00:00 – 12:00:10 UTC  newest, following"));

        c.press(KeyType.Escape); // keys mode: arrows select windows
        c.press(KeyType.ArrowLeft);
        List<String> rows = c.show();
        assertEquals(" Window 11:59:50 – 12:00:00 UTC  1 of 2 (End: newest)  · 5 words, 1 distinct", rows.get(3));
        assertEquals("   old " + "█".repeat(38) + " 5", rows.get(6).substring(0, 47));
        assertEquals(" words per window █▅ 2 windows", rows.get(19));
        assertEquals(at("", 18) + "▲ 11:59:50", rows.get(20));
        assertEquals(" q quit  i type  ←→/End window  Tab focus  r restart  c clear  l logs  ? help",
                rows.get(23));

        // A new window arriving does not move a chosen selection.
        c.results(row("2026-11-23T12:00:10Z", "word", "newer", 1));
        assertTrue(c.show().get(3).startsWith(" Window 11:59:50 – 12:00:00 UTC  1 of 3 (End: newest)"));

        c.press(KeyType.End);
        assertTrue(c.show().get(3).startsWith(" Window 12:00:10 – 12:00:20 UTC  newest, following"));

        c.press(KeyType.ArrowLeft);
        c.press(KeyType.ArrowRight); // back onto the newest: following again
        assertTrue(c.show().get(3).startsWith(" Window 12:00:10 – 12:00:20 UTC  newest, following"));

        c.press(KeyType.Enter); // back to typing; PageUp still selects
        c.press(KeyType.PageUp);
        c.press(KeyType.PageUp);
        assertTrue(c.show().get(3).startsWith(" Window 11:59:50 – 12:00:00 UTC  1 of 3"));
    }

    @Test
    void tabMovesTheFocusToLettersThenLengths() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        oneWindow(c);
        c.press(KeyType.Tab);
        List<String> rows = c.show();
        assertEquals(at(" ▶ First letters", 49) + "  Top words (3 of 3)", rows.get(5));
        assertEquals(" letters per window █ 1 window", rows.get(19));
        c.press(KeyType.Tab);
        assertEquals(at(" ▶ Lengths", 49) + "  Top words (3 of 3)", c.show().get(5));
    }

    @Test
    void startUpShowsEachStepWithItsTimeAndASpinnerOnTheCurrentOne() throws Exception {
        TestConsole c = new TestConsole(80, 24);
        long t0 = c.clock.get();
        c.clock.set(t0 + 300_000_000L);
        c.events.step("starting the Kafka broker on 127.0.0.1:9092");
        c.clock.set(t0 + 4_600_000_000L);
        c.events.step("Kafka is ready at 127.0.0.1:9092");
        c.events.jobState("SUBMITTED", null);
        List<String> rows = c.show(); // 4.7 s after the start: the spinner's 47th frame is the 8th (index 7)
        assertEquals(" wordstream ● STARTING (job SUBMITTED) ⠧ 4.7 s │ up 4s │ kafka 127.0.0.1:9092 │…",
                rows.get(0));
        assertEquals(" Starting the pipeline ⠧ 4.7 s", rows.get(3));
        assertEquals(at(" ✓ starting the Kafka broker on 127.0.0.1:9092", 74) + "0.3 s", rows.get(5));
        assertEquals(at(" ⠧ Kafka is ready at 127.0.0.1:9092", 74) + "4.6 s", rows.get(6));
        assertEquals("   Spark job: SUBMITTED", rows.get(7));
    }

    @Test
    void aLongStopSaysWhatItWaitsForWithTheElapsedTime() throws Exception {
        TestConsole c = TestConsole.running(100, 24);
        c.controller.quit();
        c.events.step("stopping the Spark job, which saves its JVM class archive (first run after a build)");
        c.clock.addAndGet(4_000_000_000L);
        List<String> rows = c.show();
        assertTrue(rows.stream().anyMatch(r -> r.startsWith(" stopping the Spark job, which saves its JVM class archive"
                + " (first run after a build) (4 s)")), String.join("\n", rows));
        c.clock.addAndGet(3_000_000_000L);
        assertTrue(c.show().stream().anyMatch(r -> r.contains("(first run after a build) (7 s)")), "the time moves on");
    }

    @Test
    void aFailedStartSaysWhyInPlainWords() throws Exception {
        TestConsole c = new TestConsole(80, 24);
        c.events.step("starting the Kafka broker on 127.0.0.1:9092");
        c.events.startFailed("port 9092 on 127.0.0.1 is in use; pass --broker-port");
        List<String> rows = c.show();
        assertEquals(" The pipeline did not start", rows.get(3));
        assertEquals(" ✗ port 9092 on 127.0.0.1 is in use; pass --broker-port", rows.get(6));
        assertEquals(" ✗ port 9092 on 127.0.0.1 is in use; pass --broker-port", rows.get(1));
    }

    @Test
    void helpShowsEveryKeyAndAnyKeyClosesIt() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        c.press(KeyType.F1);
        List<String> rows = c.show();
        String screen = String.join("\n", rows);
        for (String key : List.of("Enter", "Esc", "PgUp/PgDn", "Tab", "Ctrl-C", "←/→", "r / c", "l / v / p", "/ t s",
                "w / W", "? / i Enter", "q ")) {
            assertTrue(screen.contains("  " + key), "help lists " + key + ":\n" + screen);
        }
        assertTrue(screen.contains("press any key to close"));
        c.press('x');
        assertTrue(String.join("\n", c.show()).lines().noneMatch(l -> l.contains("press any key to close")));
        assertTrue(c.backend.sent.isEmpty() && c.backend.quits == 0, "the closing key did nothing else");
    }

    @Test
    void theLogPaneShowsTheJobAndBrokerLogsWhenToggled() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        c.press(KeyType.Escape);
        c.press('l');
        List<String> rows = c.show();
        // 24 rows: the pane takes the 6 rows above the input line, half for each log.
        assertEquals("── job.log " + "─".repeat(69), rows.get(15));
        assertEquals("job line 1", rows.get(16));
        assertEquals("job line 2", rows.get(17));
        assertEquals("── broker.log " + "─".repeat(66), rows.get(18));
        assertEquals("broker line", rows.get(19));
        c.press('l');
        assertTrue(c.show().stream().noneMatch(l -> l.startsWith("── job.log")));
    }

    @Test
    void resultsArrivingFasterThanTenTimesASecondAreDrawnTogether() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        c.show();
        long before = c.loop.draws();
        for (int i = 1; i <= 1000; i++) {
            int n = i;
            c.loop.execute(() -> c.results(row(W1, "word", "flood", n)));
            if (i % 100 == 0) {
                c.clock.addAndGet(9_000_000L); // 1000 results over 90 ms
                c.loop.step();
            }
        }
        assertEquals(before, c.loop.draws(), "nothing drawn within 100 ms of the last drawing");
        List<String> rows = c.show();
        assertEquals(before + 1, c.loop.draws());
        assertEquals("   flood " + "█".repeat(33) + " 1000", rows.get(6).substring(0, 49).stripTrailing());
    }

    @Test
    void theWindowHintNamesTheKeyOfTheCurrentMode() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        c.results(row(W0, "word", "old", 5), row(W1, "word", "new", 2));
        c.press(KeyType.PageUp); // while typing End moves the cursor: PgDn is the way back
        assertEquals(" Window 11:59:50 – 12:00:00 UTC  1 of 2 (PgDn: newer)  · 5 words, 1 distinct", c.show().get(3));
        c.press(KeyType.Escape);
        assertEquals(" Window 11:59:50 – 12:00:00 UTC  1 of 2 (End: newest)  · 5 words, 1 distinct", c.show().get(3));
    }

    @Test
    void theHintOfAnEmptyViewFitsTheMode() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        assertEquals(" Type a sentence below and press Enter: its words count in the current window.",
                c.show().get(5));
        c.press(KeyType.Escape);
        assertEquals(" Press i, then type a sentence below and press Enter.", c.show().get(5));
    }

    @Test
    void anEmptyWindowKeepsItsPlaceOnTheTimeline() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        c.results(row(W0, "word", "old", 5), row("2026-11-23T12:00:10Z", "word", "new", 2));
        List<String> rows = c.show();
        assertEquals(" words per window █ ▄ 3 windows", rows.get(19));
        assertEquals(at("", 20) + "▲ 12:00:10", rows.get(20));
    }

    @Test
    void helpIsABorderedBoxThatWrapsItsTextAndHidesTheCharts() throws Exception {
        TestConsole c = TestConsole.running(150, 45);
        oneWindow(c);
        c.press(KeyType.F1);
        List<String> rows = c.show();
        String pad = at("", 33);
        assertEquals("", rows.get(5), "nothing of the charts shows around the box");
        assertEquals(pad + "┌─ wordstream keys " + "─".repeat(64) + "┐", rows.get(13));
        assertEquals(pad + "│ " + at("While typing (the default)", 80) + " │", rows.get(14));
        assertEquals(pad + "│ " + at("  " + at("Enter", 14) + " send the line, one record (pasted: one record per"
                + " line)", 80) + " │", rows.get(15));
        assertEquals(pad + "│ " + at("  " + at("/ t s", 14) + " find a word · top words over a range · stop words",
                80) + " │", rows.get(27));
        assertEquals(pad + "└─ press any key to close " + "─".repeat(57) + "┘", rows.get(31));
        assertEquals("", rows.get(32));
    }

    @Test
    void helpThatDoesNotFitSaysHowToSeeTheRest() throws Exception {
        TestConsole c = TestConsole.running(60, 16);
        oneWindow(c);
        c.press(KeyType.F1);
        List<String> rows = c.show();
        assertEquals("  ┌─ wordstream keys " + "─".repeat(36) + "┐", rows.get(1));
        assertEquals("  │ " + at("… more: enlarge the terminal", 52) + " │", rows.get(14));
        assertEquals("  └─ press any key to close " + "─".repeat(29) + "┘", rows.get(15));
        for (int r = 2; r < 14; r++) {
            assertEquals("  │", rows.get(r).substring(0, 3), "row " + r);
            assertEquals("│", rows.get(r).substring(57), "row " + r);
        }
    }

    @Test
    void atTheSmallestSizeEveryLetterAndLengthHasItsRow() throws Exception {
        TestConsole c = TestConsole.running(60, 16);
        oneWindow(c);
        List<String> rows = c.show();
        assertTrue(rows.get(2).startsWith(" Window 12:00:00 – 12:00:10 UTC  newest, following"), rows.get(2));
        assertEquals(at(" ▶ Top words (3 of 3)", 37) + "  First letters", rows.get(3));
        assertEquals(at("   the " + "█".repeat(26) + " 4", 37) + "  S " + "█".repeat(16) + " 3", rows.get(4));
        assertEquals(at("   fox " + "█".repeat(13) + " ".repeat(13) + " 2", 37) + "  P " + "█".repeat(5) + "▍"
                + " ".repeat(10) + " 1", rows.get(5));
        assertEquals(at("   dog " + "█".repeat(6) + "▌" + " ".repeat(19) + " 1", 37) + "  R " + " ".repeat(16) + " 0",
                rows.get(6));
        assertEquals(at("", 37) + "  Lengths", rows.get(7));
        assertEquals(at("", 37) + "  6  " + "█".repeat(15) + " 2", rows.get(8));
        assertEquals(at("", 37) + "  8  " + " ".repeat(15) + " 0", rows.get(9));
        assertEquals(at("", 37) + "  11 " + " ".repeat(15) + " 0", rows.get(10));
        assertEquals(" words per window █ 1 window", rows.get(11));
        assertEquals(at("", 18) + "▲ 12:00:00", rows.get(12));
        assertEquals("› type a sentence and press Enter (Esc: keys, F1: help)", rows.get(13));
    }

    @Test
    void at70x18EveryLetterAndLengthHasItsRow() throws Exception {
        TestConsole c = TestConsole.running(70, 18);
        oneWindow(c);
        List<String> rows = c.show();
        // One row short of the full layout: the blank row above the title goes first.
        assertTrue(rows.get(2).startsWith(" Window 12:00:00 – 12:00:10 UTC  newest, following"), rows.get(2));
        assertEquals("", rows.get(3));
        assertEquals(at(" ▶ Top words (3 of 3)", 43) + "  First letters", rows.get(4));
        assertEquals(at("   the " + "█".repeat(32) + " 4", 43) + "  S " + "█".repeat(20) + " 3", rows.get(5));
        assertEquals(at("   dog " + "█".repeat(8) + " ".repeat(24) + " 1", 43) + "  R " + " ".repeat(20) + " 0",
                rows.get(7));
        assertEquals(at("", 43) + "  Lengths", rows.get(8));
        assertEquals(at("", 43) + "  11 " + " ".repeat(19) + " 0", rows.get(11));
        assertEquals("", rows.get(12));
        assertEquals(" words per window █ 1 window", rows.get(13));
        assertEquals("› type a sentence and press Enter (Esc: keys, F1: help)", rows.get(15));
    }

    @Test
    void chartsWithoutRoomForAllTheirRowsSayHowManyTheyShow() throws Exception {
        TestConsole c = TestConsole.running(60, 16);
        oneWindow(c);
        c.press(KeyType.Escape);
        c.press('l'); // the log pane takes four rows
        List<String> rows = c.show();
        assertEquals(at(" ▶ Top words (3 of 3)", 37) + "  Letters (1 of 3)", rows.get(3));
        assertEquals(at("   the " + "█".repeat(26) + " 4", 37) + "  S " + "█".repeat(16) + " 3", rows.get(4));
        assertEquals(at("   fox " + "█".repeat(13) + " ".repeat(13) + " 2", 37) + "  Lengths (1 of 3)", rows.get(5));
        assertEquals(at("   dog " + "█".repeat(6) + "▌" + " ".repeat(19) + " 1", 37) + "  6 " + "█".repeat(16)
                + " 2", rows.get(6));
    }

    @Test
    void atLargerSizesEveryChartShowsAllItsRows() throws Exception {
        for (TerminalSize size : List.of(new TerminalSize(100, 24), new TerminalSize(150, 45))) {
            TestConsole c = TestConsole.running(size.getColumns(), size.getRows());
            oneWindow(c);
            for (int focus = 0; focus < 3; focus++) {
                List<String> rows = c.show();
                String screen = String.join("\n", rows);
                assertTrue(screen.contains("Top words (3 of 3)"), size + "\n" + screen);
                assertTrue(!screen.contains("letters (") && !screen.contains("Lengths ("), size + "\n" + screen);
                for (String key : List.of("  S ", "  P ", "  R ", "  6  ", "  8  ", "  11 ", "   the ", "   fox ",
                        "   dog ")) {
                    assertTrue(rows.stream().anyMatch(r -> r.contains(key)), size + " shows " + key + "\n" + screen);
                }
                c.press(KeyType.Tab);
            }
        }
    }

    @Test
    void ratesAreAveragedOverTenSecondsAndFallToZero() throws Exception {
        TestConsole c = TestConsole.running(150, 24);
        c.events.inputTotal(500); // what the input topics held before: not a rate
        c.clock.addAndGet(1_000_000_000L);
        c.events.inputTotal(501); // one sentence typed
        c.events.jobEvent(JobEvent.parse("{\"type\":\"progress\",\"inputRows\":1,\"inputRowsPerSecond\":76.9,"
                + "\"processedRowsPerSecond\":5.2,\"batchDurationMs\":190,\"stateRows\":12}").orElseThrow());
        assertTrue(c.show().get(1).startsWith(" input 0.1/s │ counted 0.1/s (last 10 s) │ batch 190 ms │"),
                c.rows().get(1));
        c.clock.addAndGet(19_000_000_000L);
        c.events.inputTotal(501);
        assertTrue(c.show().get(1).startsWith(" input 0.0/s │ counted 0.0/s (last 10 s) │ batch 190 ms │"),
                c.rows().get(1));
    }
}

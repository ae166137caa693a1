package io.wordstream.console.tui;

import static io.wordstream.console.tui.TestConsole.at;
import static io.wordstream.console.tui.TestConsole.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding a word, top words over a range, stop words and a sentence's end-to-end time, on an 80x24 terminal. */
class AnalysisScreenTest {
    private static final String W0 = "2026-11-23T11:59:50Z";
    private static final String W1 = "2026-11-23T12:00:00Z";
    private static final String W2 = "2026-11-23T12:00:10Z";

    private static TestConsole threeWindows() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        c.results(row(W0, "word", "the", 6), row(W0, "word", "fox", 1),
                row(W1, "word", "the", 2), row(W1, "word", "dog", 3),
                row(W2, "word", "the", 4), row(W2, "word", "fox", 2), row(W2, "word", "dog", 1));
        c.show();
        return c;
    }

    @Test
    void slashFindsAWordAndPinsItsCountPerWindowUnderTheTimeline() throws Exception {
        TestConsole c = threeWindows();
        c.press(KeyType.Escape);
        c.press('/');
        List<String> rows = c.show();
        assertEquals("/ type a word to find and press Enter (Esc: cancel)", rows.get(21));
        c.type("Fox");
        c.press(KeyType.Enter);
        rows = c.show();
        assertEquals(" words per window █▆█ 3 windows", rows.get(18));
        assertEquals(at("", 20) + "▲ 12:00:10", rows.get(19));
        assertEquals(at(" 'fox'", 18) + "▄ █ 2 here · max 2", rows.get(20));
        assertEquals(" 'fox' pinned under the timeline (/ and an empty line: unpin)", rows.get(22));
        assertTrue(c.backend.sent.isEmpty(), "a search sends nothing");
    }

    @Test
    void aWordFoundNowhereIsOneLineAndTheConsoleGoesOn() throws Exception {
        TestConsole c = threeWindows();
        c.press(KeyType.Escape);
        c.press('/');
        c.type("cat");
        c.press(KeyType.Enter);
        List<String> rows = c.show();
        assertEquals(" 'cat' is in none of the 3 windows kept", rows.get(22));
        assertEquals(" words per window █▆█ 3 windows", rows.get(19));
        c.type("next sentence");
        c.press(KeyType.Enter);
        c.show();
        assertEquals(List.of("next sentence"), c.backend.sent);
    }

    @Test
    void tShowsTheTopWordsOverTheLastWindowsThenAllKept() throws Exception {
        TestConsole c = threeWindows();
        c.press(KeyType.Escape);
        c.press('t');
        List<String> rows = c.show();
        assertEquals(" Top words over the last 10 windows (3 kept, 3 of 3)", rows.get(15));
        assertEquals("   the " + "█".repeat(69) + " 12", rows.get(16));
        assertEquals("   dog " + "█".repeat(23) + " ".repeat(46) + "  4", rows.get(17));
        assertEquals(" top words over the last 10 windows", rows.get(22));
        c.press('t');
        assertEquals(" Top words over the last 60 windows (3 kept, 3 of 3)", c.show().get(15));
        c.press('t');
        assertEquals(" Top words over all windows kept (3 kept, 3 of 3)", c.show().get(15));
        c.press('t');
        rows = c.show();
        assertEquals(" words per window █▆█ 3 windows", rows.get(19));
        assertEquals(" top words: per window only", rows.get(22));
    }

    @Test
    void sHidesStopWordsFromTheChartsAndTheRange() throws Exception {
        TestConsole c = threeWindows();
        c.press(KeyType.Escape);
        c.press('s');
        List<String> rows = c.show();
        assertEquals(" Window 12:00:10 – 12:00:20 UTC  newest, following  · 3 words, 2 distinct", rows.get(3));
        assertTrue(rows.get(22).startsWith(" stop words hidden ("), rows.get(22));
        c.press('s');
        rows = c.show();
        assertEquals(" Window 12:00:10 – 12:00:20 UTC  newest, following  · 7 words, 3 distinct", rows.get(3));
        assertEquals(" stop words shown", rows.get(22));
    }

    @Test
    void aTypedSentenceShowsItsTimeFromEnterToItsCountsNextToItsAcknowledgement() throws Exception {
        TestConsole c = threeWindows();
        c.type("Fox and cat");
        c.press(KeyType.Enter);
        c.show();
        c.events.sendAcked("Fox and cat", "p-0@7");
        c.clock.addAndGet(400_000_000L);
        c.results(row(W2, "word", "fox", 3), row(W2, "word", "and", 1));
        assertEquals(at(" ✓ acknowledged 'Fox and cat' (p-0@7)", 63) + "sent 1 · acked 1", c.show().get(22));
        c.clock.addAndGet(1_000_000_000L);
        c.results(row(W2, "word", "cat", 1));
        assertEquals(at(" ✓ acknowledged 'Fox and cat' · counted in 1.5 s (p-0@7)", 63) + "sent 1 · acked 1",
                c.show().get(22));
    }
}

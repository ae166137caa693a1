package io.wordstream.console.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typing, sending and the keys that act on the pipeline, through the virtual terminal. */
class InputLineTest {
    @Test
    void enterSendsTheLineAndTheAcknowledgementShowsWithoutBlockingTyping() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        c.type("the quick brown fox");
        List<String> rows = c.show();
        assertEquals("› the quick brown fox", rows.get(21));
        assertEquals(19 + 2, c.screen.getCursorPosition().getColumn(), "the cursor follows the text");

        c.press(KeyType.Enter);
        c.type("next");
        rows = c.show();
        assertEquals(List.of("the quick brown fox"), c.backend.sent);
        assertEquals("› next", rows.get(21), "typing goes on while the send is in flight");
        assertTrue(rows.get(22).startsWith(" sending 'the quick brown fox'"), rows.get(22));

        c.events.sendAcked("the quick brown fox", "partition 1, offset 7");
        rows = c.show();
        assertEquals(at(" ✓ acknowledged 'the quick brown fox' (partition 1, offset 7)", 63) + "sent 1 · acked 1",
                rows.get(22));
    }

    private static String at(String s, int col) {
        return TestConsole.at(s, col);
    }

    @Test
    void aPastedBlockSendsOneRecordPerLineAndSkipsEmptyLines() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        c.type("first line");
        c.press(KeyType.Enter);
        c.press(KeyType.Enter);
        c.type("second line");
        c.press(KeyType.Enter);
        c.show();
        assertEquals(List.of("first line", "second line"), c.backend.sent);
    }

    @Test
    void aFailedSendSaysWhyAndIsCounted() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        c.type("lost words");
        c.press(KeyType.Enter);
        c.show();
        c.events.sendFailed("lost words", "Topic sentences not present in metadata after 10000 ms.");
        String row = c.show().get(22);
        assertTrue(row.startsWith(" ✗ not sent 'lost words': Topic sentences not pres"), row);
        assertTrue(row.endsWith("sent 1 · acked 0 · failed 1"), row);
    }

    @Test
    void editingKeysMoveTheCursorAndDeleteByCodePoint() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        c.type("hello wörld");
        c.press(KeyType.ArrowLeft);
        c.press(KeyType.ArrowLeft);
        c.press(KeyType.ArrowLeft);
        c.press(KeyType.Backspace); // deletes the ö
        c.press(KeyType.Home);
        c.press(KeyType.Delete);
        assertEquals("› ello wrld", c.show().get(21));
        c.press(KeyType.End);
        c.ctrl('u');
        assertEquals("› type a sentence and press Enter (Esc: keys, F1: help)", c.show().get(21));
    }

    @Test
    void sentencesTypedBeforeThePipelineIsReadyAreQueued() throws Exception {
        TestConsole c = new TestConsole(80, 24);
        c.type("early bird");
        c.press(KeyType.Enter);
        c.show();
        assertEquals(List.of("early bird"), c.backend.sent, "the backend holds it until it can send");
        c.events.sendQueued("early bird");
        String row = c.show().get(22);
        assertTrue(row.startsWith(" queued until the pipeline is ready: 'early bird'"), row);
    }

    @Test
    void qQuitsOnlyInKeysModeAndCtrlCQuitsAlways() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        c.type("quick");
        c.show();
        assertEquals(0, c.backend.quits, "q typed in a sentence is a letter");
        c.press(KeyType.Escape);
        c.press(KeyType.Escape); // a second Esc stays in keys mode
        c.press('q');
        List<String> rows = c.show();
        assertEquals(1, c.backend.quits);
        assertTrue(rows.get(0).startsWith(" wordstream ● STOPPING"), rows.get(0));
        c.events.step("stopping the Kafka broker");
        // A stop names what it waits for, with the seconds it has taken so far.
        assertEquals(" stopping the Kafka broker (0 s)", c.show().get(22));
        c.events.stopped();
        assertTrue(c.controller.finished());

        TestConsole d = TestConsole.running(80, 24);
        d.type("abc");
        d.ctrl('c');
        d.show();
        assertEquals(1, d.backend.quits);
        assertEquals(List.of(), d.backend.sent);
    }

    @Test
    void restartAsksFirstAndOnlyYRestarts() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        c.press(KeyType.Escape);
        c.press('r');
        assertTrue(c.show().get(22).startsWith(" restart the Spark job from its checkpoint? press y"));
        c.press('n');
        assertEquals(" restart cancelled", c.show().get(22));
        assertEquals(0, c.backend.restarts);
        c.press('r');
        c.press('y');
        List<String> rows = c.show();
        assertEquals(1, c.backend.restarts);
        assertTrue(rows.get(0).startsWith(" wordstream ● RESTARTING (job RUNNING) "), rows.get(0));
        c.events.restarted("local-2");
        assertTrue(c.show().get(0).startsWith(" wordstream ● RUNNING │"));
    }

    @Test
    void clearEmptiesTheChartsUntilNewResultsArrive() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        c.results(TestConsole.row("2026-11-23T12:00:00Z", "word", "gone", 3));
        c.show();
        c.press(KeyType.Escape);
        c.press('c');
        List<String> rows = c.show();
        assertEquals(" No counts yet", rows.get(3));
        c.results(TestConsole.row("2026-11-23T12:00:00Z", "word", "gone", 4));
        assertTrue(c.show().get(3).startsWith(" Window 12:00:00"));
    }

    @Test
    void aJobThatEndsWhileRunningIsShownFailedThenRelaunched() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        c.events.jobState("LOST", "local-1");
        c.events.jobEnded("LOST", "driver exited with code 137");
        List<String> rows = c.show();
        assertTrue(rows.get(0).startsWith(" wordstream ● FAILED (job LOST)"), rows.get(0));
        assertEquals(" ✗ the Spark job ended (LOST): driver exited with code 137", rows.get(1));
        assertEquals(" the Spark job ended (LOST)", rows.get(22));

        c.events.relaunching();
        c.events.step("relaunching the job from its checkpoint in 1 s (attempt 1 of 5)");
        rows = c.show();
        assertTrue(rows.get(0).startsWith(" wordstream ● RESTARTING (job LOST) "), rows.get(0));
        assertEquals(" relaunching the job from its checkpoint in 1 s (attempt 1 of 5)", rows.get(22));
        c.events.restarted("local-2");
        rows = c.show();
        assertTrue(rows.get(0).startsWith(" wordstream ● RUNNING"), rows.get(0));
        assertTrue(rows.get(0).contains("app local-2") || rows.get(0).endsWith("…"), rows.get(0));

        c.events.jobEnded("FAILED", "again");
        c.events.relaunching();
        c.events.restartFailed("the job ended 5 times in a row; press Esc then r to try again");
        rows = c.show();
        assertEquals(" ✗ the job ended 5 times in a row; press Esc then r to try again", rows.get(1));
    }

    @Test
    void aBrokerThatExitsIsShownRestartingThenBackOrFailed() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        c.events.brokerLost("the Kafka broker exited");
        c.events.step("restarting the Kafka broker in 1 s (attempt 1 of 5); what is sent meanwhile waits and is"
                + " retried");
        List<String> rows = c.show();
        assertTrue(rows.get(0).startsWith(" wordstream ● RESTARTING"), rows.get(0));
        assertTrue(rows.get(22).startsWith(" restarting the Kafka broker in 1 s (attempt 1 of 5)"), rows.get(22));

        c.events.brokerBack();
        rows = c.show();
        assertTrue(rows.get(0).startsWith(" wordstream ● RUNNING"), rows.get(0));
        assertTrue(rows.get(22).startsWith(" Kafka is back on "), rows.get(22));

        c.events.kafkaUnreachable("Kafka at 127.0.0.1:9092 does not answer: what is sent meanwhile waits");
        rows = c.show();
        assertTrue(rows.get(0).startsWith(" wordstream ● RESTARTING"), rows.get(0));
        assertTrue(rows.get(22).startsWith(" Kafka at 127.0.0.1:9092 does not answer"), rows.get(22));

        c.events.brokerLost("the Kafka broker exited");
        c.events.brokerRestartFailed("the Kafka broker did not come back after 5 attempts; see broker.log");
        rows = c.show();
        assertTrue(rows.get(0).startsWith(" wordstream ● FAILED"), rows.get(0));
        assertEquals(" ✗ the Kafka broker did not come back after 5 attempts; see broker.log", rows.get(1));
    }

    @Test
    void kafkaNewsDoesNotOverwriteTheJobsOwnState() throws Exception {
        TestConsole c = TestConsole.running(80, 24);
        c.events.jobEnded("FAILED", "boom");
        c.events.kafkaUnreachable("Kafka at 127.0.0.1:9092 does not answer");
        c.events.brokerBack();
        List<String> rows = c.show();
        assertTrue(rows.get(0).startsWith(" wordstream ● FAILED"), rows.get(0));
        assertTrue(rows.get(22).startsWith(" Kafka is back on "), rows.get(22));
    }
}

package io.wordstream.console.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.wordstream.common.PipelineSettings;
import io.wordstream.console.model.PipelineStatus;
import io.wordstream.console.model.ResultRow;
import io.wordstream.console.model.WindowCounts;
import io.wordstream.console.report.ReportPeriod;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The terminal UI on a virtual terminal, with a clock the test moves and a backend that records what the UI asked
 * of it: the whole UI but the pipeline, driven one loop turn at a time.
 */
final class TestConsole {
    /** Records the UI's requests; the test plays the pipeline's answers through the controller. */
    static final class RecordingBackend implements ConsoleController.Backend {
        final List<String> sent = new ArrayList<>();
        int restarts;
        int quits;
        final List<ReportPeriod> reports = new ArrayList<>();
        int workersAdded;
        int workersStopped;

        @Override
        public void send(String sentence) {
            sent.add(sentence);
        }

        @Override
        public void restartJob() {
            restarts++;
        }

        @Override
        public void quit() {
            quits++;
        }

        @Override
        public void report(ReportPeriod period) {
            reports.add(period);
        }

        @Override
        public void addWorker() {
            workersAdded++;
        }

        @Override
        public void stopWorker() {
            workersStopped++;
        }

        @Override
        public List<Frame.LogSource> logTail(int lines) {
            return List.of(new Frame.LogSource("job.log", List.of("job line 1", "job line 2")),
                    new Frame.LogSource("broker.log", List.of("broker line")));
        }
    }

    final DefaultVirtualTerminal terminal;
    final TerminalScreen screen;
    final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
    final WindowCounts counts = new WindowCounts(100);
    final PipelineStatus status;
    final RecordingBackend backend = new RecordingBackend();
    final ConsoleController controller;
    /** Where the test plays the pipeline's reports, as the bridge does. */
    final PipelineEvents events;
    final UiLoop loop;

    TestConsole(int columns, int rows) throws IOException {
        terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
        screen = new TerminalScreen(terminal);
        screen.startScreen();
        status = new PipelineStatus(clock.get(), "127.0.0.1:9092", "local[2]");
        controller = new ConsoleController(counts, status, PipelineSettings.defaults(), backend, clock::get);
        events = controller.events();
        loop = new UiLoop(screen, controller, ZoneId.of("UTC"), clock::get);
    }

    /** A console whose pipeline is running, as after its first batch. */
    static TestConsole running(int columns, int rows) throws IOException {
        TestConsole c = new TestConsole(columns, rows);
        c.events.jobState("RUNNING", "local-1");
        c.events.ready("127.0.0.1:9092", "local[2]", "local-1");
        c.events.results(List.of(), true);
        return c;
    }

    /** One result row of the window starting at {@code start} (10 s long). */
    static ResultRow row(String start, String dimension, String key, long count) {
        Instant s = Instant.parse(start);
        return new ResultRow(s, s.plusSeconds(10), dimension, key, count);
    }

    void results(ResultRow... rows) {
        events.results(List.of(rows), true);
    }

    void type(String text) {
        text.chars().forEach(ch -> terminal.addInput(new KeyStroke((char) ch, false, false)));
    }

    void press(KeyType key) {
        terminal.addInput(new KeyStroke(key));
    }

    void press(char ch) {
        terminal.addInput(new KeyStroke(ch, false, false));
    }

    void ctrl(char ch) {
        terminal.addInput(new KeyStroke(ch, true, false));
    }

    /** Lets time pass beyond the redraw limit, runs one loop turn (keys, work, redraw), and returns the screen. */
    List<String> show() throws IOException {
        clock.addAndGet(FrameLimiter.MIN_INTERVAL_NANOS);
        loop.step();
        return rows();
    }

    /** The terminal's rows as text, trailing blanks removed; a double-width character counts once. */
    List<String> rows() {
        TerminalSize size = terminal.getTerminalSize();
        List<String> out = new ArrayList<>();
        for (int r = 0; r < size.getRows(); r++) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < size.getColumns(); c++) {
                TextCharacter ch = terminal.getCharacter(c, r);
                b.append(ch.getCharacterString());
                if (ch.isDoubleWidth()) {
                    c++;
                }
            }
            out.add(b.toString().stripTrailing());
        }
        return out;
    }

    /** Text padded with spaces to {@code column}: to build the expected row of two side-by-side columns. */
    static String at(String left, int column) {
        return left + " ".repeat(Math.max(0, column - Text.width(left)));
    }
}

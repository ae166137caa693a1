package io.wordstream.console.cli;

import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import io.wordstream.console.kafka.ResultsHistory;
import io.wordstream.console.launch.ChildProcesses;
import io.wordstream.console.model.PipelineStatus;
import io.wordstream.console.model.WindowCounts;
import io.wordstream.console.session.AttachedSession;
import io.wordstream.console.session.PipelineExtras;
import io.wordstream.console.session.Session;
import io.wordstream.console.session.Supervisor;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import io.wordstream.console.tui.ConsoleBridge;
import io.wordstream.console.tui.ConsoleController;
import io.wordstream.console.tui.UiLoop;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's terminal while it runs: the screen, the UI loop that draws the session, and standard output and
 * error turned to the console's log, all given back when the UI ends.
 */
final class ConsoleScreen {
    /** Windows the console keeps: an hour of the default ten-second windows. */
    static final int HISTORY_WINDOWS = ResultsHistory.WINDOWS;

    private final Settings settings;
    private final boolean attach;
    private final boolean reset;
    private List<String> stopSteps = List.of();

    ConsoleScreen(Settings settings, boolean attach, boolean reset) {
        this.settings = settings;
        this.attach = attach;
        this.reset = reset;
    }

    /** Runs the UI until it quits, and returns the session it drew, stopped. */
    Session run(PipelineExtras extras, Lines lines) throws IOException {
        Terminal terminal = new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
                .setForceTextTerminal(true)
                // Ctrl-C arrives as a key, so quitting goes through the same orderly stop as q.
                .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
                .createTerminal();
        TerminalScreen screen = new TerminalScreen(terminal);
        PrintStream out = System.out;
        PrintStream err = System.err;
        try (PrintStream log = new PrintStream(new FileOutputStream(
                settings.logDir().resolve("console.log").toFile(), true), true, StandardCharsets.UTF_8)) {
            screen.startScreen();
            // Whatever a library prints from now on would land on the screen: it goes to the log instead.
            System.setOut(log);
            System.setErr(log);
            ConsoleBridge bridge = null;
            try {
                UiLoop[] loop = new UiLoop[1];
                bridge = new ConsoleBridge(settings, t -> loop[0].execute(t), extras);
                lines.bridge = bridge;
                Session session = attach ? new AttachedSession(settings, bridge) : new Supervisor(settings,
                        Install.current(), extras.after(bridge), true, reset);
                PipelineStatus status = new PipelineStatus(System.nanoTime(), settings.bootstrap(),
                        plannedMaster(settings));
                ConsoleController controller = new ConsoleController(new WindowCounts(HISTORY_WINDOWS), status,
                        settings.pipeline(), bridge, System::nanoTime);
                if (attach) {
                    controller.attached();
                }
                loop[0] = new UiLoop(screen, controller, ZoneId.systemDefault(), System::nanoTime);
                Signals.onInterruptOrTerminate(() -> loop[0].execute(controller::quit));
                bridge.start(session, controller);
                loop[0].run();
                stopSteps = stopLines(status);
                return session;
            } finally {
                if (bridge != null) {
                    bridge.close();
                }
                stopScreen(screen);
                System.setOut(out);
                System.setErr(err);
                ChildProcesses.killDescendants();
            }
        }
    }

    /** The steps of the stop the screen showed, for the terminal once the screen is gone. */
    List<String> stopSteps() {
        return stopSteps;
    }

    /** Each step of the stop with the seconds since the quit, then the whole stop's. */
    private static List<String> stopLines(PipelineStatus status) {
        long from = status.stoppingSinceNanos();
        if (from < 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (PipelineStatus.Step step : status.stopSteps()) {
            out.add(step.message() + " (at " + seconds(step.atNanos() - from) + ")");
        }
        out.add("the stop took " + seconds(status.phaseSinceNanos() - from));
        return out;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private static void stopScreen(TerminalScreen screen) {
        try {
            screen.stopScreen();
        } catch (IOException | RuntimeException e) {
            // The terminal is gone (its window closed): nothing to restore.
        }
    }

    /** The add-ons' lines: the log, and once the screen runs, its status and feedback lines. */
    static final class Lines implements PipelineExtras.Lines {
        private static final Logger LOG = LoggerFactory.getLogger(PipelineExtras.class);
        private volatile ConsoleBridge bridge;

        @Override
        public void result(String line) {
            progress(line);
        }

        @Override
        public void progress(String line) {
            ConsoleBridge b = bridge;
            if (b != null) {
                b.step(line);
            }
        }

        @Override
        public void notice(String line) {
            LOG.info(line);
            ConsoleBridge b = bridge;
            if (b != null) {
                b.notice(line);
            }
        }
    }

    /** The master as the console names it before the job runs: a local cluster's URL is known once it runs. */
    private static String plannedMaster(Settings settings) {
        int workers = settings.localCluster();
        return workers > 0 ? "local cluster of " + workers + (workers == 1 ? " worker" : " workers") + " (starting)"
                : settings.master();
    }
}

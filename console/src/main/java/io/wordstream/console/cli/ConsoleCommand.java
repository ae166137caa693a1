package io.wordstream.console.cli;

import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import io.wordstream.console.UserError;
import io.wordstream.console.gateway.GatewayConfig;
import io.wordstream.console.gateway.WelcomeMail;
import io.wordstream.console.kafka.ResultsHistory;
import io.wordstream.console.launch.ChildProcesses;
import io.wordstream.console.model.PipelineStatus;
import io.wordstream.console.model.WindowCounts;
import io.wordstream.console.session.AttachedSession;
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
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The terminal UI: the same pipeline as 'run', with an input line, live charts and the job's state on one screen. */
@Command(name = "console", mixinStandardHelpOptions = true, footer = ConfigDefaults.HELP_FOOTER,
        description = {"Start the pipeline as 'run' does, in a full-screen terminal UI: type sentences, watch the"
                + " counts of each window as bar charts, with the job's state and metrics.",
                "This is what 'wordstream' with no arguments runs. q (in keys mode) or Ctrl-C stops the job and the"
                        + " broker; a restart on the same --data-dir shows the same charts again."})
final class ConsoleCommand implements Callable<Integer> {
    /** Windows the console keeps: an hour of the default ten-second windows. */
    static final int HISTORY_WINDOWS = ResultsHistory.WINDOWS;

    @Option(names = "--attach", description = "Draw a pipeline that runs elsewhere ('run', another console) from its"
            + " topics at --bootstrap-server: start no broker and no job; quitting stops nothing.")
    boolean attach;

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    SecurityOptions security;

    @Mixin
    PipelineOptions pipeline;

    @Mixin
    LaunchOptions launch;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    ReportOptions reports;

    @Mixin
    GatewayOptions http;

    @Override
    public Integer call() throws Exception {
        Settings settings = SettingsFactory.forRun(kafka, pipeline, launch, cluster);
        if (attach) {
            settings = Attach.settings(settings, launch.reset);
        }
        GatewayConfig gateway = http.checkedConfig(settings.pipeline().textField());
        settings = SecurityOptions.of(security).forPipeline(settings, gateway, attach, spec.commandLine().getErr(),
                "wordstream");
        if (System.console() == null) {
            throw new UserError("the console needs a terminal (standard input and output are not one); run it in a"
                    + " terminal, or use 'wordstream run' for the pipeline without a screen");
        }
        if (launch.reset) {
            // Asked before the screen opens, on the plain terminal.
            ResetConfirmation.require(settings, System.in, spec.commandLine().getErr());
        }
        ConsoleLog.init(settings);
        // Checked before the screen opens; its lines go to the console's log (the screen shows none yet). Made even
        // without report options: the console's report-now key uses it.
        Logger reportLog = LoggerFactory.getLogger(ReportHook.class);
        // Report and alert lines go to the log and, once the screen runs, to its feedback line.
        AtomicReference<ConsoleBridge> screenLines = new AtomicReference<>();
        Consumer<String> reportLines = line -> {
            reportLog.info(line);
            ConsoleBridge b = screenLines.get();
            if (b != null) {
                b.notice(line);
            }
        };
        PrintWriter warnings = spec.commandLine().getErr();
        ReportHook reportHook = new ReportHook(reports.plan(settings, warnings, http.welcomeMail), reportLines);
        WelcomeMail welcome = http.welcomeMail(reports.mail.mailConfig, warnings, reportLines);
        Terminal terminal = new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
                .setForceTextTerminal(true)
                // Ctrl-C arrives as a key, so quitting goes through the same orderly stop as q.
                .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
                .createTerminal();
        TerminalScreen screen = new TerminalScreen(terminal);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ConsoleController controller;
        Session supervisor = null;
        try (PrintStream log = new PrintStream(new FileOutputStream(
                settings.logDir().resolve("console.log").toFile(), true), true, StandardCharsets.UTF_8)) {
            screen.startScreen();
            // Whatever a library prints from now on would land on the screen: it goes to the log instead.
            System.setOut(log);
            System.setErr(log);
            ConsoleBridge bridge = null;
            try {
                long started = System.nanoTime();
                WindowCounts counts = new WindowCounts(HISTORY_WINDOWS);
                PipelineStatus status = new PipelineStatus(started, settings.bootstrap(), settings.master());
                UiLoop[] loop = new UiLoop[1];
                bridge = new ConsoleBridge(settings, t -> loop[0].execute(t), gateway);
                bridge.reportsBy(reportHook::reportNow);
                bridge.welcomeBy(welcome);
                screenLines.set(bridge);
                supervisor = attach ? new AttachedSession(settings, bridge) : new Supervisor(settings,
                        Install.current(), reportHook.after(bridge), true, launch.reset);
                controller = new ConsoleController(counts, status, settings.pipeline(), bridge, System::nanoTime);
                if (attach) {
                    controller.attached();
                }
                loop[0] = new UiLoop(screen, controller, ZoneId.systemDefault(), System::nanoTime);
                ConsoleController c = controller;
                Signals.onInterruptOrTerminate(() -> loop[0].execute(c::quit));
                bridge.start(supervisor, controller);
                loop[0].run();
            } finally {
                if (bridge != null) {
                    bridge.close();
                }
                reportHook.close();
                if (welcome != null) {
                    welcome.close();
                }
                stopScreen(screen);
                System.setOut(out);
                System.setErr(err);
                ChildProcesses.killDescendants();
            }
        }
        Supervisor.Outcome outcome = supervisor.outcome();
        if (outcome.exitStatus() != 0) {
            // The same status as 'run' for the same failure: 2 for a setting to change, 1 for the pipeline.
            spec.commandLine().getErr().println("wordstream: " + outcome.reason());
            return outcome.exitStatus();
        }
        spec.commandLine().getOut().println(attach ? Attach.detached(settings)
                : "wordstream: stopped; the counts stay in " + settings.dataDir() + " for the next start");
        return 0;
    }

    private static void stopScreen(TerminalScreen screen) {
        try {
            screen.stopScreen();
        } catch (IOException | RuntimeException e) {
            // The terminal is gone (its window closed): nothing to restore.
        }
    }
}

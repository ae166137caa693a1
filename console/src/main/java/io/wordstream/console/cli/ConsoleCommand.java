package io.wordstream.console.cli;

import io.wordstream.console.errors.UserError;
import io.wordstream.console.gateway.GatewayConfig;
import io.wordstream.console.session.PipelineExtras;
import io.wordstream.console.session.Session;
import io.wordstream.console.session.Supervisor;
import io.wordstream.console.settings.Settings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The terminal UI: the same pipeline as 'run', with an input line, live charts and the job's state on one screen. */
@Command(name = "console", mixinStandardHelpOptions = true, footer = ConfigDefaults.HELP_FOOTER,
        description = {"Start the pipeline as 'run' does, in a full-screen terminal UI: type sentences, watch the"
                + " counts of each window as bar charts, with the job's state and metrics.",
                "This is what 'wordstream' with no arguments runs. q (in keys mode) or Ctrl-C stops the job and the"
                        + " broker; a restart on the same --data-dir shows the same charts again."})
final class ConsoleCommand implements Callable<Integer> {
    @Option(names = "--attach", description = "Draw a pipeline that runs elsewhere ('run', another console) from its"
            + " topics at --bootstrap-server: start no broker and no job; quitting stops nothing.")
    boolean attach;

    @Mixin
    PipelineCommandOptions options;

    @Override
    public Integer call() throws Exception {
        Settings settings = options.settings();
        if (attach) {
            settings = Attach.settings(settings, options.reset());
        }
        GatewayConfig gateway = options.gatewayConfig(settings);
        settings = options.secured(settings, gateway, attach, "wordstream");
        if (System.console() == null) {
            throw new UserError("the console needs a terminal (standard input and output are not one); run it in a"
                    + " terminal, or use 'wordstream run' for the pipeline without a screen");
        }
        PrintWriter err = options.err();
        if (options.reset()) {
            // Asked before the screen opens, on the plain terminal.
            ResetConfirmation.require(settings, System.in, err);
        }
        ConsoleLog.init(settings);
        ConsoleScreen.Lines lines = new ConsoleScreen.Lines();
        Session session;
        ConsoleScreen screen = new ConsoleScreen(settings, attach, options.reset());
        // Checked before the screen opens, so their warnings show on the plain terminal.
        try (PipelineExtras extras = options.extras(settings, gateway, err, lines, true)) {
            session = screen.run(extras, lines);
        }
        // What the screen showed of the stop stays on the terminal.
        screen.stopSteps().forEach(step -> options.out().println("wordstream: " + step));
        Supervisor.Outcome outcome = session.outcome();
        if (outcome.exitStatus() != 0) {
            // The same status as 'run' for the same failure: 2 for a setting to change, 1 for the pipeline.
            err.println("wordstream: " + outcome.reason());
            return outcome.exitStatus();
        }
        options.out().println(attach ? Attach.detached(settings)
                : "wordstream: stopped; the counts stay in " + settings.dataDir() + " for the next start");
        return 0;
    }
}

package io.wordstream.console.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.wordstream.console.errors.PipelineFailure;
import io.wordstream.console.errors.UserError;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;

/**
 * Builds the command line: defaults from config files and environment, one-line errors, exit codes
 * (0 done, 1 failed, 2 the operator must change something).
 */
public final class Cli {
    /** Columns of the usage help: the common terminal's. */
    private static final int USAGE_WIDTH = 80;

    private Cli() {
    }

    /**
     * The arguments to run: in a terminal, none at all (or only options, such as {@code --data-dir}) means the
     * terminal UI, the operator's one command; without a terminal (a script, a pipe) a bare run prints the usage
     * instead of failing for want of a screen.
     */
    public static String[] arguments(String[] args, boolean terminal) {
        boolean consoleOptions = args.length > 0 && args[0].startsWith("-")
                && !Set.of("-h", "--help", "-V", "--version").contains(args[0]);
        // Options alone name the console even without a terminal: it then says it needs one, and what to use.
        if (consoleOptions || terminal && args.length == 0) {
            String[] withCommand = new String[args.length + 1];
            withCommand[0] = "console";
            System.arraycopy(args, 0, withCommand, 1, args.length);
            return withCommand;
        }
        return args;
    }

    /** The command line of the console's process, for these arguments, printing to standard out and err. */
    public static CommandLine create(String[] args) {
        return create(ConfigDefaults.standard(), utf8(System.out), utf8(System.err), args);
    }

    private static PrintWriter utf8(OutputStream stream) {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, UTF_8)), true);
    }

    /** A command line with every subcommand, the given defaults and streams, so tests can capture what it prints. */
    public static CommandLine create(ConfigDefaults defaults, PrintWriter out, PrintWriter err) {
        return create(defaults, out, err, WordstreamCommand.SUBCOMMANDS);
    }

    /**
     * A command line to execute {@code args} with: only the subcommand they name, when they name one (see
     * {@link WordstreamCommand#subcommandsFor}), as picocli reads the annotations of every command it is given
     * before it parses anything, which is most of a command's start.
     */
    public static CommandLine create(ConfigDefaults defaults, PrintWriter out, PrintWriter err, String[] args) {
        return create(defaults, out, err, WordstreamCommand.subcommandsFor(args));
    }

    private static CommandLine create(ConfigDefaults defaults, PrintWriter out, PrintWriter err,
                                      List<Class<?>> commands) {
        CommandLine cl = new CommandLine(new WordstreamCommand());
        // Before the settings below: picocli passes them on to the subcommands it has at the time.
        commands.forEach(cl::addSubcommand);
        // Every duration option reads 10s, 2m, 1h as the job does, not picocli's ISO-8601 PT10S.
        cl.registerConverter(Duration.class, new DurationConverter());
        cl.setDefaultValueProvider(defaults);
        cl.setOut(out);
        cl.setErr(err);
        ConfigDefaults.describeIn(cl);
        HelpWrap.apply(cl, USAGE_WIDTH);
        cl.setParameterExceptionHandler(Cli::onBadArguments);
        cl.setExecutionExceptionHandler(Cli::onFailure);
        IExecutionStrategy run = cl.getExecutionStrategy();
        // picocli drops the error of an unknown command when --help follows it: it is still an error.
        cl.setExecutionStrategy(parsed -> {
            if (!parsed.unmatched().isEmpty()) {
                throw new CommandLine.UnmatchedArgumentException(cl, parsed.unmatched());
            }
            // A settings file that cannot be read stops every command but help and version, which need none.
            if (defaults.problem() != null && !helpOnly(parsed)) {
                List<CommandLine> chain = parsed.asCommandLineList();
                CommandLine last = chain.get(chain.size() - 1);
                last.getErr().println(last.getCommandSpec().qualifiedName() + ": " + defaults.problem());
                return CommandLine.ExitCode.USAGE;
            }
            OnceEach.check(parsed);
            return run.execute(parsed);
        });
        return cl;
    }

    /** Whether only help, the version or a command that takes no option values was asked for. */
    private static boolean helpOnly(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
                return true;
            }
        }
        List<CommandLine> chain = parsed.asCommandLineList();
        return chain.get(chain.size() - 1).getCommandSpec().options().stream().allMatch(o -> o.arity().max() == 0);
    }

    /** One line naming the problem and where help is, never a page of usage. */
    private static int onBadArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        if (e instanceof CommandLine.UnmatchedArgumentException u && cmd.getParent() == null
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            cmd.getErr().println(name + ": '" + u.getUnmatched().get(0) + "' is not a command; the commands are "
                    + String.join(", ", cmd.getSubcommands().keySet()) + " (see '" + name + " --help')");
            return CommandLine.ExitCode.USAGE;
        }
        // Our converters' messages name the option and what it takes: picocli's prefix would say it twice.
        String message = e.getCause() instanceof TypedOptions.Refused r ? r.getMessage() : e.getMessage();
        cmd.getErr().println(name + ": " + message.strip() + " (see '" + name + " --help')");
        return CommandLine.ExitCode.USAGE;
    }

    private static int onFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        String name = cmd.getCommandSpec().qualifiedName();
        if (e instanceof UserError) {
            cmd.getErr().println(name + ": " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        if (e instanceof PipelineFailure) {
            cmd.getErr().println(name + ": " + e.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        }
        if (e instanceof IllegalArgumentException) {
            cmd.getErr().println(name + ": " + e.getMessage() + " (see '" + name + " --help')");
            return CommandLine.ExitCode.USAGE;
        }
        LoggerFactory.getLogger(Cli.class).error("{} failed", name, e);
        cmd.getErr().println(name + ": unexpected error: " + e + " (details in the console log under the data"
                + " dir's logs/)");
        return CommandLine.ExitCode.SOFTWARE;
    }
}

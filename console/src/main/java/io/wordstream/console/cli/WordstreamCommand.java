package io.wordstream.console.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root command: lists the subcommands and prints its usage when run bare without a terminal (in a terminal,
 * {@link Cli#arguments} makes a bare run the terminal UI).
 */
@Command(name = "wordstream",
        mixinStandardHelpOptions = true,
        versionProvider = WordstreamCommand.Version.class,
        description = "Live word counts per time window: sentences into Kafka, counted by Spark Structured Streaming,"
                + " results back to Kafka.",
        footer = {"", "'wordstream' alone, in a terminal, starts the console. Without a screen, 'wordstream run' starts"
                + " the pipeline; 'send' and 'watch' in another terminal use it.",
            "",
            "Examples:",
            "  wordstream                               the console, on the default data dir",
            "  wordstream --data-dir /tmp/ws            the console, its state under /tmp/ws",
            "  wordstream run --broker-port 9093        the pipeline without a screen",
            "  wordstream send \"Spark streams words\"    one sentence to a running pipeline",
            "  wordstream watch --from-now              the counts of each new micro-batch",
            "  wordstream run --bootstrap-server kafka1.example.com:9092 --window 30s",
            "  wordstream COMMAND --help                the options of one command",
            ConfigDefaults.HELP_FOOTER})
public final class WordstreamCommand implements Runnable {
    /** The subcommands, in the order the usage lists them ({@link Cli} adds them). */
    static final List<Class<?>> SUBCOMMANDS = List.of(ConsoleCommand.class, RunCommand.class, SendCommand.class,
            WatchCommand.class, ReportCommand.class, GatewayCommand.class, OwnJvmCommands.Soak.class,
            OwnJvmCommands.Bench.class, BrokerCommand.class, MasterCommand.class, WorkerCommand.class,
            CertsCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class);
    /** Subcommands that read the whole tree: help describes any command, completion every one. */
    private static final Set<Class<?>> READ_THE_TREE = Set.of(CompletionCommand.class, CommandLine.HelpCommand.class);

    @Spec
    CommandSpec spec;

    /**
     * The subcommands a command line needs for {@code args}: none to print the version, the one it names when that
     * one needs no other, else all of them (the usage lists them, an unknown command's error names them).
     */
    static List<Class<?>> subcommandsFor(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return List.of();
        }
        if (args.length > 0) {
            for (Class<?> c : SUBCOMMANDS) {
                if (c.getAnnotation(Command.class).name().equals(args[0]) && !READ_THE_TREE.contains(c)) {
                    return List.of(c);
                }
            }
        }
        return SUBCOMMANDS;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version of the build, and of the Spark and Kafka it was built with. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            String resource = "/io/wordstream/console/version.properties";
            try (InputStream in = WordstreamCommand.class.getResourceAsStream(resource)) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"wordstream " + p.getProperty("version", "unknown")
                    + " (Spark " + p.getProperty("spark", "?") + ", Kafka " + p.getProperty("kafka", "?") + ")"};
        }
    }
}

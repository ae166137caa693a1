package io.wordstream.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.launch.DataDirLock;
import io.wordstream.console.settings.RecordedKafka;
import io.wordstream.console.settings.Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as an operator meets it: help, versions, and one clear line for every bad argument. */
class CliTest {
    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Cli.create(new ConfigDefaults(Map.of()), new PrintWriter(out, true),
                new PrintWriter(err, true), args);
        return cl.execute(args);
    }

    private void assertOneLineError(String expectedStart) {
        String e = err.toString();
        assertTrue(e.startsWith(expectedStart), "stderr was: " + e);
        assertEquals(1, e.lines().count(), "exactly one line on stderr, was: " + e);
        assertTrue(!e.contains("Exception") && !e.contains("\tat "), "no stack trace: " + e);
    }

    @Test
    void bareCommandPrintsUsageWithTheSubcommands() {
        assertEquals(0, run());
        String usage = out.toString();
        for (String command : new String[] {"console", "run", "send", "watch", "soak", "bench", "help"}) {
            assertTrue(usage.contains("\n  " + command + " "), "usage lists " + command + ": " + usage);
        }
    }

    @Test
    void inATerminalNoArgumentsOrOnlyOptionsMeanTheConsole() {
        assertEquals(List.of("console"), List.of(Cli.arguments(new String[0], true)));
        assertEquals(List.of("console", "--data-dir", "/x"),
                List.of(Cli.arguments(new String[] {"--data-dir", "/x"}, true)));
        assertEquals(List.of("--help"), List.of(Cli.arguments(new String[] {"--help"}, true)));
        assertEquals(List.of("run"), List.of(Cli.arguments(new String[] {"run"}, true)));
        assertEquals(List.of(), List.of(Cli.arguments(new String[0], false)),
                "without a terminal a bare run prints the usage");
    }

    @Test
    void theConsoleWithoutATerminalSaysWhatToDoInstead() {
        // The tests' standard input and output are not a terminal.
        assertEquals(2, run("console", "--data-dir", dataDir.toString()));
        assertOneLineError("wordstream console: the console needs a terminal (standard input and output are not one);"
                + " run it in a terminal, or use 'wordstream run' for the pipeline without a screen");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String command : new String[] {"console", "run", "send", "watch"}) {
            out.getBuffer().setLength(0);
            assertEquals(0, run(command, "--help"));
            assertTrue(out.toString().startsWith("Usage: wordstream " + command), out.toString());
            String help = out.toString().replaceAll("\\s+", " ");
            assertTrue(help.contains("WORDSTREAM_BROKER_PORT=9093 sets --broker-port"), command + ": " + help);
            assertTrue(help.contains("WORDSTREAM_CONFIG"), command + ": " + help);
        }
        assertTrue(out.toString().contains("--bootstrap-server"));
    }

    @Test
    void aCommandLineWithOnlyTheNamedCommandPrintsWhatTheWholeTreePrints() {
        ConfigDefaults defaults = new ConfigDefaults(Map.of("window", "30s"));
        List<String[]> lines = new ArrayList<>(List.of(new String[] {"--version"}, new String[] {"-V"}));
        for (Class<?> command : WordstreamCommand.SUBCOMMANDS) {
            lines.add(new String[] {command.getAnnotation(CommandLine.Command.class).name(), "--help"});
        }
        for (String[] args : lines) {
            String name = String.join(" ", args);
            StringWriter whole = new StringWriter();
            StringWriter alone = new StringWriter();
            int wholeStatus = Cli.create(defaults, new PrintWriter(whole, true), new PrintWriter(whole, true))
                    .execute(args);
            int aloneStatus = Cli.create(defaults, new PrintWriter(alone, true), new PrintWriter(alone, true), args)
                    .execute(args);
            assertEquals(wholeStatus, aloneStatus, name);
            assertEquals(whole.toString(), alone.toString(), name + ": the same help, defaults and wrapping");
        }
        assertEquals(List.of(RunCommand.class), WordstreamCommand.subcommandsFor(new String[] {"run", "--help"}));
        assertEquals(List.of(), WordstreamCommand.subcommandsFor(new String[] {"--version"}));
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "run"}, {"completion"}, {"nothing"}}) {
            assertEquals(WordstreamCommand.SUBCOMMANDS, WordstreamCommand.subcommandsFor(args),
                    "every command for " + List.of(args));
        }
    }

    @Test
    void helpBreaksLinesOnlyAtSpacesAndEndsWithExamples() {
        String dataDirDefault = Settings.defaultDataDir().toString();
        for (String command : new String[] {"console", "run", "send", "watch"}) {
            out.getBuffer().setLength(0);
            assertEquals(0, run(command, "--help"));
            String help = out.toString();
            assertTrue(help.lines().allMatch(l -> l.length() <= 80), help);
            assertTrue(help.contains("--bootstrap-server=HOST:PORT[,HOST:PORT...]"), help);
            assertTrue(help.contains("(default: " + dataDirDefault + ")"), "the data dir's path is never broken: "
                    + help);
        }
        out.getBuffer().setLength(0);
        assertEquals(0, run("--help"));
        String help = out.toString();
        assertTrue(help.lines().allMatch(l -> l.length() <= 80), help);
        assertTrue(help.contains("\nExamples:\n  wordstream  "), help);
        assertTrue(help.contains("\n  wordstream send \"Spark streams words\"  "), help);
    }

    @Test
    void sendAndWatchDescribeTheirOptionsInTheirOwnWords() {
        assertEquals(0, run("send", "--help"));
        String send = out.toString();
        assertTrue(send.contains("'send' starts no broker") && !send.contains("'run' starts an embedded broker"),
                send);
        assertTrue(send.contains("Exit status: 0 all sent"), send);
        out.getBuffer().setLength(0);
        assertEquals(0, run("watch", "--help"));
        String watch = out.toString();
        assertTrue(watch.contains("'watch' starts no broker") && !watch.contains("'run' starts an embedded broker"),
                watch);
        assertTrue(watch.contains("once per micro-batch"), watch);
    }

    @Test
    void runHelpShowsTheDefaultsAndTheCandidates() {
        assertEquals(0, run("run", "--help"));
        String help = out.toString();
        assertTrue(help.contains("(default: 10s)"), help);
        assertTrue(help.contains("(default: local[2])"), help);
        assertTrue(help.contains("(default: S,P,R)"), help);
        String flat = help.replaceAll("\\s+", " ");
        assertTrue(flat.contains("One of default, seed."), flat);
        assertTrue(flat.contains("One of kafka, socket."), flat);
    }

    @Test
    void versionNamesSparkAndKafka() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().matches("(?s)wordstream \\S+ \\(Spark 3\\.5\\.7, Kafka 4\\.4\\.0\\)\\s*"),
                out.toString());
    }

    @Test
    void aDurationThatIsNotOneIsNamed() {
        assertEquals(2, run("run", "--window", "abc"));
        assertOneLineError("wordstream run: Invalid value for option '--window': 'abc' is not a duration");
        assertTrue(!err.toString().contains("500ms"), "no example that --window refuses: " + err);
        assertTrue(err.toString().contains("10s"), err.toString());
    }

    @Test
    void anUnknownCommandNamesItselfAndListsTheCommands() {
        assertEquals(2, run("frobnicate"));
        assertOneLineError("wordstream: 'frobnicate' is not a command; the commands are console, run, send, watch,"
                + " report, gateway, soak, bench, broker, master, worker, certs, completion, help"
                + " (see 'wordstream --help')");
    }

    @Test
    void helpOfAnUnknownCommandIsAnErrorNotTheTopLevelHelp() {
        assertEquals(2, run("frobnicate", "--help"));
        assertOneLineError("wordstream: 'frobnicate' is not a command; the commands are console, run, send, watch,"
                + " report, gateway, soak, bench, broker, master, worker, certs, completion, help"
                + " (see 'wordstream --help')");
        assertEquals("", out.toString());
    }

    @Test
    void optionsWithoutACommandAndWithoutATerminalMeanTheConsoleAndSaySo() {
        String[] args = Cli.arguments(new String[] {"--data-dir", dataDir.toString()}, false);
        assertEquals(2, run(args));
        assertOneLineError("wordstream console: the console needs a terminal (standard input and output are not one);"
                + " run it in a terminal, or use 'wordstream run' for the pipeline without a screen");
    }

    @Test
    void aBrokerPortOutOfRangeIsNamedAsSuch() {
        assertEquals(2, run("run", "--data-dir", dataDir.toString(), "--broker-port", "99999"));
        assertOneLineError("wordstream run: --broker-port 99999 is not a TCP port; choose one from 1 to 65535");
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertEquals(2, run("run", "--colour", "red"));
        assertOneLineError("wordstream run: Unknown options: '--colour', 'red'");
    }

    @Test
    void settingsThatCannotWorkTogetherAreNamed() {
        assertEquals(2, run("run", "--data-dir", dataDir.toString(), "--window", "10s", "--slide", "20s"));
        assertOneLineError("wordstream run: --slide must be between 1s and the window (10s)");
    }

    @Test
    void aStartTimeoutOfZeroIsNamed() {
        assertEquals(2, run("run", "--data-dir", dataDir.toString(), "--start-timeout", "0s"));
        assertOneLineError("wordstream run: --start-timeout must be longer than zero (default: ");
    }

    @Test
    void badLettersAndLengthsAreNamed() {
        assertEquals(2, run("run", "--data-dir", dataDir.toString(), "--letters", "S,PR"));
        assertOneLineError("wordstream run: --letters takes single letters");
        err.getBuffer().setLength(0);
        assertEquals(2, run("run", "--data-dir", dataDir.toString(), "--lengths", "6,eight"));
        assertOneLineError("wordstream run: --lengths takes positive whole numbers separated by commas, got 'eight'");
        err.getBuffer().setLength(0);
        assertEquals(2, run("run", "--data-dir", dataDir.toString(), "--tokenizer", "fancy"));
        assertOneLineError("wordstream run: 'fancy' is not a tokenizer (choose default or seed)");
    }

    @Test
    void aBrokerPortInUseIsNamedWithTheWayOut() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            assertEquals(2, run("run", "--data-dir", dataDir.toString(), "--broker-port",
                    Integer.toString(taken.getLocalPort())));
            assertOneLineError("wordstream run: port " + taken.getLocalPort() + " on 127.0.0.1 is held by a program"
                    + " that is not a Kafka broker; pass --broker-port to choose another port");
            assertTrue(System.nanoTime() - start < 30_000_000_000L, "answers without waiting on anything");
        }
    }

    @Test
    void anUnreachableBootstrapServerIsNamed() {
        int closed = closedPort();
        for (String command : new String[] {"run", "send", "watch"}) {
            err.getBuffer().setLength(0);
            String[] args = command.equals("send")
                    ? new String[] {command, "--data-dir", dataDir.toString(), "--bootstrap-server",
                            "127.0.0.1:" + closed, "hello"}
                    : new String[] {command, "--data-dir", dataDir.toString(), "--bootstrap-server",
                            "127.0.0.1:" + closed};
            assertEquals(2, run(args), command);
            assertOneLineError("wordstream " + command + ": cannot reach Kafka at 127.0.0.1:" + closed);
        }
    }

    @Test
    void sendAndWatchUseTheKafkaThePipelineRecordedAndSayWhereTheAddressCameFrom() {
        int closed = closedPort();
        RecordedKafka.write(dataDir, "127.0.0.1:" + closed);
        for (String command : new String[] {"send", "watch"}) {
            err.getBuffer().setLength(0);
            String[] args = command.equals("send")
                    ? new String[] {command, "--data-dir", dataDir.toString(), "hello"}
                    : new String[] {command, "--data-dir", dataDir.toString()};
            assertEquals(2, run(args), command);
            assertOneLineError("wordstream " + command + ": cannot reach Kafka at 127.0.0.1:" + closed
                    + " (recorded in " + dataDir + " by the pipeline last started there) within 5 s; start the"
                    + " pipeline on this data dir with 'wordstream run' or the console, or give --bootstrap-server");
            assertTrue(!err.toString().contains("leave"), "send and watch start no broker: " + err);
        }
        err.getBuffer().setLength(0);
        int other = closedPort();
        assertEquals(2, run("send", "--data-dir", dataDir.toString(), "--broker-port", Integer.toString(other), "x"));
        assertOneLineError("wordstream send: cannot reach Kafka at 127.0.0.1:" + other + " (from --broker-port)");
    }

    @Test
    void aBootstrapServerThatIsNotAnAddressIsNamed() {
        assertEquals(2, run("send", "--data-dir", dataDir.toString(), "--bootstrap-server", "no-port-here", "x"));
        assertOneLineError("wordstream send: cannot use Kafka at 'no-port-here'");
    }

    @Test
    void aMissingKafkaConfigFileIsNamed() {
        assertEquals(2, run("send", "--data-dir", dataDir.toString(), "--kafka-config", "/nonexistent.properties",
                "x"));
        assertOneLineError("wordstream send: --kafka-config /nonexistent.properties is not a readable file");
    }

    @Test
    void aSecondPipelineOnTheSameDataDirIsRefused() throws IOException {
        try (var lock = DataDirLock.acquire(dataDir)) {
            assertEquals(2, run("run", "--data-dir", dataDir.toString(), "--broker-port",
                    Integer.toString(closedPort())));
            assertOneLineError("wordstream run: another wordstream (pid " + ProcessHandle.current().pid()
                    + ") is running on data dir " + dataDir);
        }
        assertTrue(Files.exists(dataDir.resolve("wordstream.lock")));
    }

    @Test
    void badSourceAndClusterOptionsAreNamed() {
        String[][] cases = {
            {"--source", "udp"}, {"--socket", "127.0.0.1:9999"}, {"--source", "socket", "--socket", "nocolon"},
            {"--local-cluster", "99"}, {"--driver-memory", "lots"}, {"--driver-memory", "287m"}};
        String[] expected = {
            "wordstream run: 'udp' is not a source (choose kafka or socket)",
            "wordstream run: --socket goes with --source socket",
            "wordstream run: --socket takes HOST:PORT, got 'nocolon'",
            "wordstream run: --local-cluster takes a number of workers from 1 to 16, got 99",
            "wordstream run: --driver-memory takes a size such as 512m or 2g, got 'lots'",
            "wordstream run: --driver-memory must be at least 288m (the smallest heap the Spark job is measured with),"
                    + " got 287m"};
        for (int i = 0; i < cases.length; i++) {
            err.getBuffer().setLength(0);
            String[] args = new String[cases[i].length + 3];
            args[0] = "run";
            args[1] = "--data-dir";
            args[2] = dataDir.toString();
            System.arraycopy(cases[i], 0, args, 3, cases[i].length);
            assertEquals(2, run(args), String.join(" ", cases[i]));
            assertOneLineError(expected[i]);
        }
    }

    @Test
    void defaultsComeFromTheProvider() {
        CommandLine cl = Cli.create(new ConfigDefaults(Map.of("window", "nonsense")), new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertEquals(2, cl.execute("run", "--data-dir", dataDir.toString()));
        assertTrue(err.toString().contains("'nonsense' is not a duration"), err.toString());
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

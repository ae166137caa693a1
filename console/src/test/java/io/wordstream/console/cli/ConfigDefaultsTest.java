package io.wordstream.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Defaults from the shipped config/, the user's file and the environment reach only the commands they name. */
class ConfigDefaultsTest {
    /** The shipped config/ of this source tree, as an install reads it. */
    private static final Path SHIPPED = Path.of(System.getProperty("wordstream.home", "..")).resolve("config");

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine cli(ConfigDefaults defaults) {
        return Cli.create(defaults, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private ConfigDefaults shippedWith(Map<String, String> environment) {
        return ConfigDefaults.from(SHIPPED, environment, home);
    }

    private static String flat(String help) {
        return help.replaceAll("\\s+", " ");
    }

    @Test
    void theVersionComposeTellsUsersToExportBreaksNoCommand() {
        ConfigDefaults defaults = shippedWith(Map.of("WORDSTREAM_VERSION", "0.1.0", "WORDSTREAM_HELP", "yes"));
        assertEquals(0, cli(defaults).execute("--version"), err.toString());
        assertTrue(out.toString().startsWith("wordstream "), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, cli(defaults).execute("run", "--version"), err.toString());
        assertEquals(0, cli(defaults).execute("run", "--help"), err.toString());
        assertEquals(0, cli(defaults).execute("worker", "--help"), err.toString());
        assertEquals("", err.toString());
    }

    @Test
    void aWorkerWithoutMasterSaysItNeedsOneWhateverTheShippedConfigSetsForThePipeline() throws IOException {
        assertTrue(Files.readString(SHIPPED.resolve("wordstream.properties")).contains("\nmaster=local[2]"),
                "the shipped config sets the pipeline's master, the case this test is about");
        ConfigDefaults defaults = shippedWith(Map.of("WORDSTREAM_VERSION", "0.1.0", "WORDSTREAM_DATA_DIR",
                home.toString()));
        assertEquals(2, cli(defaults).execute("worker"));
        assertEquals("wordstream worker: a worker needs --master spark://HOST:PORT (see 'wordstream worker --help')",
                err.toString().strip());
        assertEquals(0, cli(defaults).execute("worker", "--help"));
        String help = flat(out.toString());
        assertTrue(help.contains("--master=spark://HOST:PORT The master to register with."), help);
        assertTrue(!help.contains("local[2]"), help);
        assertTrue(help.contains("a key worker.NAME in config/wordstream.properties"), help);
        out.getBuffer().setLength(0);
        assertEquals(0, cli(defaults).execute("run", "--help"));
        assertTrue(flat(out.toString()).contains("(default: local[2])"), "the pipeline keeps its master");
    }

    @Test
    void plainKeysAreForThePipelineCommandsAndQualifiedKeysForTheirCommand() {
        ConfigDefaults defaults = new ConfigDefaults(Map.of("port", "1234", "data-dir", "/plain", "worker.cores",
                "3", "run.window", "30s", "window", "20s"));
        CommandLine cl = cli(defaults);
        assertEquals("3", defaults.defaultValue(option(cl, "worker", "--cores")));
        assertNull(defaults.defaultValue(option(cl, "master", "--port")), "a plain key is not for a role");
        assertNull(defaults.defaultValue(option(cl, "broker", "--data-dir")), "a plain key is not for a role");
        assertEquals("/plain", defaults.defaultValue(option(cl, "watch", "--data-dir")));
        assertEquals("30s", defaults.defaultValue(option(cl, "run", "--window")), "qualified wins over plain");
        assertEquals("20s", defaults.defaultValue(option(cl, "console", "--window")));
    }

    @Test
    void theEnvironmentWinsOverTheFilesAndFlagsTakeNothingFromOutside() throws IOException {
        Path user = Files.writeString(home.resolve("user.properties"), "run.window=40s\nwindow=50s\n");
        ConfigDefaults defaults = shippedWith(Map.of("WORDSTREAM_CONFIG", user.toString(), "WORDSTREAM_WINDOW",
                "60s", "WORDSTREAM_RESET", "true", "WORDSTREAM_JSON", "true"));
        CommandLine cl = cli(defaults);
        assertEquals("60s", defaults.defaultValue(option(cl, "run", "--window")), "the environment is strongest");
        assertEquals("60s", defaults.defaultValue(option(cl, "console", "--window")));
        assertEquals("S,P,R", defaults.defaultValue(option(cl, "run", "--letters")), "the shipped file");
        assertNull(defaults.defaultValue(option(cl, "run", "--reset")), "a flag is set on the command line only");
        assertNull(defaults.defaultValue(option(cl, "watch", "--json")));
    }

    @Test
    void aSettingsFileThatIsNotThereStopsCommandsButNotHelp() {
        ConfigDefaults defaults = shippedWith(Map.of("WORDSTREAM_CONFIG", home.resolve("nope.properties")
                .toString()));
        assertEquals(0, cli(defaults).execute("run", "--help"));
        assertEquals(0, cli(defaults).execute("--version"));
        assertEquals(2, cli(defaults).execute("watch", "--timeout", "1s"));
        assertEquals("wordstream watch: WORDSTREAM_CONFIG names " + home.resolve("nope.properties")
                + ", which does not exist", err.toString().strip());
    }

    @Test
    void eachCommandsHelpSaysWhichKeysItTakes() {
        for (String command : ConfigDefaults.PIPELINE_COMMANDS) {
            out.getBuffer().setLength(0);
            assertEquals(0, cli(new ConfigDefaults(Map.of())).execute(command, "--help"));
            String help = flat(out.toString());
            assertTrue(help.contains("A key NAME (WORDSTREAM_BROKER_PORT=9093 sets --broker-port) is for console, run,"
                    + " send, watch, report, gateway; a key COMMAND.NAME (run.window=30s) only for that command."),
                    command + ": " + help);
        }
        for (String role : new String[] {"broker", "master", "worker"}) {
            out.getBuffer().setLength(0);
            assertEquals(0, cli(new ConfigDefaults(Map.of())).execute(role, "--help"));
            assertTrue(flat(out.toString()).contains("Plain keys and WORDSTREAM_ variables are not for '" + role
                    + "'."), out.toString());
        }
    }

    private static CommandLine.Model.OptionSpec option(CommandLine cl, String command, String name) {
        return cl.getSubcommands().get(command).getCommandSpec().findOption(name);
    }
}

package io.wordstream.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.common.PipelineSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The shared options live in picocli option groups (sections of --help): their defaults still come from the
 * settings files and the environment, typed or not, and each option is still taken once.
 */
class OptionGroupsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine cli(Map<String, String> defaults) {
        return Cli.create(new ConfigDefaults(defaults), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void defaultsReachEveryGroupAlsoWhenNoOptionOfTheGroupIsTyped() {
        CommandLine cl = cli(Map.of("window", "30s", "data-dir", "/tmp/from-defaults", "master", "local[3]",
                "driver-host", "10.1.2.3", "report-every", "1h", "mail-to", "ops@example.com", "http-rate", "7",
                "results-topic", "counted", "mail-config", "/tmp/mail.properties"));
        // One Kafka option typed: the other groups see none of theirs.
        cl.parseArgs("run", "--topics", "typed");
        PipelineCommandOptions o = cl.getSubcommands().get("run").<RunCommand>getCommand().options;
        assertEquals(List.of("typed"), o.client.kafka.topics);
        assertEquals("counted", o.client.kafka.resultsTopic, "a default beside a typed option of its group");
        assertEquals(Path.of("/tmp/from-defaults"), o.client.kafka.dataDir);
        assertEquals(Duration.ofSeconds(30), o.pipeline.window);
        assertEquals(PipelineSettings.DEFAULT_TEXT_FIELD, o.pipeline.textField, "an option's own default");
        assertEquals("local[3]", o.launch.master);
        assertEquals("10.1.2.3", o.cluster.driverHost);
        assertEquals(Duration.ofHours(1), o.reports.reportEvery);
        assertEquals("ops@example.com", o.reports.mail.mailTo, "a group inside a group");
        assertEquals(Path.of("/tmp/mail.properties"), o.reports.mail.smtp.file, "a group three deep");
        assertEquals(7, o.http.rate);
        assertNull(o.http.port);
    }

    @Test
    void withNoDefaultsEachOptionHasItsOwn() {
        CommandLine cl = cli(Map.of());
        cl.parseArgs("console");
        PipelineCommandOptions o = cl.getSubcommands().get("console").<ConsoleCommand>getCommand().options;
        assertEquals(Duration.ofSeconds(10), o.pipeline.window);
        assertEquals("local[2]", o.launch.master);
        assertEquals(9092, o.client.kafka.brokerPort);
        assertEquals(65536, o.http.maxBody);
        assertTrue(o.reports.alertWords.isEmpty());
    }

    @Test
    void theRolesShareHostPortAndDataDirWithTheirOwnDefaults() {
        // Defaults are scoped (issue 34): a role takes its own COMMAND.NAME keys, the plain ones are the pipeline's.
        CommandLine cl = cli(Map.of("broker.data-dir", "/tmp/role", "data-dir", "/tmp/pipeline"));
        cl.parseArgs("broker");
        BrokerCommand broker = cl.getSubcommands().get("broker").getCommand();
        assertEquals(9092, broker.clientPort.port);
        assertEquals("127.0.0.1", broker.role.host);
        assertEquals(Path.of("/tmp/role"), broker.role.dataDir);
        cl.parseArgs("master");
        assertEquals(7077, cl.getSubcommands().get("master").<MasterCommand>getCommand().clientPort.port);
        assertEquals(8080, cl.getSubcommands().get("master").<MasterCommand>getCommand().ui.port);
        cl.parseArgs("worker");
        assertEquals(8081, cl.getSubcommands().get("worker").<WorkerCommand>getCommand().ui.port);
        CommandLine fromFile = cli(Map.of("master.port", "17077", "master.host", "127.0.0.2"));
        fromFile.parseArgs("master");
        MasterCommand master = fromFile.getSubcommands().get("master").getCommand();
        assertEquals(17077, master.clientPort.port);
        assertEquals("127.0.0.2", master.role.host);
        assertEquals(0, cli(Map.of()).execute("master", "--help"));
        assertTrue(out.toString().contains("Port the master's clients connect to (default: 7077)"), out.toString());
        assertTrue(out.toString().contains("Where the master keeps its files and log"), out.toString());
        assertTrue(cli(Map.of()).getSubcommands().get("worker").getCommandSpec().findOption("--port") == null,
                "a worker has no port of its own");
    }

    @Test
    void anOptionOfAGroupGivenTwiceIsRefusedAsAnyOtherIs() {
        // --partitions 0 would stop each of these before anything starts, should the repetition ever pass.
        assertEquals(2, cli(Map.of()).execute("run", "--window", "5s", "--topics", "a", "--window", "10s",
                "--partitions", "0"));
        assertEquals("wordstream run: option '--window' (DURATION) should be specified only once (see 'wordstream run"
                + " --help')", err.toString().strip());
        err.getBuffer().setLength(0);
        assertEquals(2, cli(Map.of()).execute("run", "--reset", "--reset", "--partitions", "0"));
        assertEquals("wordstream run: option '--reset' should be specified only once (see 'wordstream run --help')",
                err.toString().strip());
        err.getBuffer().setLength(0);
        assertEquals(2, cli(Map.of()).execute("run", "--mail-to", "a@example.com", "--mail-to", "b@example.com",
                "--partitions", "0"));
        assertTrue(err.toString().startsWith("wordstream run: option '--mail-to' (ADDR[,ADDR...]) should be"
                + " specified only once"), err.toString());
        err.getBuffer().setLength(0);
        // The same words as picocli's own, for an option outside any group.
        assertEquals(2, cli(Map.of()).execute("send", "--file", "a", "--file", "b"));
        assertTrue(err.toString().startsWith("wordstream send: option '--file' (FILE) should be specified only once"),
                err.toString());
    }

    @Test
    void optionsThatRepeatByDesignStillRepeat() {
        CommandLine cl = cli(Map.of());
        cl.parseArgs("run", "--conf", "a=1", "--window", "5s", "--conf", "b=2", "--alert-word", "x=1",
                "--alert-word", "y=2", "--http", "0", "--http-allow-origin", "http://127.0.0.1:3000", "--http-rate",
                "5", "--http-allow-origin", "http://localhost:3000");
        PipelineCommandOptions o = cl.getSubcommands().get("run").<RunCommand>getCommand().options;
        assertEquals(Map.of("a", "1", "b", "2"), o.launch.sparkConf);
        assertEquals(Map.of("x", 1L, "y", 2L), o.reports.alertWords);
        assertEquals(List.of("http://127.0.0.1:3000", "http://localhost:3000"), o.http.allowOrigins);
        assertEquals(5, o.http.rate);
        assertEquals(Duration.ofSeconds(5), o.pipeline.window);
    }

    @Test
    void helpShowsEachGroupAsASection() {
        assertEquals(0, cli(Map.of()).execute("run", "--help"));
        String help = out.toString();
        List<String> headings = List.of("Kafka", "Pipeline", "Spark and launch", "Cluster over several hosts",
                "Reports, alerts and mail", "HTTP gateway", "Prometheus");
        int last = -1;
        for (String h : headings) {
            int at = help.indexOf("\n\n" + h + "\n");
            assertTrue(at > last, h + " after the one before it in " + help);
            last = at;
        }
        assertTrue(help.indexOf("      --bootstrap-server=") > help.indexOf("\nKafka\n"), help);
        assertTrue(help.indexOf("      --http-rate=") > help.indexOf("\nHTTP gateway\n"), help);
        out.getBuffer().setLength(0);
        assertEquals(0, cli(Map.of()).execute("send", "--help"));
        assertTrue(out.toString().contains("\n\nKafka\n"), out.toString());
    }
}

package io.wordstream.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'wordstream gateway' refuses what cannot work in one line, before it talks to Kafka. */
class GatewayCommandTest {
    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.create(new ConfigDefaults(Map.of()), new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }

    private void assertOneLine(String expected) {
        assertEquals(expected, err.toString().strip());
        err.getBuffer().setLength(0);
    }

    @Test
    void badOptionsAreNamedWithTheWayOut() throws IOException {
        String dir = dataDir.toString();
        assertEquals(2, run("gateway", "--data-dir", dir));
        assertOneLine("wordstream gateway: give the gateway's port with --http PORT (0 for any free port)"
                + " (see 'wordstream gateway --help')");
        assertEquals(2, run("gateway", "--data-dir", dir, "--http", "70000"));
        assertOneLine("wordstream gateway: --http takes a TCP port (1-65535, or 0 for any free one), got 70000"
                + " (see 'wordstream gateway --help')");
        assertEquals(2, run("gateway", "--data-dir", dir, "--http", "0", "--http-max-body", "300000"));
        assertOneLine("wordstream gateway: --http-max-body takes 1 to 262144 bytes, got 300000"
                + " (see 'wordstream gateway --help')");
        assertEquals(2, run("gateway", "--data-dir", dir, "--http", "0", "--http-rate", "0"));
        assertOneLine("wordstream gateway: --http-rate must be at least 1 request per second, got 0"
                + " (see 'wordstream gateway --help')");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(2, run("gateway", "--data-dir", dir, "--http", Integer.toString(taken.getLocalPort())));
            assertOneLine("wordstream gateway: port " + taken.getLocalPort() + " on 127.0.0.1 is already in use;"
                    + " choose another --http port or --http-host");
            // 'run' checks its --http port before it starts anything.
            assertEquals(2, run("run", "--data-dir", dir, "--broker-port", Integer.toString(freePort()), "--http",
                    Integer.toString(taken.getLocalPort())));
            assertOneLine("wordstream run: port " + taken.getLocalPort() + " on 127.0.0.1 is already in use;"
                    + " choose another --http port or --http-host");
        }
    }

    @Test
    void theWelcomeMailNeedsTheGatewayAndAMailSettingsFile() throws IOException {
        String dir = dataDir.toString();
        assertEquals(2, run("gateway", "--data-dir", dir, "--http", "0", "--welcome-mail"));
        assertOneLine("wordstream gateway: --welcome-mail needs --mail-config FILE with the SMTP settings"
                + " (see 'wordstream gateway --help')");
        Path noHost = dataDir.resolve("mail.properties");
        Files.writeString(noHost, "port=25\n");
        assertEquals(2, run("gateway", "--data-dir", dir, "--http", "0", "--welcome-mail", "--mail-config",
                noHost.toString()));
        assertOneLine("wordstream gateway: the mail settings file " + noHost + " names no SMTP server: add"
                + " host=smtp.example.org (see docs/reports.md)");
        assertEquals(2, run("gateway", "--data-dir", dir, "--http", "0", "--mail-config", noHost.toString()));
        assertOneLine("wordstream gateway: --mail-config goes with --welcome-mail (see 'wordstream gateway --help')");
        assertEquals(2, run("run", "--data-dir", dir, "--broker-port", Integer.toString(freePort()),
                "--welcome-mail", "--mail-config", noHost.toString()));
        assertOneLine("wordstream run: --welcome-mail goes with --http PORT: the note answers POST /users"
                + " (see 'wordstream run --help')");
    }

    @Test
    void otherOriginsAndTheMetricsPortAreCheckedBeforeAnythingStarts() throws IOException {
        String dir = dataDir.toString();
        assertEquals(2, run("gateway", "--data-dir", dir, "--http", "0", "--http-allow-origin",
                "http://127.0.0.1:3000/cliente"));
        assertOneLine("wordstream gateway: --http-allow-origin takes an origin such as http://127.0.0.1:5173 (scheme,"
                + " host and port as the browser's address bar shows them, no path), or * for any; got"
                + " 'http://127.0.0.1:3000/cliente' (see 'wordstream gateway --help')");
        String broker = Integer.toString(freePort());
        assertEquals(2, run("run", "--data-dir", dir, "--broker-port", broker, "--http-allow-origin",
                "http://localhost:3000"));
        assertOneLine("wordstream run: --http-allow-origin goes with --http PORT: it lets pages of other origins call"
                + " the gateway (see 'wordstream run --help')");
        assertEquals(2, run("gateway", "--data-dir", dir, "--http", "0", "--metrics-port", "70000"));
        assertOneLine("wordstream gateway: --metrics-port takes a TCP port (1-65535, or 0 for any free one), got"
                + " 70000 (see 'wordstream gateway --help')");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(2, run("run", "--data-dir", dir, "--broker-port", broker, "--metrics-port",
                    Integer.toString(taken.getLocalPort())));
            assertOneLine("wordstream run: port " + taken.getLocalPort() + " on 127.0.0.1 is already in use;"
                    + " choose another --metrics-port or --metrics-host");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void helpListsTheLimitsAndTheirDefaults() {
        assertEquals(0, run("gateway", "--help"));
        String help = out.toString();
        assertTrue(help.startsWith("Usage: wordstream gateway"), help);
        for (String option : new String[] {"--http=PORT", "--http-host=ADDRESS", "--http-max-body=BYTES",
                "--http-rate=N", "--http-max-streams=N", "--keep-user-fields", "--text-field=NAME",
            "--http-allow-origin=ORIGIN", "--metrics-port=PORT", "--metrics-host=ADDRESS"}) {
            assertTrue(help.contains(option), option + " in " + help);
        }
        assertTrue(help.contains("(default: 65536, at most 262144)"), help);
    }
}

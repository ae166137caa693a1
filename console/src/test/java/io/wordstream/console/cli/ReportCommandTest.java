package io.wordstream.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'wordstream report' refuses bad input in one line with status 2, before it asks Kafka anything. */
class ReportCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return TestCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private void assertOneLine(String expectedStart) {
        String e = err.toString();
        assertTrue(e.startsWith(expectedStart), "stderr was: " + e);
        assertEquals(1, e.lines().count(), "one line on stderr, was: " + e);
        assertTrue(!e.contains("Exception") && !e.contains("\tat "), "no stack trace: " + e);
    }

    @Test
    void aBadLastIsOneLineAndStatus2() {
        assertEquals(2, run("report", "--data-dir", dir.toString(), "--last", "an hour"));
        assertOneLine("wordstream report: --last: 'an hour' is not a duration");
    }

    @Test
    void aBadFromIsOneLineAndStatus2() {
        assertEquals(2, run("report", "--data-dir", dir.toString(), "--from", "yesterday"));
        assertOneLine("wordstream report: --from: 'yesterday' is not a time");
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        assertEquals(2, run("report", "--data-dir", dir.toString(), "--from", "2026-11-29T18:00Z", "--to",
                "2026-11-29T17:00Z"));
        assertOneLine("wordstream report: --from (2026-11-29T18:00:00Z) must be before --to");
    }

    @Test
    void aBadFormatIsRefused() {
        assertEquals(2, run("report", "--data-dir", dir.toString(), "--format", "xls"));
        assertOneLine("wordstream report: Invalid value for option '--format': 'xls' is not a format: pdf, csv or"
                + " json");
    }

    @Test
    void aMailConfigWithoutAHostIsOneLineAndStatus2() throws Exception {
        Path config = dir.resolve("mail.properties");
        Files.writeString(config, "port=25\nfrom=a@example.org\n");
        assertEquals(2, run("report", "--data-dir", dir.toString(), "--mail-to", "ops@example.org",
                "--mail-config", config.toString()));
        assertOneLine("wordstream report: the mail settings file " + config + " names no SMTP server");
    }

    @Test
    void mailToWithoutAMailConfigIsRefused() {
        assertEquals(2, run("report", "--data-dir", dir.toString(), "--mail-to", "ops@example.org"));
        assertOneLine("wordstream report: --mail-to needs --mail-config FILE");
    }
}

package io.wordstream.console.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.errors.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailConfigTest {
    @TempDir
    Path dir;

    @Test
    void aFileWithoutAHostIsRefusedInOneLine() {
        Path f = SmtpServer.configFile(dir, "port=25\nfrom=a@b.org\n");
        UserError e = assertThrows(UserError.class, () -> MailConfig.load(f));
        assertTrue(e.getMessage().contains("names no SMTP server: add host="), e.getMessage());
    }

    @Test
    void defaultsAreStarttlsOn587AndThePasswordIsNeverShown() {
        MailConfig c = MailConfig.load(SmtpServer.configFile(dir, "host=smtp.example.org\nuser=me@example.org\n"
                + "password=hunter2\n"));
        assertEquals(587, c.port());
        assertEquals(MailConfig.Security.STARTTLS, c.security());
        assertEquals("me@example.org", c.from());
        assertFalse(c.toString().contains("hunter2"), c.toString());
        assertTrue(c.warnings().isEmpty());
    }

    @Test
    void aFileOthersCanReadGetsAWarning() throws Exception {
        Path f = SmtpServer.configFile(dir, "host=smtp.example.org\nfrom=a@b.org\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        MailConfig c = MailConfig.load(f);
        assertEquals(1, c.warnings().size());
        assertTrue(c.warnings().get(0).contains("chmod 600 " + f), c.warnings().get(0));
    }

    @Test
    void badValuesAreNamed() {
        assertTrue(assertThrows(UserError.class, () -> MailConfig.load(SmtpServer.configFile(dir,
                "host=h\nport=x\nfrom=a@b.org\n"))).getMessage().contains("port=x"));
        assertTrue(assertThrows(UserError.class, () -> MailConfig.load(SmtpServer.configFile(dir,
                "host=h\nsecurity=tls\nfrom=a@b.org\n"))).getMessage().contains("security=tls"));
        assertTrue(assertThrows(UserError.class, () -> MailConfig.load(SmtpServer.configFile(dir,
                "host=h\nuser=u\nfrom=a@b.org\n"))).getMessage().contains("no password"));
        assertTrue(assertThrows(UserError.class, () -> MailConfig.load(dir.resolve("missing.properties")))
                .getMessage().contains("cannot read the mail settings file"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReportMailer.recipients("not an address"))
                .getMessage().startsWith("--mail-to"));
    }
}

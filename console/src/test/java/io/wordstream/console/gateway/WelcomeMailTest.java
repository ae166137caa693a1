package io.wordstream.console.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.launch.Ports;
import io.wordstream.console.report.MailConfig;
import io.wordstream.console.report.SmtpServer;
import io.wordstream.testsupport.Poll;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The welcome note of sign-ups, sent to a real SMTP server (GreenMail): once per address, never a credential. */
class WelcomeMailTest {
    @TempDir
    Path dir;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T21:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private static List<MimeMessage> to(SmtpServer smtp, String address) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : smtp.mail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                out.add(m);
            }
        }
        return out;
    }

    @Test
    void eachAddressIsWelcomedOnceADayWithAShortNoteAndNoCredential() throws Exception {
        try (SmtpServer smtp = new SmtpServer()) {
            try (WelcomeMail mail = new WelcomeMail(MailConfig.load(smtp.config(dir, SmtpServer.PASSWORD)),
                    lines::add, clock)) {
                assertEquals(WelcomeMail.Outcome.SENDING, mail.signedUp("Ana\u0007 Lima", "ana@example.org"));
                // A loop of sign-ups with the same address, in other letters: no second note.
                for (int i = 0; i < 20; i++) {
                    assertEquals(WelcomeMail.Outcome.ALREADY_WELCOMED, mail.signedUp("Ana", " ANA@Example.org "));
                }
                now.set(now.get().plus(WelcomeMail.AGAIN_AFTER).minusSeconds(1));
                assertEquals(WelcomeMail.Outcome.ALREADY_WELCOMED, mail.signedUp("Ana", "ana@example.org"));
                assertEquals(WelcomeMail.Outcome.SENDING, mail.signedUp(null, "bruno@example.org"));
                now.set(now.get().plusSeconds(1));
                assertEquals(WelcomeMail.Outcome.SENDING, mail.signedUp("Ana", "ana@example.org"), "a day later");
            }
            // close() waited for the queued notes.
            List<MimeMessage> ana = to(smtp, "ana@example.org");
            assertEquals(2, ana.size(), "one note, and one more a day later");
            MimeMessage note = ana.get(0);
            assertEquals(WelcomeMail.SUBJECT, note.getSubject());
            assertEquals(SmtpServer.FROM, note.getFrom()[0].toString());
            String text = ((String) note.getContent()).replace("\r\n", "\n");
            assertTrue(text.startsWith("Hello Ana Lima,\n\nwelcome to wordstream."), text);
            assertFalse(text.contains(SmtpServer.PASSWORD) || text.contains(SmtpServer.USER)
                    || text.toLowerCase(Locale.ROOT).contains("password"), text);
            assertTrue(((String) to(smtp, "bruno@example.org").get(0).getContent()).startsWith("Hello,"));
            assertEquals(List.of(), lines);
        }
    }

    @Test
    void noAddressOrABadOneSendsNothingAndSaysSoInOneLine() throws Exception {
        try (SmtpServer smtp = new SmtpServer()) {
            try (WelcomeMail mail = new WelcomeMail(MailConfig.load(smtp.config(dir, SmtpServer.PASSWORD)),
                    lines::add, clock)) {
                assertEquals(WelcomeMail.Outcome.NO_ADDRESS, mail.signedUp("Ana", null));
                assertEquals(WelcomeMail.Outcome.NO_ADDRESS, mail.signedUp("Ana", " "));
                assertEquals(List.of(), lines);
                assertEquals(WelcomeMail.Outcome.NOT_AN_ADDRESS, mail.signedUp("Ana", "ana at example.org"));
                assertEquals(WelcomeMail.Outcome.NOT_AN_ADDRESS, mail.signedUp("Ana", "a@b.org, c@d.org"));
            }
            assertEquals(0, smtp.mail.getReceivedMessages().length);
            assertEquals(2, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("welcome mail: a sign-up's email is not a mail address ("),
                    lines.get(0));
            assertTrue(lines.get(0).endsWith("); its sentence was written, no note sent"), lines.get(0));
        }
    }

    @Test
    void aServerThatIsDownIsOneLineAndTheAddressIsWelcomedOnceItIsBack() throws Exception {
        int port = Ports.freePort("127.0.0.1");
        Path config = SmtpServer.configFile(dir, "host=127.0.0.1\nport=" + port + "\nsecurity=none\nuser="
                + SmtpServer.USER + "\npassword=" + SmtpServer.PASSWORD + "\nfrom=" + SmtpServer.FROM + "\n");
        try (WelcomeMail mail = new WelcomeMail(MailConfig.load(config), lines::add, clock)) {
            assertEquals(WelcomeMail.Outcome.SENDING, mail.signedUp("Ana", "ana@example.org"));
            Poll.until(Duration.ofSeconds(30), () -> !lines.isEmpty(), "the line about the server that is down");
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("welcome mail: cannot send mail through 127.0.0.1:" + port
                    + " (none): "), lines.get(0));
            assertFalse(lines.get(0).contains(SmtpServer.PASSWORD));
            try (SmtpServer smtp = new SmtpServer(port)) {
                assertEquals(WelcomeMail.Outcome.SENDING, mail.signedUp("Ana", "ana@example.org"),
                        "the failed note did not count as a welcome");
                assertTrue(smtp.mail.waitForIncomingEmail(30_000, 1));
            }
        }
    }

    @Test
    void notesWaitingForAServerThatDoesNotAnswerAreBoundedAndTheRestDroppedWithALine() throws Exception {
        // A server that takes connections (into its backlog) and never greets: the first note waits on it.
        try (ServerSocket silent = new ServerSocket(0, 200, InetAddress.getLoopbackAddress())) {
            Path config = SmtpServer.configFile(dir, "host=127.0.0.1\nport=" + silent.getLocalPort()
                    + "\nsecurity=none\nfrom=" + SmtpServer.FROM + "\n");
            try (WelcomeMail mail = new WelcomeMail(MailConfig.load(config), lines::add, clock)) {
                List<WelcomeMail.Outcome> outcomes = new ArrayList<>();
                for (int i = 0; i < WelcomeMail.MAX_QUEUED + 3; i++) {
                    outcomes.add(mail.signedUp("n" + i, "n" + i + "@example.org"));
                }
                // One being sent and MAX_QUEUED waiting; the sender may not have taken the first yet.
                long sending = outcomes.stream().filter(o -> o == WelcomeMail.Outcome.SENDING).count();
                assertTrue(sending == WelcomeMail.MAX_QUEUED || sending == WelcomeMail.MAX_QUEUED + 1,
                        outcomes.toString());
                assertEquals(WelcomeMail.Outcome.BUSY, outcomes.get(outcomes.size() - 1));
                assertTrue(lines.contains("welcome mail: " + WelcomeMail.MAX_QUEUED + " notes already wait for"
                        + " 127.0.0.1:" + silent.getLocalPort() + " (none); one was dropped"), lines.toString());
                String dropped = "n" + (WelcomeMail.MAX_QUEUED + 2) + "@example.org";
                assertEquals(WelcomeMail.Outcome.BUSY, mail.signedUp("again", dropped),
                        "a dropped note did not count as a welcome");
                silent.close(); // the waiting connections are reset, the queued notes fail fast
            }
        }
    }

    @Test
    void theNoteHoldsNoControlCharactersAndAShortName() {
        String text = WelcomeMail.text("x".repeat(500) + "\r\nBcc: someone");
        assertTrue(text.startsWith("Hello " + "x".repeat(80) + ",\n"), text);
        assertFalse(text.contains("Bcc"), text);
    }
}

package io.wordstream.console.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts mailed to a real SMTP server: once per event, once per window for a word, rate-limited per kind. */
class AlertsTest {
    static final Instant T0 = Instant.parse("2026-11-29T17:00:00Z");

    @TempDir
    Path dir;

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final TestClock clock = new TestClock();

    private Alerts alerts(SmtpServer smtp, Duration gap) {
        ReportMailer mailer = new ReportMailer(MailConfig.load(smtp.config(dir, SmtpServer.PASSWORD)),
                ReportMailer.recipients("ops@example.org"));
        // Sent on the calling thread: the test then knows every mail is out when raise() returns.
        return new Alerts(mailer, gap, log::add, clock, Runnable::run);
    }

    @Test
    void aWordAlertFiresOncePerWindowNotOncePerRow() throws Exception {
        try (SmtpServer smtp = new SmtpServer()) {
            WordAlerts words = new WordAlerts(Map.of("spark", 4L), alerts(smtp, Duration.ZERO));
            for (Instant window : List.of(T0, T0.plusSeconds(10))) {
                // Running counts of one window as the job writes them, with a duplicate; kafka is not watched.
                for (long count : new long[] {1, 3, 5, 7, 7, 9}) {
                    words.accept(ResultAggregateTest.row(window, "word", "spark", count));
                    words.accept(ResultAggregateTest.row(window, "word", "kafka", count * 10));
                    words.accept(ResultAggregateTest.row(window, "letter", "spark", count * 10));
                }
            }
            words.accept(ResultAggregateTest.row(T0.plusSeconds(20), "word", "spark", 4));
            words.accept("malformed");
            MimeMessage[] mails = smtp.mail.getReceivedMessages();
            assertEquals(2, mails.length);
            assertEquals("wordstream alert: 'spark' counted 5 times in the window " + T0 + " to " + T0.plusSeconds(10)
                    + ", over 4", mails[0].getSubject());
            assertTrue(mails[1].getSubject().contains("window " + T0.plusSeconds(10)), mails[1].getSubject());
        }
    }

    @Test
    void alertsOfOneKindAreRateLimitedAndTheHeldBackOnesNamed() throws Exception {
        try (SmtpServer smtp = new SmtpServer()) {
            Alerts alerts = alerts(smtp, Duration.ofMinutes(10));
            assertTrue(alerts.raise("job", "job stopped", "first"));
            clock.now = T0.plusSeconds(60);
            assertFalse(alerts.raise("job", "job stopped", "second"));
            assertTrue(alerts.raise("kafka", "kafka silent", "other kind"));
            clock.now = T0.plusSeconds(601);
            assertTrue(alerts.raise("job", "job stopped", "third"));
            MimeMessage[] mails = smtp.mail.getReceivedMessages();
            assertEquals(3, mails.length);
            assertTrue(((String) mails[2].getContent()).contains("1 earlier alert(s) of this kind were not mailed"));
            assertEquals(4, log.stream().filter(l -> l.startsWith("alert: ")).count(), log.toString());
        }
    }

    @Test
    void kafkaSilenceAlertsOncePerOutageAfterTheLimit() throws Exception {
        try (SmtpServer smtp = new SmtpServer()) {
            KafkaSilence silence = new KafkaSilence(Duration.ofSeconds(30), alerts(smtp, Duration.ZERO), clock);
            silence.unanswered("127.0.0.1:9");
            clock.now = T0.plusSeconds(30);
            silence.unanswered("127.0.0.1:9");
            assertEquals(0, smtp.mail.getReceivedMessages().length, "not yet over the limit");
            clock.now = T0.plusSeconds(31);
            // No new report from the supervisor: the periodic check alone notices the limit has passed.
            silence.check();
            clock.now = T0.plusSeconds(90);
            silence.unanswered("127.0.0.1:9");
            silence.answered("127.0.0.1:9");
            silence.answered("127.0.0.1:9");
            MimeMessage[] mails = smtp.mail.getReceivedMessages();
            assertEquals(2, mails.length);
            assertEquals("wordstream alert: Kafka at 127.0.0.1:9 has not answered for 31 s", mails[0].getSubject());
            assertEquals("wordstream alert: Kafka at 127.0.0.1:9 answers again", mails[1].getSubject());
        }
    }

    @Test
    void withoutMailAlertsAreLogLines() {
        Alerts alerts = new Alerts(null, Duration.ZERO, log::add, clock, Runnable::run);
        assertFalse(alerts.raise("job", "the Spark job has used up its relaunches and is stopped", "x"));
        assertEquals(List.of("alert: the Spark job has used up its relaunches and is stopped"), log);
    }
}

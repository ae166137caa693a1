package io.wordstream.console.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Sends alerts by mail, one per event, at most one per kind of event in each {@code minGap}: the ones held back
 * are counted and named in the next mail of their kind. Mails go out on the given executor, so the thread that
 * noticed the event (a Kafka feed, the supervisor) is never held up by an SMTP server; a failed mail is a log line.
 */
public final class Alerts {
    private final ReportMailer mailer;
    private final Duration minGap;
    private final Consumer<String> log;
    private final Clock clock;
    private final Executor sender;
    private final Map<String, Instant> lastSent = new HashMap<>();
    private final Map<String, Integer> heldBack = new HashMap<>();

    /**
     * @param mailer where alerts go; null to log them only
     * @param minGap the least time between two mails of one kind
     * @param log    told each alert, and each mail that failed
     * @param clock  the time the gap is measured with
     * @param sender runs the sending
     */
    public Alerts(ReportMailer mailer, Duration minGap, Consumer<String> log, Clock clock, Executor sender) {
        this.mailer = mailer;
        this.minGap = minGap;
        this.log = log;
        this.clock = clock;
        this.sender = sender;
    }

    /**
     * Raises one event.
     *
     * @param kind    events of one kind share the rate limit ("job", "kafka", "word:spark")
     * @param subject the mail's subject, which is also the log line
     * @return whether a mail was sent for it (false: held back by the rate limit, or no mail set up)
     */
    public synchronized boolean raise(String kind, String subject, String text) {
        log.accept("alert: " + subject);
        if (mailer == null) {
            return false;
        }
        Instant now = clock.instant();
        Instant last = lastSent.get(kind);
        if (last != null && Duration.between(last, now).compareTo(minGap) < 0) {
            heldBack.merge(kind, 1, Integer::sum);
            return false;
        }
        lastSent.put(kind, now);
        Integer held = heldBack.remove(kind);
        String body = held == null ? text : text + "\n\n" + held + " earlier alert(s) of this kind were not mailed:"
                + " at most one is sent every " + minGap.toMinutes() + " min.";
        sender.execute(() -> {
            try {
                mailer.sendText("wordstream alert: " + subject, body);
            } catch (MailFailure e) {
                log.accept("alert: " + e.getMessage());
            }
        });
        return true;
    }
}

package io.wordstream.console.gateway;

import io.wordstream.common.ExecutorStop;
import io.wordstream.console.report.MailConfig;
import io.wordstream.console.report.MailFailure;
import io.wordstream.console.report.ReportMailer;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The welcome note of {@code POST /users} (off unless the operator asks for it), as the original's e-mail service
 * sent one: a short text to the address of the sign-up, never any credential. Each address is welcomed at most once
 * in {@link #AGAIN_AFTER}, so a loop of sign-ups cannot flood it; mails go out on a thread of their own, from a
 * bounded queue, and a failed one is a log line: the sign-up's 202 and its sentence never depend on the mail.
 */
public final class WelcomeMail implements AutoCloseable {
    /** An address that was welcomed is not welcomed again before this time has passed. */
    public static final Duration AGAIN_AFTER = Duration.ofHours(24);
    /** Addresses remembered; past this the longest-remembered is forgotten (bounds the memory a flood can take). */
    static final int MAX_REMEMBERED = 10_000;
    /** Welcome notes waiting for the SMTP server; more are dropped with a line. */
    static final int MAX_QUEUED = 100;
    static final String SUBJECT = "Welcome to wordstream";
    private static final int MAX_NAME = 80;

    /** What a sign-up's welcome note became; its text goes into the 202 answer. */
    public enum Outcome {
        SENDING("sending"),
        ALREADY_WELCOMED("not sent: this address was welcomed less than 24 h ago"),
        NO_ADDRESS("not sent: the sign-up has no email"),
        NOT_AN_ADDRESS("not sent: the email is not a mail address"),
        BUSY("not sent: too many welcome notes are waiting for the mail server");

        private final String text;

        Outcome(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final ReportMailer mailer;
    private final Consumer<String> log;
    private final Clock clock;
    private final Map<String, Instant> welcomed = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(MAX_QUEUED), r -> {
                Thread t = new Thread(r, "gateway-welcome-mail");
                t.setDaemon(true);
                return t;
            });

    /**
     * @param config the SMTP settings of {@code --mail-config}
     * @param log    told, one line each, when a note fails or is dropped; never the password
     */
    public WelcomeMail(MailConfig config, Consumer<String> log, Clock clock) {
        this.mailer = new ReportMailer(config, List.of());
        this.log = log;
        this.clock = clock;
    }

    /** The SMTP server, as lines name it. */
    public String server() {
        return mailer.config().server();
    }

    /**
     * A sign-up whose sentence Kafka acknowledged: queues its welcome note unless it cannot or must not be sent.
     *
     * @param nome  the name given, or null
     * @param email the address given, or null
     */
    public Outcome signedUp(String nome, String email) {
        if (email == null || email.isBlank()) {
            return Outcome.NO_ADDRESS;
        }
        InternetAddress address;
        try {
            address = new InternetAddress(email.strip(), true);
            address.validate();
        } catch (AddressException e) {
            log.accept("welcome mail: a sign-up's email is not a mail address (" + e.getMessage()
                    + "); its sentence was written, no note sent");
            return Outcome.NOT_AN_ADDRESS;
        }
        String key = address.getAddress().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        synchronized (welcomed) {
            Instant last = welcomed.get(key);
            if (last != null && now.isBefore(last.plus(AGAIN_AFTER))) {
                return Outcome.ALREADY_WELCOMED;
            }
            welcomed.put(key, now);
        }
        try {
            sender.execute(() -> send(address, key, now, nome));
        } catch (RejectedExecutionException e) {
            forget(key, now);
            log.accept("welcome mail: " + MAX_QUEUED + " notes already wait for " + server() + "; one was dropped");
            return Outcome.BUSY;
        }
        return Outcome.SENDING;
    }

    private void send(InternetAddress to, String key, Instant queuedAt, String nome) {
        try {
            mailer.sendText(List.of(to), SUBJECT, text(nome));
        } catch (MailFailure e) {
            // Not welcomed: a sign-up after the server is back gets its note.
            forget(key, queuedAt);
            log.accept("welcome mail: " + e.getMessage());
        }
    }

    private void forget(String key, Instant queuedAt) {
        synchronized (welcomed) {
            welcomed.remove(key, queuedAt);
        }
    }

    /** The note: a greeting and what happens to the summary; nothing else. */
    static String text(String nome) {
        String name = nome == null ? "" : nome.codePoints().filter(cp -> !Character.isISOControl(cp))
                .limit(MAX_NAME).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().strip();
        return "Hello" + (name.isEmpty() ? "" : " " + name) + ",\n\n"
                + "welcome to wordstream. Your sign-up was received, and the words of your summary are being counted"
                + " with everyone else's.\n\n"
                + "You signed up with this address; if that was not you, you can ignore this note: no account was"
                + " made and nothing more will be sent.\n\n"
                + "-- wordstream\n";
    }

    @Override
    public void close() {
        // Notes already queued still go out, within the mail timeouts.
        ExecutorStop.finish(sender, Duration.ofSeconds(20));
    }
}

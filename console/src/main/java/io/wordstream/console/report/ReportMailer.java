package io.wordstream.console.report;

import jakarta.activation.DataHandler;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * Sends mail through the operator's SMTP server with Jakarta Mail: reports (an HTML summary with its chart inline,
 * the report attached) and alerts (plain text). Every failure becomes one {@link MailFailure} line.
 */
public final class ReportMailer {
    private static final String TIMEOUT_MS = "15000";

    private final MailConfig config;
    private final List<InternetAddress> to;

    public ReportMailer(MailConfig config, List<InternetAddress> to) {
        this.config = config;
        this.to = List.copyOf(to);
    }

    /**
     * Reads {@code ADDR[,ADDR]}.
     *
     * @throws IllegalArgumentException naming the address that is wrong
     */
    public static List<InternetAddress> recipients(String list) {
        try {
            InternetAddress[] parsed = InternetAddress.parse(list, true);
            if (parsed.length == 0) {
                throw new IllegalArgumentException("--mail-to names no address");
            }
            for (InternetAddress a : parsed) {
                a.validate();
            }
            return List.of(parsed);
        } catch (AddressException e) {
            throw new IllegalArgumentException("--mail-to: '" + list + "' is not a list of mail addresses ("
                    + e.getMessage() + ")");
        }
    }

    public MailConfig config() {
        return config;
    }

    /** Mails a report: the summary as HTML with the chart inline, the report file attached. */
    public void sendReport(ReportMaker.Made report) {
        MailSummary summary = MailSummary.of(report);
        try {
            MimeMessage message = message(summary.subject());
            MimeMultipart related = new MimeMultipart("related");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(summary.html(), "UTF-8", "html");
            related.addBodyPart(html);
            if (summary.chartPng() != null) {
                MimeBodyPart chart = new MimeBodyPart();
                chart.setDataHandler(new DataHandler(new ByteArrayDataSource(summary.chartPng(), "image/png")));
                chart.setContentID("<" + MailSummary.CHART_ID + ">");
                chart.setDisposition(Part.INLINE);
                chart.setFileName("top-words.png");
                related.addBodyPart(chart);
            }
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(related);
            MimeBodyPart attachment = new MimeBodyPart();
            Path file = report.file();
            attachment.attachFile(file.toFile(), contentType(report.format()), null);
            attachment.setFileName(file.getFileName().toString());
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            mixed.addBodyPart(attachment);
            message.setContent(mixed);
            send(message);
        } catch (MessagingException | IOException e) {
            throw failure(e);
        }
    }

    /** Mails an alert as plain text. */
    public void sendText(String subject, String text) {
        sendText(to, subject, text);
    }

    /** Mails plain text to {@code recipients} rather than the configured ones (the gateway's welcome note). */
    public void sendText(List<InternetAddress> recipients, String subject, String text) {
        try {
            MimeMessage message = message(recipients, subject);
            message.setText(text, "UTF-8");
            send(message);
        } catch (MessagingException e) {
            throw failure(e);
        }
    }

    private MimeMessage message(String subject) throws MessagingException {
        return message(to, subject);
    }

    private MimeMessage message(List<InternetAddress> recipients, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(session());
        message.setFrom(new InternetAddress(config.from()));
        message.setRecipients(Message.RecipientType.TO, recipients.toArray(new InternetAddress[0]));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(Date.from(Instant.now()));
        return message;
    }

    private Session session() {
        Properties p = new Properties();
        p.put("mail.smtp.host", config.host());
        p.put("mail.smtp.port", String.valueOf(config.port()));
        p.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
        p.put("mail.smtp.timeout", TIMEOUT_MS);
        p.put("mail.smtp.writetimeout", TIMEOUT_MS);
        p.put("mail.smtp.auth", String.valueOf(config.user().isPresent()));
        switch (config.security()) {
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                // Never send the password over a connection the server would not encrypt.
                p.put("mail.smtp.starttls.required", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case SSL -> {
                p.put("mail.smtp.ssl.enable", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> {
                // Plain SMTP, as the operator asked.
            }
        }
        return Session.getInstance(p);
    }

    private void send(MimeMessage message) throws MessagingException {
        message.saveChanges();
        try (Transport transport = session().getTransport("smtp")) {
            transport.connect(config.host(), config.port(), config.user().orElse(null),
                    config.user().isPresent() ? config.password() : null);
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private MailFailure failure(Exception e) {
        boolean login = e instanceof AuthenticationFailedException;
        String reason = login ? "the server refused the login of user " + config.user().orElse("")
                + " (check user= and password= in the mail settings)" : rootMessage(e);
        return new MailFailure("cannot send mail through " + config.server() + ": " + reason, login, e);
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        String first = m.lines().findFirst().orElse(m).strip();
        return c == t ? first : first + " (" + c.getClass().getSimpleName() + ")";
    }

    private static String contentType(ReportFormat format) {
        return switch (format) {
            case PDF -> "application/pdf";
            case CSV -> "text/csv; charset=UTF-8";
            case JSON -> "application/x-ndjson; charset=UTF-8";
        };
    }
}

package io.wordstream.console.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.launch.Ports;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report mailed to a real SMTP server inside the test, then taken apart as a mail client would. */
class ReportMailTest {
    static final Instant T0 = Instant.parse("2026-11-29T17:00:00Z");
    static final ReportPeriod PERIOD = new ReportPeriod(T0, T0.plusSeconds(60));
    // Word to count, spread over two windows below.
    static final Map<String, Long> SENT = Map.of("spark", 12L, "kafka", 7L, "streams", 3L, "état", 2L);

    @TempDir
    Path dir;

    static ReportMaker.Made pdf(Path dir) {
        ResultAggregate a = new ResultAggregate(PERIOD);
        SENT.forEach((word, count) -> {
            // Running counts as the job writes them, with a duplicate, split over two windows.
            a.accept(ResultAggregateTest.row(T0, "word", word, 1));
            a.accept(ResultAggregateTest.row(T0, "word", word, count - 1));
            a.accept(ResultAggregateTest.row(T0, "word", word, count - 1));
            a.accept(ResultAggregateTest.row(T0.plusSeconds(10), "word", word, 1));
        });
        a.accept(ResultAggregateTest.row(T0, "letter", "S", 14));
        a.accept(ResultAggregateTest.row(T0, "length", "6", 3));
        a.accept("{broken");
        ReportData data = a.summarize(PdfReport.TABLE_WORDS);
        Path file = dir.resolve("reports").resolve("r.pdf");
        PdfReport.write(data, ReportSettings.recordedIn(dir), new PdfReport.Origin("wordcounts", "127.0.0.1:1",
                Instant.now()), file);
        return new ReportMaker.Made(file, ReportFormat.PDF, data);
    }

    @Test
    void theMailCarriesThePdfAndAnInlineChart() throws Exception {
        ReportMaker.Made report = pdf(dir);
        try (SmtpServer smtp = new SmtpServer()) {
            MailConfig config = MailConfig.load(smtp.config(dir, SmtpServer.PASSWORD));
            assertTrue(config.warnings().isEmpty(), config.warnings().toString());
            new ReportMailer(config, ReportMailer.recipients("ops@example.org,boss@example.org")).sendReport(report);
            assertTrue(smtp.mail.waitForIncomingEmail(10_000, 2));
            MimeMessage m = smtp.mail.getReceivedMessages()[0];
            assertTrue(m.getSubject().contains(PERIOD.shown()), m.getSubject());
            List<Part> parts = new ArrayList<>();
            leaves(m, parts);

            Part pdf = parts.stream().filter(p -> Part.ATTACHMENT.equalsIgnoreCase(disposition(p))).findFirst()
                    .orElseThrow();
            assertTrue(pdf.isMimeType("application/pdf"));
            String text;
            try (InputStream in = pdf.getInputStream(); PDDocument doc = Loader.loadPDF(in.readAllBytes())) {
                text = new PDFTextStripper().getText(doc);
            }
            assertTrue(text.contains(PERIOD.shown()), text);
            for (Map.Entry<String, Long> w : SENT.entrySet()) {
                assertTrue(Pattern.compile("(?m)^\\d+ " + w.getKey() + " " + w.getValue() + " ").matcher(text).find(),
                        "row of " + w + " in:\n" + text);
            }
            assertTrue(text.contains("malformed rows skipped: 1."), text);

            Part html = parts.stream().filter(p -> mime(p, "text/html")).findFirst().orElseThrow();
            assertTrue(((String) html.getContent()).contains("cid:" + MailSummary.CHART_ID));
            Part chart = parts.stream().filter(p -> mime(p, "image/png")).findFirst().orElseThrow();
            assertEquals("<" + MailSummary.CHART_ID + ">", chart.getHeader("Content-ID")[0]);
            BufferedImage image;
            try (InputStream in = chart.getInputStream()) {
                image = ImageIO.read(in);
            }
            assertNotNull(image, "the inline chart decodes");
            assertTrue(colours(image) > 10, "the chart is not blank");
        }
    }

    @Test
    void aWrongPasswordGivesOneLineAndTheReportStays() {
        ReportMaker.Made report = pdf(dir);
        try (SmtpServer smtp = new SmtpServer()) {
            ReportMailer mailer = new ReportMailer(MailConfig.load(smtp.config(dir, "wrong")),
                    ReportMailer.recipients("ops@example.org"));
            MailFailure e = assertThrows(MailFailure.class, () -> mailer.sendReport(report));
            assertTrue(e.loginRefused());
            assertEquals("cannot send mail through 127.0.0.1:" + smtp.port + " (none): the server refused the login"
                    + " of user reporter (check user= and password= in the mail settings)", e.getMessage());
            assertFalse(e.getMessage().contains("wrong"));
            assertTrue(Files.isRegularFile(report.file()));
            assertEquals(0, smtp.mail.getReceivedMessages().length);
        }
    }

    @Test
    void aServerThatIsDownGivesOneLineAndTheReportStays() {
        ReportMaker.Made report = pdf(dir);
        int port = Ports.freePort("127.0.0.1");
        Path config = SmtpServer.configFile(dir, "host=127.0.0.1\nport=" + port + "\nsecurity=none\nfrom=a@b.org\n");
        ReportMailer mailer = new ReportMailer(MailConfig.load(config), ReportMailer.recipients("ops@example.org"));
        MailFailure e = assertThrows(MailFailure.class, () -> mailer.sendReport(report));
        assertFalse(e.loginRefused());
        assertTrue(e.getMessage().startsWith("cannot send mail through 127.0.0.1:" + port + " (none): "),
                e.getMessage());
        assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(Files.isRegularFile(report.file()));
    }

    static void leaves(Part p, List<Part> into) throws Exception {
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                leaves(b, into);
            }
        } else {
            into.add(p);
        }
    }

    static String disposition(Part p) {
        try {
            return p.getDisposition();
        } catch (Exception e) {
            return null;
        }
    }

    static boolean mime(Part p, String type) {
        try {
            return p.isMimeType(type);
        } catch (Exception e) {
            return false;
        }
    }

    static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}

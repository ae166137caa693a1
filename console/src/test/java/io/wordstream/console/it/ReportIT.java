package io.wordstream.console.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.common.JobConfig;
import io.wordstream.console.cli.TestCli;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.kafka.TopicAdmin;
import io.wordstream.console.kafka.TopicPlan;
import io.wordstream.console.launch.BrokerProcess;
import io.wordstream.console.launch.Ports;
import io.wordstream.console.model.ResultRow;
import io.wordstream.console.report.MailConfig;
import io.wordstream.console.report.ReportMailer;
import io.wordstream.console.report.ReportMaker;
import io.wordstream.console.report.ReportPeriod;
import io.wordstream.console.report.ReportSchedule;
import io.wordstream.console.report.SmtpServer;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import io.wordstream.testsupport.Poll;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'wordstream report' against a real broker whose results topic holds rows in the job's exact format (key and
 * value), with running counts, duplicates, malformed values, rows of other periods, and rows written long before
 * the period that only a read from offset 0 would see.
 */
class ReportIT {
    @TempDir
    static Path dataDir;

    static Settings settings;
    static BrokerProcess broker;
    static Instant t0;
    static ReportPeriod period;
    /** Word to its total over the period, as the rows below make it. */
    static final Map<String, Long> expectedWords = new TreeMap<>();
    static int malformed;

    @BeforeAll
    static void brokerWithResults() throws Exception {
        settings = ItSettings.embedded(dataDir, JobConfig.Source.KAFKA, Optional.empty(), 0);
        broker = BrokerProcess.start(settings, Install.current());
        try (TopicAdmin admin = new TopicAdmin(KafkaClients.base(settings))) {
            broker.awaitReady(admin, Duration.ofSeconds(60));
            // The results topic as the pipeline makes it (compacted on the row's key).
            admin.ensureTopics(List.of(TopicPlan.of(settings, admin.brokerCount()).get("wordcounts")));
        }
        t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
        period = new ReportPeriod(t0, t0.plusSeconds(60));
        List<String[]> words = List.of(new String[] {"spark", "12"}, new String[] {"kafka", "9"},
                new String[] {"streams", "4"}, new String[] {"state-of-the-art", "2"}, new String[] {"don't", "1"});
        try (KafkaProducer<String, String> p = new KafkaProducer<>(KafkaClients.base(settings),
                new StringSerializer(), new StringSerializer())) {
            List<Future<?>> acks = new ArrayList<>();
            // Written two hours before the period: a report that seeks by time never reads them.
            long longAgo = t0.minus(Duration.ofHours(2)).toEpochMilli();
            acks.add(p.send(new ProducerRecord<>("wordcounts", null, longAgo, "k",
                    value(t0, "word", "stale", 1000))));
            for (int w = 0; w < 6; w++) {
                Instant start = t0.plusSeconds(10L * w);
                for (String[] word : words) {
                    long count = Long.parseLong(word[1]) + w;
                    // Running counts, the last one twice, as an at-least-once sink may write them.
                    for (long c : new long[] {1, count / 2 + 1, count, count}) {
                        acks.add(p.send(row(start, "word", word[0], Math.min(c, count))));
                    }
                    expectedWords.merge(word[0], count, Long::sum);
                }
                acks.add(p.send(row(start, "letter", "S", 12 + w)));
                acks.add(p.send(row(start, "length", "5", 21 + w)));
            }
            // A window before the period and one at its end: read (written in time) but not counted.
            acks.add(p.send(row(t0.minusSeconds(10), "word", "before", 50)));
            acks.add(p.send(row(t0.plusSeconds(60), "word", "after", 50)));
            for (String bad : new String[] {"not json", "{\"windowStart\":\"yesterday\"}", ""}) {
                acks.add(p.send(new ProducerRecord<>("wordcounts", "bad", bad)));
                malformed++;
            }
            for (Future<?> ack : acks) {
                ack.get();
            }
        }
    }

    static String value(Instant start, String dimension, String key, long count) {
        return "{\"windowStart\":\"" + start + "\",\"windowEnd\":\"" + start.plusSeconds(10) + "\",\"dimension\":\""
                + dimension + "\",\"key\":\"" + key.replace("\"", "\\\"") + "\",\"count\":" + count + "}";
    }

    static ProducerRecord<String, String> row(Instant start, String dimension, String key, long count) {
        String k = "{\"windowStart\":\"" + start + "\",\"windowEnd\":\"" + start.plusSeconds(10) + "\",\"dimension\":\""
                + dimension + "\",\"key\":\"" + key + "\"}";
        return new ProducerRecord<>("wordcounts", k, value(start, dimension, key, count));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap-server", settings.bootstrap(), "--data-dir", dataDir.toString()));
        int status = TestCli.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(new String[0]));
        return new Run(status, out.toString(), err.toString());
    }

    static String[] periodArgs() {
        return new String[] {"report", "--from", period.from().toString(), "--to", period.to().toString()};
    }

    static String pdfText(Path file) throws Exception {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void thePdfHoldsThePeriodTheTopWordsAndTheSkippedRows() throws Exception {
        Run r = run(periodArgs());
        assertEquals(0, r.status, r.err);
        Path file = Path.of(r.out.strip());
        assertEquals(dataDir.resolve("reports").resolve("wordstream-" + period.fileLabel() + ".pdf")
                .toAbsolutePath(), file);
        String text = pdfText(file);
        assertTrue(text.contains(period.shown()), text);
        int rank = 1;
        for (Map.Entry<String, Long> w : expectedWords.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList()) {
            assertTrue(text.contains(rank++ + " " + w.getKey() + " " + w.getValue() + " "),
                    w + " in the table:\n" + text);
        }
        long total = expectedWords.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(text.contains(String.format(Locale.ROOT, "%,d words in 6 windows of 10s", total)), text);
        assertFalse(text.contains("stale"), "rows written before the period were not read");
        assertTrue(text.contains("malformed rows skipped: " + malformed + "."), text);
    }

    @Test
    void csvAndJsonExportsEqualWhatWatchJsonShowsForThePeriod() throws Exception {
        // watch reads for its --timeout: on a busy machine that may end before it has read every partition, so it
        // is asked again until it has shown each word's final count in every window of the period.
        long wordsTotal = expectedWords.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> expected = Poll.until(Duration.ofSeconds(60), ReportIT::watchedPeriod,
                rows -> rows.size() == 6 * (expectedWords.size() + 2) && rows.entrySet().stream()
                        .filter(e -> e.getKey().contains(" word ")).mapToLong(Map.Entry::getValue).sum() == wordsTotal,
                "watch --json to show every row of the period");

        Path csv = dataDir.resolve("out.csv");
        List<String> args = new ArrayList<>(List.of(periodArgs()));
        args.addAll(List.of("--format", "csv", "--output", csv.toString()));
        Run c = run(args.toArray(new String[0]));
        assertEquals(0, c.status, c.err);
        assertEquals(csv.toAbsolutePath().toString(), c.out.strip());
        Map<String, Long> fromCsv = new HashMap<>();
        try (Reader in = Files.newBufferedReader(csv)) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                ResultRow row = new ResultRow(Instant.parse(rec.get("windowStart")),
                        Instant.parse(rec.get("windowEnd")), rec.get("dimension"), rec.get("key"),
                        Long.parseLong(rec.get("count")));
                assertEquals(null, fromCsv.put(id(row), row.count()), "one line per key: " + row);
            }
        }
        assertEquals(expected, fromCsv);

        Path json = dataDir.resolve("out.json");
        args.set(args.size() - 3, "json");
        args.set(args.size() - 1, json.toString());
        Run j = run(args.toArray(new String[0]));
        assertEquals(0, j.status, j.err);
        Map<String, Long> fromJson = new HashMap<>();
        Files.readAllLines(json).forEach(line -> {
            ResultRow row = ResultRow.parse(line).orElseThrow();
            fromJson.put(id(row), row.count());
        });
        assertEquals(expected, fromJson);
    }

    /** What {@code watch --json} shows of the period: each row's highest count, by {@link #id}. */
    private static Map<String, Long> watchedPeriod() {
        Run watch = run("watch", "--json", "--timeout", "4s");
        assertEquals(0, watch.status, watch.err);
        Map<String, Long> rows = new HashMap<>();
        watch.out.lines().map(ResultRow::parse).flatMap(Optional::stream)
                .filter(row -> period.contains(row.windowStart()))
                // Written two hours before the period, so outside what a report reads (see brokerWithResults).
                .filter(row -> !row.key().equals("stale"))
                .forEach(row -> rows.merge(id(row), row.count(), Math::max));
        return rows;
    }

    static String id(ResultRow row) {
        return row.windowStart() + " " + row.dimension() + " " + row.key();
    }

    @Test
    void anEmptyPeriodMakesAReportThatSaysSo() throws Exception {
        Run r = run("report", "--from", t0.minus(Duration.ofHours(3)).toString(), "--last", "1h");
        assertEquals(0, r.status, r.err);
        String text = pdfText(Path.of(r.out.strip()));
        assertTrue(text.contains("This period is empty"), text);
    }

    @Test
    void theReportIsMailedAndAMailFailureLeavesItOnDiskWithOneLine() throws Exception {
        try (SmtpServer smtp = new SmtpServer()) {
            Path good = smtp.config(dataDir, SmtpServer.PASSWORD);
            Run sent = run(mailArgs(good));
            assertEquals(0, sent.status, sent.err);
            assertTrue(smtp.mail.waitForIncomingEmail(10_000, 1));
            assertTrue(smtp.mail.getReceivedMessages()[0].getSubject().contains(period.shown()));

            Run refused = run(mailArgs(smtp.config(dataDir, "wrong")));
            assertEquals(2, refused.status, refused.err);
            Path file = Path.of(refused.out.strip());
            assertEquals("report: cannot send mail through 127.0.0.1:" + smtp.port + " (none): the server refused"
                    + " the login of user reporter (check user= and password= in the mail settings); the report"
                    + " stays at " + file, refused.err.strip());
            assertTrue(Files.isRegularFile(file));
        }
        int closed = Ports.freePort(Settings.LOOPBACK);
        Path down = SmtpServer.configFile(dataDir, "host=127.0.0.1\nport=" + closed
                + "\nsecurity=none\nfrom=a@b.org\n");
        Run r = run(mailArgs(down));
        assertEquals(1, r.status, r.err);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertTrue(r.err.startsWith("report: cannot send mail through 127.0.0.1:" + closed + " (none): "), r.err);
        assertTrue(Files.isRegularFile(Path.of(r.out.strip())));
    }

    static String[] mailArgs(Path config) {
        List<String> args = new ArrayList<>(List.of(periodArgs()));
        args.addAll(List.of("--mail-to", "ops@example.org", "--mail-config", config.toString()));
        return args.toArray(new String[0]);
    }

    @Test
    void theScheduleWithAShortPeriodMailsTwoReports() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        Path reports = Files.createTempDirectory(dataDir, "scheduled");
        try (SmtpServer smtp = new SmtpServer();
             ReportSchedule schedule = new ReportSchedule(maker(reports), Duration.ofSeconds(2), Duration.ZERO,
                     mailer(smtp.config(dataDir, SmtpServer.PASSWORD)),
                     ReportSchedule.retry(Duration.ofMillis(200), Duration.ofSeconds(1), 5), log::add,
                     Clock.systemUTC())) {
            schedule.start();
            assertTrue(smtp.mail.waitForIncomingEmail(90_000, 2), log.toString());
            MimeMessage[] mails = smtp.mail.getReceivedMessages();
            assertTrue(!mails[0].getSubject().equals(mails[1].getSubject()), "two periods: " + mails[0].getSubject());
        }
        try (var files = Files.list(reports.resolve("reports"))) {
            assertTrue(files.filter(f -> f.toString().endsWith(".pdf")).count() >= 2, log.toString());
        }
    }

    @Test
    void aFailedScheduledMailIsRetriedUntilTheServerAnswers() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        int port = Ports.freePort(Settings.LOOPBACK);
        Path config = SmtpServer.configFile(dataDir, "host=127.0.0.1\nport=" + port + "\nsecurity=none\nuser="
                + SmtpServer.USER + "\npassword=" + SmtpServer.PASSWORD + "\nfrom=" + SmtpServer.FROM + "\n");
        try (ReportSchedule schedule = new ReportSchedule(maker(dataDir), null, Duration.ZERO, mailer(config),
                ReportSchedule.retry(Duration.ofMillis(300), Duration.ofSeconds(2), 60), log::add,
                Clock.systemUTC())) {
            ReportMaker.Made made = schedule.reportNow(period).get(120, TimeUnit.SECONDS);
            String refused = "report: cannot send mail through 127.0.0.1:" + port;
            Poll.until(Duration.ofSeconds(30), () -> List.copyOf(log),
                    l -> l.stream().anyMatch(line -> line.startsWith(refused)), refused);
            assertTrue(log.stream().anyMatch(l -> l.startsWith("report: cannot send mail through 127.0.0.1:"
                    + port)), log.toString());
            try (SmtpServer smtp = new SmtpServer(port)) {
                assertTrue(smtp.mail.waitForIncomingEmail(30_000, 1), log.toString());
                // The server has the mail a moment before the client logs its success.
                String mailed = "report: mailed " + made.file().getFileName();
                Poll.until(Duration.ofSeconds(10), () -> List.copyOf(log), l -> l.contains(mailed), mailed);
                assertTrue(log.contains(mailed), log.toString());
            }
        }
    }

    static ReportMaker maker(Path dir) {
        return new ReportMaker(KafkaClients.base(settings), "wordcounts", dir, ReportMaker.DEFAULT_GRACE,
                Clock.systemUTC());
    }

    static ReportMailer mailer(Path config) {
        return new ReportMailer(MailConfig.load(config), ReportMailer.recipients("ops@example.org"));
    }
}

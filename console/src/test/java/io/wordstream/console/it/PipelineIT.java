package io.wordstream.console.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.cli.TestCli;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.kafka.SentenceSender;
import io.wordstream.console.launch.Ports;
import io.wordstream.console.settings.Settings;
import io.wordstream.testsupport.Poll;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline with real parts: the embedded broker in its own JVM and the Spark job launched through SparkLauncher.
 * Sentences with explicit event times in two windows go in; the results topic must hold exactly their counts.
 */
class PipelineIT {
    @TempDir
    Path dataDir;

    private static String distinctWords(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append('u').append(i).append(' ');
        }
        return b.toString();
    }

    @Test
    void countsSentencesOfTwoWindowsExactlyAndStopsEverything() throws Exception {
        Settings settings = Settings.builder().dataDir(dataDir).brokerPort(Ports.freePort(Settings.LOOPBACK)).build();
        Instant w1 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(2));
        Instant w2 = w1.plusSeconds(10);

        List<String> steps;
        ProcessHandle broker;
        ProcessHandle driver;
        try (StartedPipeline pipeline = StartedPipeline.start(settings)) {
            steps = pipeline.steps();
            broker = pipeline.broker().handle();
            driver = pipeline.driver();
            assertTrue(pipeline.readyLine().startsWith("ready bootstrap=" + settings.bootstrap()
                    + " topics=sentences results=wordcounts"), pipeline.readyLine());

            try (SentenceSender sender = new SentenceSender(KafkaClients.base(settings), "sentences");
                 ResultsReader reader = new ResultsReader(KafkaClients.base(settings), "wordcounts",
                         "wordstream-metrics")) {
                List<CompletableFuture<?>> acks = List.of(
                        sender.send("Spark streams words", w1.plusSeconds(1).toEpochMilli()),
                        sender.send("{\"resumo\": \"Python reads spark\"}", w1.plusSeconds(4).toEpochMilli()),
                        sender.send("Kafka stores records, Spark reads records", w2.plusSeconds(2).toEpochMilli()),
                        sender.send("Programming reliable software", w2.plusSeconds(5).toEpochMilli()),
                        sender.send("{\"resumo\": ", w2.plusSeconds(6).toEpochMilli()));
                for (CompletableFuture<?> ack : acks) {
                    ack.get();
                }
                sendRaw(settings, new byte[] {(byte) 0xFF, (byte) 0xFE}, w2.plusSeconds(7));
                // Records near Kafka's 1 MB limit: 166,000 words, and one word of 999,000 letters, whose result
                // record would be larger than Kafka accepts if it were not cut; then a plain sentence after them.
                Instant w3 = w2.plusSeconds(10);
                List<CompletableFuture<?>> big = List.of(
                        sender.send("lorem ".repeat(166_000), w3.plusSeconds(1).toEpochMilli()),
                        sender.send("s".repeat(999_000), w3.plusSeconds(2).toEpochMilli()),
                        sender.send("p".repeat(10_000), w3.plusSeconds(3).toEpochMilli()),
                        sender.send("after them", w3.plusSeconds(4).toEpochMilli()),
                        sender.send(distinctWords(100_000), w3.plusSeconds(5).toEpochMilli()));
                for (CompletableFuture<?> ack : big) {
                    ack.get();
                }

                Map<String, Long> expected = new TreeMap<>();
                String a = ResultsReader.label(w1, "", "").substring(0, 8);
                String b = ResultsReader.label(w2, "", "").substring(0, 8);
                expected.put(a + " word spark", 2L);
                expected.put(a + " word streams", 1L);
                expected.put(a + " word words", 1L);
                expected.put(a + " word python", 1L);
                expected.put(a + " word reads", 1L);
                expected.put(a + " letter S", 3L);
                expected.put(a + " letter P", 1L);
                expected.put(a + " letter R", 1L);
                expected.put(a + " length 6", 1L);
                expected.put(b + " word kafka", 1L);
                expected.put(b + " word stores", 1L);
                expected.put(b + " word records", 2L);
                expected.put(b + " word spark", 1L);
                expected.put(b + " word reads", 1L);
                expected.put(b + " word programming", 1L);
                expected.put(b + " word reliable", 1L);
                expected.put(b + " word software", 1L);
                expected.put(b + " letter S", 3L);
                expected.put(b + " letter R", 4L);
                expected.put(b + " letter P", 1L);
                expected.put(b + " length 6", 1L);
                expected.put(b + " length 8", 2L);
                expected.put(b + " length 11", 1L);
                String c = ResultsReader.label(w2.plusSeconds(10), "", "").substring(0, 8);
                expected.put(c + " word lorem", 166_000L);
                expected.put(c + " word " + "s".repeat(10_000) + "…", 1L);
                expected.put(c + " word " + "p".repeat(10_000), 1L);
                expected.put(c + " word after", 1L);
                expected.put(c + " word them", 1L);
                expected.put(c + " letter S", 1L);
                expected.put(c + " letter P", 1L);
                // u0 ... u99999: one window of 100,000 distinct words, 90,000 of them six characters long.
                for (int i = 0; i < 100_000; i++) {
                    expected.put(c + " word u" + i, 1L);
                }
                expected.put(c + " length 6", 90_000L);

                Map<String, Long> counts = Poll.until(Duration.ofSeconds(90), reader::counts,
                        expected::equals, "the exact counts of both windows");
                assertEquals(expected, counts);

                long rejected = Poll.until(Duration.ofSeconds(30),
                        () -> reader.events().stream().mapToLong(e -> e.metric("rejected")).sum(),
                        n -> n >= 2, "two rejected records in the metrics");
                assertEquals(2, rejected, "the invalid JSON and the non-UTF-8 record");
                assertTrue(pipeline.supervisor().job().current().state().toString().equals("RUNNING"),
                        "bad records never stop the job");
            }
        }
        assertFalse(broker.isAlive(), "the broker JVM has exited");
        assertFalse(driver.isAlive(), "the Spark driver JVM has exited");
        assertEquals(List.of(), ProcessHandle.current().descendants().map(ProcessHandle::pid).toList(),
                "no process started by the pipeline is left");
        assertEquals("stopped", steps.get(steps.size() - 1));
    }

    @Test
    void withABootstrapServerItUsesThatKafkaAndStartsNoBroker(@TempDir Path otherDataDir) throws Exception {
        Settings owner = Settings.builder().dataDir(dataDir).brokerPort(Ports.freePort(Settings.LOOPBACK))
                .inputPartitions(1).master("local[1]").build();
        try (StartedPipeline first = StartedPipeline.start(owner)) {
            ProcessHandle broker = first.broker().handle();
            // A second pipeline on the first one's broker, with topics of its own and two input topics.
            Settings guest = Settings.builder().dataDir(otherDataDir).bootstrapServers(owner.bootstrap())
                    .inputTopics(List.of("in-a", "in-b")).resultsTopic("out").metricsTopic("metrics")
                    .inputPartitions(1).master("local[1]").build();
            try (StartedPipeline second = StartedPipeline.start(guest);
                 SentenceSender toA = new SentenceSender(KafkaClients.base(guest), "in-a");
                 SentenceSender toB = new SentenceSender(KafkaClients.base(guest), "in-b");
                 ResultsReader reader = new ResultsReader(KafkaClients.base(guest), "out", "metrics")) {
                assertEquals(null, second.broker(), "no broker of its own");
                Instant w = Instant.now().truncatedTo(ChronoUnit.MINUTES);
                toA.send("external kafka", w.plusSeconds(1).toEpochMilli()).get();
                toB.send("external", w.plusSeconds(2).toEpochMilli()).get();
                String at = ResultsReader.label(w, "", "").substring(0, 8);
                // "external" has eight letters: it is counted in the length dimension too.
                Map<String, Long> expected = new TreeMap<>(Map.of(at + " word external", 2L,
                        at + " word kafka", 1L, at + " length 8", 2L));
                assertEquals(expected, Poll.until(Duration.ofSeconds(90), reader::counts, expected::equals,
                        "counts from both input topics"));
                reportOfWhatWasSent(guest, w, expected);
            }
            assertTrue(broker.isAlive(), "stopping the guest pipeline leaves the broker it does not own running");
        }
    }

    /**
     * 'wordstream report' over what the job counted from what was sent: the CSV holds exactly the counts of the
     * results topic, and the PDF's table and totals the same numbers.
     */
    private static void reportOfWhatWasSent(Settings guest, Instant w, Map<String, Long> expected) throws Exception {
        Path csv = guest.dataDir().resolve("sent.csv");
        List<String> args = List.of("report", "--bootstrap-server", guest.bootstrap(), "--data-dir",
                guest.dataDir().toString(), "--results-topic", "out", "--from", w.toString(), "--to",
                w.plusSeconds(10).toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> csvArgs = new ArrayList<>(args);
        csvArgs.addAll(List.of("--format", "csv", "--output", csv.toString()));
        assertEquals(0, TestCli.run(new PrintWriter(out, true), new PrintWriter(err, true),
                csvArgs.toArray(new String[0])), err.toString());
        Map<String, Long> fromCsv = new TreeMap<>();
        try (Reader in = Files.newBufferedReader(csv)) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String at = ResultsReader.label(Instant.parse(rec.get("windowStart")), "", "").substring(0, 8);
                fromCsv.put(at + " " + rec.get("dimension") + " " + rec.get("key"), Long.parseLong(rec.get("count")));
            }
        }
        assertEquals(expected, fromCsv);

        StringWriter pdfOut = new StringWriter();
        assertEquals(0, TestCli.run(new PrintWriter(pdfOut, true), new PrintWriter(err, true),
                args.toArray(new String[0])), err.toString());
        String text;
        try (PDDocument doc = Loader.loadPDF(Path.of(pdfOut.toString().strip()).toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertTrue(text.contains("1 external 2 ") && text.contains("2 kafka 1 "), text);
        assertTrue(text.contains("3 words in 1 windows of 10s"), text);
    }

    private static void sendRaw(Settings settings, byte[] value, Instant at) throws Exception {
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(KafkaClients.base(settings),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            p.send(new ProducerRecord<>("sentences", null, at.toEpochMilli(), null, value)).get();
        }
    }
}

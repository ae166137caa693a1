package io.wordstream.console.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordstream.console.gateway.Gateway;
import io.wordstream.console.gateway.GatewayConfig;
import io.wordstream.console.gateway.LiveCounts;
import io.wordstream.console.gateway.WelcomeMail;
import io.wordstream.console.launch.Ports;
import io.wordstream.console.report.MailConfig;
import io.wordstream.console.report.SmtpServer;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import io.wordstream.testsupport.Poll;
import io.wordstream.testsupport.ProcessOutput;
import io.wordstream.testsupport.ProcessRun;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

// Past 300 lines: every gateway test shares one pipeline start (CI time), so they live in one class.
/**
 * The HTTP gateway on a real pipeline: {@code wordstream run --http 0} and {@code wordstream gateway} as an operator
 * starts them, spoken to with the JDK's HttpClient and with a real headless chromium; gateways with tight limits run in
 * this JVM against the same broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Static: JUnit makes an instance field's directory only per test, after {@code @BeforeAll}. */
    @TempDir
    static Path dataDir;

    private final int brokerPort = Ports.freePort(Settings.LOOPBACK);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> started = new ArrayList<>();
    private final Properties kafka = new Properties();
    private Process run;
    private Process gatewayProcess;
    /** The gateway of 'wordstream gateway', with a small body limit. */
    private URI gateway;
    /** The gateway 'run --http' serves beside the pipeline. */
    private URI runGateway;
    private final Map<Process, ProcessOutput> output = new ConcurrentHashMap<>();
    /** The SMTP server of run's --welcome-mail. */
    private SmtpServer smtp;
    /** A page of an origin run's gateway lets in (--http-allow-origin), and one of an origin it does not. */
    private OtherOriginPage listedPage;
    private OtherOriginPage otherPage;
    /** Run's /metrics (--metrics-port). */
    private URI metrics;

    @BeforeAll
    void startPipelineAndGateway() throws Exception {
        kafka.put("bootstrap.servers", Settings.LOOPBACK + ":" + brokerPort);
        smtp = new SmtpServer();
        listedPage = new OtherOriginPage(Ports.freePort(Settings.LOOPBACK));
        otherPage = new OtherOriginPage(Ports.freePort(Settings.LOOPBACK));
        run = start("run.err", "run", "--http", "0", "--http-allow-origin", listedPage.origin(), "--metrics-port", "0",
                "--welcome-mail", "--mail-config", smtp.config(dataDir, SmtpServer.PASSWORD).toString());
        await(run, "ready", "run.err");
        runGateway = URI.create(await(run, "gateway http://", "run.err").split(" ")[1]);
        metrics = URI.create(await(run, "metrics http://", "run.err").split(" ")[1]);
        // A small body limit, so the 413 test needs no large body.
        gatewayProcess = start("gateway.err", "gateway", "--http", "0", "--http-max-body", "4096");
        String line = await(gatewayProcess, "gateway http://", "gateway.err");
        gateway = URI.create(line.split(" ")[1]);
    }

    @AfterAll
    void stopAll() throws Exception {
        try {
            for (Process p : new Process[] {gatewayProcess, run}) {
                if (p != null && p.isAlive()) {
                    new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
                    assertTrue(p.waitFor(90, TimeUnit.SECONDS), "exits after SIGTERM");
                    assertEquals(0, p.exitValue(), "exits 0 after SIGTERM");
                }
            }
        } finally {
            started.forEach(p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            });
            if (smtp != null) {
                smtp.close();
            }
            for (OtherOriginPage page : new OtherOriginPage[] {listedPage, otherPage}) {
                if (page != null) {
                    page.close();
                }
            }
        }
    }

    @Test
    @Order(1)
    void signUpsAndSentencesAreCountedExactlyOnceAndOnlyTheSentenceIsWritten() throws Exception {
        HttpResponse<String> user = post(runGateway, "users", "application/json",
                "{\"nome\": \"Ana\", \"email\": \"ana@example.org\", \"resumo\": \"cadastro alfa alfa\"}");
        assertEquals(202, user.statusCode(), user.body());
        JsonNode records = JSON.readTree(user.body()).get("records");
        assertEquals(1, records.size(), user.body());
        assertEquals("{\"resumo\":\"cadastro alfa alfa\"}", readInput(records.get(0)), "nome and email stay out");

        HttpResponse<String> text = post(runGateway, "sentences", "text/plain; charset=utf-8",
                "linha beta\n\nlinha gama\n");
        assertEquals(202, text.statusCode(), text.body());
        assertEquals(2, JSON.readTree(text.body()).get("records").size(), text.body());
        HttpResponse<String> json = post("sentences", "application/json",
                "[{\"resumo\": \"objeto delta\"}, {\"resumo\": \"objeto\"}]");
        assertEquals(202, json.statusCode(), json.body());
        JsonNode jsonRecords = JSON.readTree(json.body()).get("records");
        assertEquals(2, jsonRecords.size());
        assertEquals(jsonRecords.get(0).get("partition"), jsonRecords.get(1).get("partition"), "one batch");
        assertEquals(jsonRecords.get(0).get("offset").asLong() + 1, jsonRecords.get(1).get("offset").asLong());
        HttpResponse<String> single = post("sentences", "application/json", "{\"resumo\": \"objeto\"}");
        assertEquals(202, single.statusCode(), single.body());

        Map<String, Long> counts = countsReach(runGateway, Map.of("alfa", 2L, "linha", 2L, "objeto", 3L, "gama", 1L,
                "delta", 1L, "cadastro", 1L, "beta", 1L), "the counts of what was posted, in GET /windows");
        assertTrue(!counts.containsKey("ana") && !counts.containsKey("resumo"), "only the sentence is counted: "
                + counts);
        // The standalone gateway's own model of the same results topic says the same.
        Poll.until(Duration.ofSeconds(30), () -> windowCounts(gateway, "word"), counts::equals,
                "the other gateway's counts");
        // The results topic itself says the same: every acknowledged sentence counted once.
        try (ResultsReader reader = new ResultsReader(kafka, "wordcounts", "wordstream-metrics")) {
            reader.awaitWordTotals(Duration.ofSeconds(30), Map.of("objeto", 3L, "alfa", 2L, "linha", 2L),
                    "the results topic");
        }
    }

    @Test
    @Order(2)
    void eventsDeliverResultRowsAsTheyArrive() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(
                HttpRequest.newBuilder(gateway.resolve("events")).build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (UncheckedIOException e) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        Poll.until(Duration.ofSeconds(10), () -> List.copyOf(lines), l -> !l.isEmpty(),
                "the stream's first comment");
        assertEquals(202, post("sentences", "text/plain", "evento evento").statusCode());
        Poll.until(Duration.ofSeconds(60), () -> List.copyOf(lines), l -> l.stream().anyMatch(s -> s.matches(
                        "data: \\{\"windowStart\":\"[0-9T:Z-]+\",\"windowEnd\":\"[0-9T:Z-]+\",\"dimension\":\"word\","
                                + "\"key\":\"evento\",\"count\":2}")) && l.contains("event: row"),
                "a row event for the posted words");
        response.body().close();
    }

    @Test
    @Order(3)
    void everyRefusalHasItsStatusAndOneLineOfJsonSayingWhy() throws Exception {
        assertProblem(post("users", "application/json", "{\"nome\": \"Ana\", \"resumo\": "), 400,
                "the body is not valid JSON: Unexpected end-of-input.*");
        assertProblem(post("users", "application/json", "{\"nome\": \"Ana\", \"email\": \"a@b.c\"}"), 400,
                "the JSON object has no string field \\\\\"resumo\\\\\"");
        assertProblem(post("sentences", "application/json", "[{\"resumo\": \"ok\"}, {\"texto\": \"x\"}]"), 400,
                "element 1 of the array has no string field \\\\\"resumo\\\\\"");
        assertProblem(post("sentences", "text/plain", "palavra ".repeat(600)), 413,
                "the body is 4800 bytes, more than the limit of 4096");
        assertProblem(post("sentences", "application/x-www-form-urlencoded", "resumo=x"), 415,
                "send text/plain .*");
        assertProblem(send(HttpRequest.newBuilder(gateway.resolve("users")).GET()), 405,
                "GET is not allowed on /users; use POST");
        assertProblem(send(HttpRequest.newBuilder(gateway.resolve("windows"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))), 405, "POST is not allowed on /windows; use GET");
        assertProblem(send(HttpRequest.newBuilder(gateway.resolve("windows?dimension=vowel"))), 400,
                "dimension must be word, letter or length, not 'vowel'");
        assertProblem(send(HttpRequest.newBuilder(gateway.resolve("windows?last=0"))), 400,
                "last must be a whole number from 1 to 360, not '0'");
        assertProblem(send(HttpRequest.newBuilder(gateway.resolve("nothing-here"))), 404, "nothing at /nothing-here.*");
        // None of them wrote anything: the input topic holds only what the tests before had acknowledged.
        Map<String, Long> counts = windowCounts("word");
        assertTrue(!counts.containsKey("palavra") && !counts.containsKey("ok"), counts.toString());
    }

    @Test
    @Order(4)
    void tooManyRequestsAndTooManyEventStreamsAreRefused() throws Exception {
        try (Gateway tight = new Gateway(new GatewayConfig(Settings.LOOPBACK, 0, 1024, 10, 1, 1, "resumo", false),
                kafka, "sentences", new LiveCounts(10))) {
            HttpResponse<Stream<String>> first = http.send(HttpRequest.newBuilder(tight.uri().resolve("events"))
                    .build(), HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, first.statusCode());
            List<Integer> statuses = new ArrayList<>();
            // One request per second: within a second the bucket of one is empty; a slow machine may refill it.
            for (int i = 0; i < 10 && !statuses.contains(429); i++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(tight.uri().resolve("events")).build(),
                        HttpResponse.BodyHandlers.ofString());
                statuses.add(r.statusCode());
                if (r.statusCode() == 429) {
                    assertEquals("1", r.headers().firstValue("Retry-After").orElse(""));
                    assertProblem(r, 429, "more than 1 requests per second; try again in a second");
                }
            }
            assertTrue(statuses.contains(429), "a request over the rate was refused: " + statuses);
            Poll.until(Duration.ofSeconds(10), () -> {
                try {
                    return http.send(HttpRequest.newBuilder(tight.uri().resolve("events")).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (IOException | InterruptedException e) {
                    throw new AssertionError(e);
                }
            }, r -> r.statusCode() == 503, "a second event stream to be refused");
            first.body().close();
        }
    }

    @Test
    @Order(5)
    void aKafkaThatDoesNotAnswerGets503AndNothingIsWritten() throws Exception {
        ProcessHandle broker = run.descendants()
                .filter(h -> h.info().commandLine().orElse("").contains("io.wordstream.broker.EmbeddedBroker"))
                .findFirst().orElseThrow(() -> new AssertionError("no broker JVM under run"));
        Map<TopicPartition, Long> before = inputEnds();
        // The broker stopped, not killed: its connections stay open and silent, the hardest case to notice.
        signal(broker, "STOP");
        try {
            HttpResponse<String> refused = post("sentences", "text/plain", "recusada uma\nrecusada duas\n");
            assertProblem(refused, 503, "Kafka at 127.0.0.1:" + brokerPort + " did not answer within 5 s; nothing"
                    + " was written, send it again later");
        } finally {
            signal(broker, "CONT");
        }
        assertEquals(before, inputEnds(), "the input topic holds no record of the refused request");
        HttpResponse<String> after = Poll.until(Duration.ofSeconds(60),
                () -> post("sentences", "text/plain", "depois"), r -> r.statusCode() == 202,
                "a sentence accepted once Kafka answers again");
        assertEquals(1, JSON.readTree(after.body()).get("records").size());
    }

    @Test
    @Order(6)
    void theGatewayCommandSaysInOneLineWhenKafkaIsNotThere() throws Exception {
        int nothing = Ports.freePort(Settings.LOOPBACK);
        String launcher = Install.current().home().resolve("wordstream").toString();
        ProcessRun run = ProcessRun.of(new ProcessBuilder(launcher, "gateway", "--data-dir", dataDir.toString(),
                "--bootstrap-server", "127.0.0.1:" + nothing, "--http", "0"), "", Duration.ofSeconds(60), dataDir);
        String out = run.output();
        assertEquals(2, run.exitCode(), out);
        // The last line: the launcher may say first that it runs an existing build.
        assertEquals("wordstream gateway: cannot reach Kafka at 127.0.0.1:" + nothing + " (from --bootstrap-server)"
                + " within 15 s; start the pipeline on this data dir with 'wordstream run' or the console, or give"
                + " --bootstrap-server HOST:PORT of a running Kafka",
                out.strip().lines().reduce((a, b) -> b).orElse(""), out);
        assertTrue(!out.contains("Exception"), out);
    }

    @Test
    @Order(7)
    void aBrowserFillsTheFormAndSeesItsWordsInTheChart() throws Exception {
        String page = send(HttpRequest.newBuilder(runGateway)).body();
        assertTrue(page.contains("<form id=\"signup\">") && !page.contains("http"), "a page with nothing from"
                + " outside: " + page);
        Path screenshot = Path.of("target", "gateway-page.png").toAbsolutePath();
        try (HeadlessChromium browser = HeadlessChromium.start(dataDir.resolve("chromium"))) {
            browser.navigate(runGateway.toString());
            Poll.until(Duration.ofSeconds(30), () -> eval(browser, "document.readyState"),
                    "complete"::equals, "the page to load");
            browser.click("nome");
            browser.type("Beatriz");
            browser.click("email");
            browser.type("bia@example.org");
            browser.click("resumo");
            browser.type("navegador envia navegador");
            browser.click("submit");
            String status = Poll.until(Duration.ofSeconds(30),
                    () -> eval(browser, "document.getElementById('status').textContent"),
                    s -> s.startsWith("recebido") || browserError(browser), "the form's answer");
            assertTrue(status.matches("recebido \\(partition \\d+, offset \\d+\\)"), status);
            String bars = Poll.until(Duration.ofSeconds(60), () -> eval(browser,
                            "Array.from(document.querySelectorAll('#chart .bar'))"
                                    + ".map(function (b) { return b.dataset.key + '=' + b.dataset.count; }).join(' ')"),
                    b -> b.contains("navegador=2") && b.contains("envia=1"), "the words in the chart");
            assertTrue(!bars.contains("beatriz"), bars);
            String resources = eval(browser, "performance.getEntriesByType('resource')"
                    + ".map(function (e) { return e.name; }).join(' ')");
            for (String r : resources.split(" ")) {
                assertTrue(r.isEmpty() || r.startsWith(runGateway.toString()), "loaded from outside: " + r);
            }
            Files.createDirectories(screenshot.getParent());
            Files.write(screenshot, browser.screenshot());
        }
        assertTrue(Files.size(screenshot) > 1000, "the screenshot " + screenshot);
        assertEquals(2L, windowCounts(runGateway, "word").get("navegador"));
    }

    @Test
    @Order(8)
    void aSignUpGetsOneWelcomeNoteAndNoMailFailureLosesItsSentence() throws Exception {
        String davi = "{\"nome\": \"Davi\", \"email\": \"%s\", \"resumo\": \"%s\"}";
        HttpResponse<String> first = post(runGateway, "users", "application/json",
                String.format(Locale.ROOT, davi, "davi@example.org", "boas vindas"));
        assertEquals(202, first.statusCode(), first.body());
        assertEquals("sending", JSON.readTree(first.body()).get("welcome").asText());
        // The same address again, in other letters, and an address that is not one: sentences kept, no note.
        HttpResponse<String> again = post(runGateway, "users", "application/json",
                String.format(Locale.ROOT, davi, "DAVI@Example.org", "boas vindas outra vez"));
        assertEquals(202, again.statusCode(), again.body());
        assertEquals("not sent: this address was welcomed less than 24 h ago",
                JSON.readTree(again.body()).get("welcome").asText());
        HttpResponse<String> bad = post(runGateway, "users", "application/json",
                String.format(Locale.ROOT, davi, "davi at example", "sem endereço"));
        assertEquals(202, bad.statusCode(), bad.body());
        assertEquals("not sent: the email is not a mail address", JSON.readTree(bad.body()).get("welcome").asText());

        // A gateway whose SMTP server is down: the 202 stands, and one line names the server and the reason.
        int closed = Ports.freePort(Settings.LOOPBACK);
        MailConfig down = MailConfig.load(SmtpServer.configFile(dataDir, "host=127.0.0.1\nport=" + closed
                + "\nsecurity=none\nfrom=" + SmtpServer.FROM + "\n"));
        List<String> lines = new CopyOnWriteArrayList<>();
        try (WelcomeMail mail = new WelcomeMail(down, lines::add, Clock.systemUTC());
             Gateway offline = new Gateway(GatewayConfig.defaults(0), kafka, "sentences", new LiveCounts(10),
                     mail)) {
            HttpResponse<String> r = post(offline.uri(), "users", "application/json",
                    String.format(Locale.ROOT, davi, "carla@example.org", "servidor ausente"));
            assertEquals(202, r.statusCode(), r.body());
            Poll.until(Duration.ofSeconds(30), () -> List.copyOf(lines), l -> !l.isEmpty(),
                    "the line of the failed note");
        }
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("welcome mail: cannot send mail through 127.0.0.1:" + closed
                + " (none): "), lines.get(0));

        countsReach(runGateway, Map.of("vindas", 2L, "outra", 1L, "endereço", 1L, "ausente", 1L),
                "every sign-up's sentence counted once");
        // The server holds the earlier tests' notes too: wait for Davi's own, sent on the mail's thread.
        List<MimeMessage> toDavi = Poll.until(Duration.ofSeconds(30), () -> received("davi@example.org"),
                l -> !l.isEmpty(), "the note to davi@example.org");
        assertEquals(1, toDavi.size(), "one note for three sign-ups");
        assertEquals("Welcome to wordstream", toDavi.get(0).getSubject());
        String text = (String) toDavi.get(0).getContent();
        assertTrue(text.startsWith("Hello Davi,"), text);
        assertTrue(!text.contains(SmtpServer.PASSWORD) && !text.contains(SmtpServer.USER), text);
        // Run's other sign-ups (the first test's, the browser's) have their notes too: one per address, never two.
        List<String> recipients = new ArrayList<>();
        for (MimeMessage m : smtp.mail.getReceivedMessages()) {
            recipients.add(m.getAllRecipients()[0].toString());
        }
        assertEquals(recipients.size(), Set.copyOf(recipients).size(), recipients.toString());
    }

    @Test
    @Order(9)
    void aPageOfAListedOriginPostsTheOriginalsJsonAndOneOfAnotherIsRefusedByTheBrowser() throws Exception {
        Map<TopicPartition, Long> before = inputEnds();
        try (HeadlessChromium browser = HeadlessChromium.start(dataDir.resolve("chromium-origins"))) {
            browser.navigate(otherPage.posting(runGateway, "outra@example.org", "origem recusada").toString());
            String refused = Poll.until(Duration.ofSeconds(30), () -> eval(browser,
                    "document.getElementById('outcome') ? document.getElementById('outcome').textContent : ''"),
                    o -> !o.isEmpty() && !o.equals("posting"), "the unlisted page's outcome");
            assertEquals("error Failed to fetch", refused, "the browser refused it after the preflight");
            assertEquals(before, inputEnds(), "the preflight was refused, so the POST never came");

            browser.navigate(listedPage.posting(runGateway, "cliente@example.org", "origem cruzada aceita")
                    .toString());
            String answered = Poll.until(Duration.ofSeconds(30), () -> eval(browser,
                    "document.getElementById('outcome') ? document.getElementById('outcome').textContent : ''"),
                    o -> !o.isEmpty() && !o.equals("posting"), "the listed page's outcome");
            assertTrue(answered.matches("202 \\{\"records\":\\[\\{\"partition\":\\d+,\"offset\":\\d+}].*"), answered);
        }
        Map<String, Long> counts = countsReach(runGateway, Map.of("cruzada", 1L, "aceita", 1L),
                "the listed page's sentence counted");
        assertTrue(!counts.containsKey("recusada"), counts.toString());
    }

    @Test
    @Order(10)
    void aRealPrometheusScrapesRunsMetricsWhichPromtoolPasses() throws Exception {
        assertEquals(Settings.LOOPBACK, metrics.getHost(), "metrics bind loopback unless told otherwise");
        HttpResponse<String> scrape = send(HttpRequest.newBuilder(metrics));
        assertEquals(200, scrape.statusCode());
        ProcessRun promtool = ProcessRun.of(new ProcessBuilder("promtool", "check", "metrics"), scrape.body(),
                Duration.ofSeconds(60), dataDir);
        assertEquals(0, promtool.exitCode(), promtool.output());
        assertEquals("", promtool.output().strip(), "promtool has nothing to say");
        for (String family : new String[] {"wordstream_job_input_rows_total", "wordstream_kafka_partition_lag_records",
            "wordstream_kafka_broker_up", "wordstream_job_batch_duration_seconds_bucket",
            "wordstream_sentences_acknowledged_total{via=\"gateway\"}",
            "wordstream_gateway_requests_total{endpoint=\"users\",status=\"202\"}"}) {
            assertTrue(scrape.body().contains(family), family + " in " + scrape.body());
        }

        PrometheusServer prometheus = PrometheusServer.scraping("wordstream", metrics.getAuthority(),
                dataDir.resolve("prometheus"));
        try (prometheus) {
            Poll.until(Duration.ofSeconds(120), () -> prometheus.value("up{job=\"wordstream\"}"),
                    "1"::equals, "Prometheus's up == 1 for run's /metrics");
            String read = Poll.until(Duration.ofSeconds(60), () -> prometheus.value(
                    "wordstream_job_input_rows_total"), v -> v != null && Double.parseDouble(v) > 0,
                    "the rows the job read, in Prometheus");
            assertTrue(Double.parseDouble(read) >= 10, "at least the sentences posted so far: " + read);
            assertEquals("1", Poll.until(Duration.ofSeconds(30), () -> prometheus.value(
                    "sum(wordstream_kafka_broker_up)"), v -> v != null, "brokers up"));
            String signUps = Poll.until(Duration.ofSeconds(30), () -> prometheus.value(
                    "wordstream_gateway_requests_total{endpoint=\"users\",status=\"202\"}"), v -> v != null,
                    "the sign-ups answered 202");
            assertTrue(Double.parseDouble(signUps) >= 4, "this class's sign-ups to run's gateway: " + signUps);
        }
        assertTrue(!prometheus.alive(), "Prometheus stopped");
    }

    private static boolean browserError(HeadlessChromium browser) {
        return eval(browser, "document.getElementById('status').className").equals("error");
    }

    private static String eval(HeadlessChromium browser, String expression) {
        try {
            return browser.evaluate(expression);
        } catch (Exception e) {
            throw new AssertionError(expression, e);
        }
    }

    private static void assertProblem(HttpResponse<String> r, int status, String reasonPattern) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(1, r.body().strip().lines().count(), "one line: " + r.body());
        assertTrue(r.body().matches("\\{\"error\":\"" + reasonPattern + "\"}"), "reason " + reasonPattern + " in "
                + r.body());
    }

    private HttpResponse<String> post(String path, String contentType, String body) {
        return post(gateway, path, contentType, body);
    }

    private HttpResponse<String> post(URI base, String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every window's count of each key of one dimension, summed over the windows GET /windows has. */
    private Map<String, Long> windowCounts(String dimension) {
        return windowCounts(gateway, dimension);
    }

    /** {@link ItSettings#awaitWordCounts} on {@code base}'s word counts over its windows. */
    private Map<String, Long> countsReach(URI base, Map<String, Long> expected, String what) {
        return ItSettings.awaitWordCounts(Duration.ofSeconds(60), () -> windowCounts(base, "word"),
                (c, word) -> c.getOrDefault(word, 0L), expected, what);
    }

    private List<MimeMessage> received(String recipient) {
        List<MimeMessage> to = new ArrayList<>();
        try {
            for (MimeMessage m : smtp.mail.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equals(recipient)) {
                    to.add(m);
                }
            }
        } catch (MessagingException e) {
            throw new AssertionError("a received message without a readable recipient", e);
        }
        return to;
    }

    private Map<String, Long> windowCounts(URI base, String dimension) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("windows?dimension=" + dimension
                + "&last=360")));
        assertEquals(200, r.statusCode(), r.body());
        Map<String, Long> sums = new HashMap<>();
        try {
            for (JsonNode w : JSON.readTree(r.body()).get("windows")) {
                for (JsonNode c : w.get("counts")) {
                    sums.merge(c.get("key").asText(), c.get("count").asLong(), Long::sum);
                }
            }
        } catch (IOException e) {
            throw new AssertionError(r.body(), e);
        }
        return sums;
    }

    private static long total(Map<String, Long> counts, String word) {
        return counts.entrySet().stream().filter(e -> e.getKey().endsWith(" word " + word))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** The value of one record of the input topic, where the gateway said it landed. */
    private String readInput(JsonNode record) {
        TopicPartition tp = new TopicPartition("sentences", record.get("partition").asInt());
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(kafka, new StringDeserializer(),
                new StringDeserializer())) {
            c.assign(List.of(tp));
            c.seek(tp, record.get("offset").asLong());
            // A first poll may return nothing while the consumer is still finding the partition's leader.
            return Poll.until(Duration.ofSeconds(60), () -> {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofSeconds(1))) {
                    return r.value();
                }
                return null;
            }, v -> v != null, "a record at " + record);
        }
    }

    private Map<TopicPartition, Long> inputEnds() {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(kafka, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = c.partitionsFor("sentences").stream()
                    .map(i -> new TopicPartition("sentences", i.partition())).toList();
            return new HashMap<>(c.endOffsets(partitions, Duration.ofSeconds(30)));
        }
    }

    private static void signal(ProcessHandle p, String signal) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor());
    }

    private Process start(String errFile, String... args) throws IOException {
        List<String> c = new ArrayList<>();
        c.add(Install.current().home().resolve("wordstream").toString());
        c.add(args[0]);
        c.addAll(List.of("--data-dir", dataDir.toString(), "--broker-port", Integer.toString(brokerPort)));
        c.addAll(List.of(args).subList(1, args.length));
        Process p = new ProcessBuilder(c)
                .redirectError(ProcessBuilder.Redirect.appendTo(dataDir.resolve(errFile).toFile())).start();
        started.add(p);
        p.getOutputStream().close();
        return p;
    }

    /** Waits for the process's first stdout line starting with {@code prefix} and returns it. */
    private String await(Process p, String prefix, String errFile) throws IOException {
        ProcessOutput out = output.computeIfAbsent(p, q -> ProcessOutput.stdout(q, "gateway-it-stdout"));
        // Generous: on a machine shared by many builds, the pipeline's start has taken over four minutes.
        Optional<String> line = out.awaitLine(l -> l.startsWith(prefix), Duration.ofSeconds(480),
                "the line starting with " + prefix);
        if (line.isEmpty()) {
            throw new AssertionError("exited with " + p.exitValue() + " before '" + prefix + "': "
                    + Files.readString(dataDir.resolve(errFile)));
        }
        return line.get();
    }
}

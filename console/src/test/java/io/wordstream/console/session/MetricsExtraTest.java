package io.wordstream.console.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** --metrics-port beside a pipeline: it says where it serves, counts typed sentences, and stops with the rest. */
class MetricsExtraTest {
    @Test
    void itServesOnLoopbackCountsTypedSentencesAndStopsWithTheExtras() throws Exception {
        List<String> results = new CopyOnWriteArrayList<>();
        PipelineExtras extras = PipelineExtras.builder(lines(results)).metrics("127.0.0.1", 0).build(true);
        URI metrics;
        try (extras) {
            assertEquals(List.of(), results, "said with the first event: the console's screen is not up before");
            extras.onEvent(new SessionEvent.Step("starting the Kafka broker"));
            extras.onEvent(new SessionEvent.Step("creating the topics"));
            assertEquals(1, results.size(), results.toString());
            assertTrue(results.get(0).matches("metrics http://127\\.0\\.0\\.1:\\d+/metrics"), results.get(0));
            metrics = URI.create(results.get(0).substring("metrics ".length()));

            extras.sentence(true);
            extras.sentence(true);
            extras.sentence(false);
            String body = scrape(metrics);
            for (String sample : new String[] {"wordstream_sentences_sent_total{via=\"console\"} 3.0",
                "wordstream_sentences_acknowledged_total{via=\"console\"} 2.0",
                "wordstream_sentences_failed_total{via=\"console\"} 1.0"}) {
                assertTrue(body.lines().anyMatch(sample::equals), sample + " in\n" + body);
            }
        }
        assertThrows(IOException.class, () -> scrape(metrics), "closed with the extras");
    }

    /** With a client of its own each time: no connection kept from an earlier scrape. */
    private static String scrape(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return r.body();
    }

    private static PipelineExtras.Lines lines(List<String> results) {
        return new PipelineExtras.Lines() {
            @Override
            public void result(String line) {
                results.add(line);
            }

            @Override
            public void progress(String line) {
                throw new AssertionError("the endpoint has no step: " + line);
            }

            @Override
            public void notice(String line) {
                throw new AssertionError("the endpoint has no notice: " + line);
            }
        };
    }
}

package io.wordstream.console.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.errors.UserError;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** /metrics over real HTTP: where it listens, what it answers, and one line when it cannot listen. */
class MetricsEndpointTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheTextFormatOnLoopback() throws Exception {
        PipelineMetrics metrics = PipelineMetricsTest.everythingFed();
        try (MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0, metrics.registry())) {
            assertTrue(endpoint.uri().toString().matches("http://127\\.0\\.0\\.1:\\d+/metrics"), endpoint.uri()
                    .toString());
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint.uri()).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                    r.headers().toString());
            assertEquals(PipelineMetricsTest.text(metrics), r.body());
            // The client's server would otherwise cut the gateway's event streams after 600 s, JVM-wide.
            assertEquals("-1", System.getProperty("sun.net.httpserver.maxRspTime"));
        }
    }

    @Test
    void aPortInUseOrAnAddressNotOfThisHostIsNamedInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            UserError e = assertThrows(UserError.class, () -> MetricsEndpoint.start("127.0.0.1", port,
                    new PipelineMetrics().registry()));
            assertTrue(e.getMessage().startsWith("cannot serve metrics on 127.0.0.1:" + port + " ("), e.getMessage());
            assertTrue(e.getMessage().endsWith("); choose another --metrics-port or --metrics-host"), e.getMessage());
        }
        UserError e = assertThrows(UserError.class, () -> MetricsEndpoint.start("no-such-host.invalid", 0,
                new PipelineMetrics().registry()));
        assertEquals("--metrics-host no-such-host.invalid is not an address of this host; give one of its addresses,"
                + " or leave it out for 127.0.0.1", e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> MetricsEndpoint.start(
                "127.0.0.1", 70000, new PipelineMetrics().registry()));
        assertEquals("--metrics-port takes a TCP port (1-65535, or 0 for any free one), got 70000", bad.getMessage());
    }
}

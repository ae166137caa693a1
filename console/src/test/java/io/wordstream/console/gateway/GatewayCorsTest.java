package io.wordstream.console.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's answers to browsers of other origins, over real HTTP: preflights, the CORS headers on answers and
 * refusals. No request here reaches Kafka (the bodies are refused first), so Kafka's address is one nothing serves.
 */
class GatewayCorsTest {
    private static final String LISTED = "http://127.0.0.1:3000";
    private static final String OTHER = "http://127.0.0.1:4000";

    private final HttpClient http = HttpClient.newHttpClient();
    private Gateway gateway;

    @BeforeEach
    void start() {
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", "127.0.0.1:1");
        gateway = new Gateway(GatewayConfig.defaults(0).withCors(CorsPolicy.of(List.of(LISTED))), kafka,
                "sentences", new LiveCounts(10));
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder preflight(String path, String origin, String method) {
        return HttpRequest.newBuilder(gateway.uri().resolve(path)).method("OPTIONS", HttpRequest.BodyPublishers
                .noBody()).header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "content-type");
    }

    private static Optional<String> header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name);
    }

    @Test
    void aPreflightOfAListedOriginIsAnsweredWithTheCorsHeaders() throws Exception {
        HttpResponse<String> r = send(preflight("users", LISTED, "POST"));
        assertEquals(204, r.statusCode(), r.body());
        assertEquals(Optional.of(LISTED), header(r, "Access-Control-Allow-Origin"));
        assertEquals(Optional.of("POST"), header(r, "Access-Control-Allow-Methods"));
        assertEquals(Optional.of("Content-Type"), header(r, "Access-Control-Allow-Headers"));
        assertEquals(Optional.of("600"), header(r, "Access-Control-Max-Age"));
        assertEquals(Optional.of("Origin"), header(r, "Vary"));
    }

    @Test
    void aPreflightOfAnotherOriginIsRefusedWithoutCorsHeadersAndSaysWhichFlagLetsItIn() throws Exception {
        HttpResponse<String> r = send(preflight("users", OTHER, "POST"));
        assertEquals(403, r.statusCode());
        assertEquals(Optional.empty(), header(r, "Access-Control-Allow-Origin"));
        assertEquals("{\"error\":\"pages of " + OTHER + " may not call /users; start the gateway with"
                + " --http-allow-origin " + OTHER + " to let them\"}", r.body());
        HttpResponse<String> wrongMethod = send(preflight("windows", LISTED, "POST"));
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("{\"error\":\"POST is not allowed on /windows; use GET\"}", wrongMethod.body());
    }

    @Test
    void answersToAListedOriginCarryTheHeaderSoItsPageCanReadEvenARefusal() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(gateway.uri().resolve("users")).header("Origin", LISTED)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"nome\":")));
        assertEquals(400, r.statusCode(), "it passed the origin check and reached the body: " + r.body());
        assertEquals(Optional.of(LISTED), header(r, "Access-Control-Allow-Origin"));
        HttpResponse<String> windows = send(HttpRequest.newBuilder(gateway.uri().resolve("windows"))
                .header("Origin", LISTED));
        assertEquals(200, windows.statusCode());
        assertEquals(Optional.of(LISTED), header(windows, "Access-Control-Allow-Origin"));
    }

    @Test
    void anotherOriginMayNotWriteEvenWithoutAPreflightAndItsReadsCarryNoHeader() throws Exception {
        // text/plain needs no preflight: a browser sends it as is, so the gateway itself must refuse it.
        HttpResponse<String> r = send(HttpRequest.newBuilder(gateway.uri().resolve("sentences"))
                .header("Origin", OTHER).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("")));
        assertEquals(403, r.statusCode(), r.body());
        HttpResponse<String> windows = send(HttpRequest.newBuilder(gateway.uri().resolve("windows"))
                .header("Origin", OTHER));
        assertEquals(200, windows.statusCode());
        assertEquals(Optional.empty(), header(windows, "Access-Control-Allow-Origin"));
    }

    @Test
    void theGatewaysOwnPageAndClientsThatAreNoBrowserWriteAsBefore() throws Exception {
        URI base = gateway.uri();
        String own = "http://" + base.getAuthority();
        HttpResponse<String> fromPage = send(HttpRequest.newBuilder(base.resolve("sentences")).header("Origin", own)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("")));
        assertEquals(400, fromPage.statusCode(), "past the origin check, refused for its empty body: "
                + fromPage.body());
        HttpResponse<String> curl = send(HttpRequest.newBuilder(base.resolve("sentences"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("")));
        assertEquals(400, curl.statusCode(), curl.body());
        HttpResponse<String> options = send(HttpRequest.newBuilder(base.resolve("users")).method("OPTIONS",
                HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, options.statusCode());
        assertEquals(Optional.of("POST, OPTIONS"), header(options, "Allow"));
        assertTrue(header(options, "Access-Control-Allow-Origin").isEmpty());
    }
}

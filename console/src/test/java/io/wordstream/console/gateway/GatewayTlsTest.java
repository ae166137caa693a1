package io.wordstream.console.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.launch.Ports;
import io.wordstream.console.security.CertsDir;
import io.wordstream.console.security.ClusterCredentials;
import io.wordstream.console.security.ClusterSecurity;
import io.wordstream.console.security.SecureMode;
import io.wordstream.console.security.TestCerts;
import io.wordstream.console.security.TlsContexts;
import io.wordstream.console.settings.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway over HTTPS with a node certificate: served off loopback when secured, read by a real TLS client. */
class GatewayTlsTest {
    @TempDir
    Path root;

    private static GatewayConfig on(String host) {
        return new GatewayConfig(host, 0, GatewayConfig.DEFAULT_MAX_BODY_BYTES, GatewayConfig.DEFAULT_MAX_RECORDS,
                GatewayConfig.DEFAULT_REQUESTS_PER_SECOND, GatewayConfig.DEFAULT_MAX_STREAMS, "resumo", false);
    }

    @Test
    void securedAndOffLoopbackItServesHttpsWithTheNodeCertificate() throws Exception {
        TestCerts certs = TestCerts.create(root);
        Path host = certs.node("host", Settings.LOOPBACK, "10.0.0.1");
        ClusterSecurity secured = SecureMode.decide(new SecureMode.Request(Optional.of(host), false, List.of(),
                false, new CertsDir.Needs(List.of(), true, true, false)), Instant.now()).security();
        Settings settings = Settings.builder().dataDir(root.resolve("data")).security(secured).build();
        assertTrue(GatewayService.tls(on("10.0.0.1"), settings).isPresent(), "off loopback: HTTPS");
        assertEquals(Optional.empty(), GatewayService.tls(on(Settings.LOOPBACK), settings), "on loopback: as before");
        assertEquals(Optional.empty(), GatewayService.tls(on("10.0.0.1"), Settings.builder().build()), "plain");

        // The HTTPS server itself, on loopback so that this test dials no other address.
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", Settings.LOOPBACK + ":" + Ports.freePort(Settings.LOOPBACK));
        ClusterCredentials c = secured.credentials().orElseThrow();
        try (Gateway gateway = new Gateway(on(Settings.LOOPBACK), kafka, "sentences", new LiveCounts(10), null,
                GatewayTraffic.NONE, Optional.of(TlsContexts.server(c.node().orElseThrow())))) {
            URI uri = gateway.uri();
            assertTrue(uri.toString().startsWith("https://127.0.0.1:"), uri.toString());
            HttpClient browser = HttpClient.newBuilder().sslContext(TlsContexts.trusting(c)).build();
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<form"), page.body());
            HttpClient plain = HttpClient.newHttpClient();
            URI clear = URI.create(uri.toString().replace("https://", "http://"));
            assertThrows(IOException.class, () -> plain.send(HttpRequest.newBuilder(clear).build(),
                    HttpResponse.BodyHandlers.ofString()), "no plain HTTP on the HTTPS port");
        }
    }
}

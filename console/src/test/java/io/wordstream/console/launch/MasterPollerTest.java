package io.wordstream.console.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.wordstream.console.model.MasterSnapshot;
import io.wordstream.console.security.CertsDir;
import io.wordstream.console.security.ClusterCredentials;
import io.wordstream.console.security.ClusterSecurity;
import io.wordstream.console.security.SecureMode;
import io.wordstream.console.security.TestCerts;
import io.wordstream.console.security.TlsContexts;
import io.wordstream.console.settings.Settings;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The master's JSON page read over real HTTP: answered, answered with something else, and not answered. */
class MasterPollerTest {
    private static HttpServer serving(String body) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(Settings.LOOPBACK, 0), 0);
        server.createContext("/json/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }

    private static URI page(HttpServer server) {
        return URI.create("http://" + Settings.LOOPBACK + ":" + server.getAddress().getPort() + "/json/");
    }

    @Test
    void aMastersPageGivesItsWorkers() throws Exception {
        HttpServer server = serving("{\"url\":\"spark://127.0.0.1:7177\",\"status\":\"ALIVE\",\"workers\":["
                + "{\"host\":\"127.0.0.1\",\"port\":40001,\"cores\":2,\"coresused\":1,\"memory\":1024,"
                + "\"memoryused\":512,\"state\":\"ALIVE\",\"lastheartbeat\":1764417600000}]}");
        try (MasterPoller poller = new MasterPoller(page(server))) {
            assertEquals(new MasterSnapshot(page(server).toString(), "spark://127.0.0.1:7177", "ALIVE",
                    List.of(new MasterSnapshot.Worker("127.0.0.1:40001", 2, 1, 1024, 512, "ALIVE", 1764417600000L)),
                    ""), poller.read());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aPageThatIsNotAMastersJsonSaysSo() throws Exception {
        HttpServer server = serving("<html>a worker's page</html>");
        try (MasterPoller poller = new MasterPoller(page(server))) {
            assertEquals(MasterSnapshot.unanswered(page(server).toString(), "not a Spark master's JSON"),
                    poller.read());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aPageNobodyServesIsOneLineWithTheReason() {
        URI nobody = URI.create("http://" + Settings.LOOPBACK + ":" + Ports.freePort(Settings.LOOPBACK) + "/json/");
        try (MasterPoller poller = new MasterPoller(nobody)) {
            MasterSnapshot s = poller.read();
            assertEquals(List.of(nobody.toString(), false), List.of(s.page(), s.answered()));
            assertTrue(!s.error().isBlank() && s.error().lines().count() == 1, s.error());
        }
    }

    @Test
    void aSecuredMastersTlsPageIsReadWithTheClientCertificateAndItsLoopbackPageOnItsOwnHost(@TempDir Path root)
            throws Exception {
        TestCerts certs = TestCerts.create(root);
        Path host = certs.node("host", Settings.LOOPBACK);
        ClusterSecurity operator = SecureMode.decide(new SecureMode.Request(Optional.of(certs.client("operator",
                "operator")), false, List.of(), false, CertsDir.Needs.clientOnly()), Instant.now()).security();
        String json = "{\"url\":\"spark://127.0.0.1:7177\",\"status\":\"ALIVE\",\"workers\":[]}";
        // A master started with --tls-ui: HTTPS, and a certificate of the cluster's CA asked of every client.
        ClusterCredentials server = CertsDir.read(host, new CertsDir.Needs(List.of(), true, false, false),
                Instant.now());
        HttpsServer https = HttpsServer.create(new InetSocketAddress(Settings.LOOPBACK, 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(TlsContexts.mutual(server.node().orElseThrow(), server)) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = getSSLContext().getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        https.createContext("/json/", exchange -> {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        https.start();
        int tlsPort = https.getAddress().getPort();
        try (MasterPoller poller = MasterPoller.of("spark://127.0.0.1:7177", null, operator, tlsPort).orElseThrow()) {
            MasterSnapshot s = poller.read();
            assertTrue(s.answered(), s.error());
            assertEquals("https://127.0.0.1:" + tlsPort + "/json/", s.page());
        } finally {
            https.stop(0);
        }
        // A secured master on this host without --tls-ui: its UI on loopback, plain.
        HttpServer plain = serving(json);
        int plainPort = plain.getAddress().getPort();
        try (MasterPoller poller = MasterPoller.of("spark://127.0.0.1:7177", null, operator, plainPort)
                .orElseThrow()) {
            MasterSnapshot s = poller.read();
            assertTrue(s.answered(), s.error());
            assertEquals("http://127.0.0.1:" + plainPort + "/json/", s.page());
        } finally {
            plain.stop(0);
        }
        // Neither: one line, which says why a secured master may not answer here.
        try (MasterPoller poller = MasterPoller.of("spark://127.0.0.1:7177", null, operator, plainPort)
                .orElseThrow()) {
            MasterSnapshot s = poller.read();
            assertTrue(!s.answered() && s.error().endsWith("; a secured master shows its web UI to its own host"
                    + " only, unless started with --tls-ui") && s.error().lines().count() == 1, s.error());
        }
    }

    @Test
    void thePageIsTheLocalClustersOrPort8080OfAStandaloneMasterAndNoneInLocalMode() {
        assertEquals(Optional.of(URI.create("http://10.1.2.3:8080/json/")),
                MasterPoller.pageOf("spark://10.1.2.3:7077,10.1.2.4:7077", null));
        assertEquals(Optional.empty(), MasterPoller.pageOf("local[2]", null));
    }
}

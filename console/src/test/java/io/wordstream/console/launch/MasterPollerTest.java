package io.wordstream.console.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.wordstream.console.model.MasterSnapshot;
import io.wordstream.console.settings.Settings;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
    void thePageIsTheLocalClustersOrPort8080OfAStandaloneMasterAndNoneInLocalMode() {
        assertEquals(Optional.of(URI.create("http://10.1.2.3:8080/json/")),
                MasterPoller.pageOf("spark://10.1.2.3:7077,10.1.2.4:7077", null));
        assertEquals(Optional.empty(), MasterPoller.pageOf("local[2]", null));
    }
}

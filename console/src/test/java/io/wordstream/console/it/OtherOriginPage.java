package io.wordstream.console.it;

import com.sun.net.httpserver.HttpServer;
import io.wordstream.console.settings.Settings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A page of another origin than the gateway's (another port of 127.0.0.1), as the original's React client was: once
 * loaded it posts the original's sign-up JSON to the gateway named in its query string, with
 * {@code Content-Type: application/json} as axios does, so the browser sends a preflight first. What came back, or
 * the browser's error, goes into the element {@code outcome}.
 */
final class OtherOriginPage implements AutoCloseable {
    private static final String PAGE = """
            <!doctype html>
            <html><head><meta charset="utf-8"><title>cliente</title></head>
            <body><p id="outcome">posting</p>
            <script>
            const q = new URLSearchParams(location.search);
            fetch(q.get('gateway') + 'users', {
              method: 'POST',
              headers: {'Content-Type': 'application/json'},
              body: JSON.stringify({nome: 'Cliente', email: q.get('email'), resumo: q.get('resumo')})
            }).then(r => r.text().then(t => {
              document.getElementById('outcome').textContent = r.status + ' ' + t;
            })).catch(e => {
              document.getElementById('outcome').textContent = 'error ' + e.message;
            });
            </script></body></html>
            """;

    private final HttpServer server;

    /** Serves the page on 127.0.0.1:{@code port}. */
    OtherOriginPage(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(Settings.LOOPBACK, port), 8);
        server.createContext("/", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** This page's origin, as the browser sends it. */
    String origin() {
        return "http://" + Settings.LOOPBACK + ":" + server.getAddress().getPort();
    }

    /** The page's address, posting {@code resumo} for {@code email} to {@code gateway}. */
    URI posting(URI gateway, String email, String resumo) {
        return URI.create(origin() + "/?gateway=" + encode(gateway.toString()) + "&email=" + encode(email)
                + "&resumo=" + encode(resumo));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

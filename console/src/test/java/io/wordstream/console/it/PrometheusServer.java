package io.wordstream.console.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordstream.console.launch.Ports;
import io.wordstream.console.settings.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Prometheus, started as a binary with a config of the test's own that scrapes one target every second,
 * its storage under the test's directory and its web API on a loopback port; stopped by its handle.
 */
final class PrometheusServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI api;
    private final HttpClient http = HttpClient.newHttpClient();

    private PrometheusServer(Process process, URI api) {
        this.process = process;
        this.api = api;
    }

    /** Starts Prometheus scraping {@code target} ({@code HOST:PORT}, path /metrics) as job {@code job}. */
    static PrometheusServer scraping(String job, String target, Path dir) throws IOException {
        Path binary = Path.of("/usr/bin/prometheus");
        if (!Files.isExecutable(binary)) {
            throw new AssertionError("prometheus is not installed: run 'apt-get install -y prometheus' (.ci/run does)");
        }
        Files.createDirectories(dir);
        Path config = Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: 1s\n"
                + "scrape_configs:\n  - job_name: " + job + "\n    static_configs:\n      - targets: [\"" + target
                + "\"]\n");
        int port = Ports.freePort(Settings.LOOPBACK);
        Process p = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=" + Settings.LOOPBACK + ":" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        return new PrometheusServer(p, URI.create("http://" + Settings.LOOPBACK + ":" + port + "/api/v1/"));
    }

    /** The value of an instant query's first sample, or null while it has none (or Prometheus is not up yet). */
    String value(String query) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(api.resolve("query?query=" + URLEncoder
                    .encode(query, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return null;
            }
            JsonNode result = JSON.readTree(r.body()).path("data").path("result");
            return result.isEmpty() ? null : result.get(0).path("value").get(1).asText();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

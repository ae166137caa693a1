package io.wordstream.console.launch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordstream.common.ExecutorStop;
import io.wordstream.console.model.MasterSnapshot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a Spark standalone master's JSON status page every {@link #PERIOD} on a thread of its own, for the cluster
 * view's master and workers. A page that does not answer, or answers with something else than the master's JSON,
 * becomes a reading that says so in one line.
 */
public final class MasterPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MasterPoller.class);
    /** How often the page is read. */
    public static final Duration PERIOD = Duration.ofSeconds(2);
    private static final Duration ANSWER_WITHIN = Duration.ofMillis(1500);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Spark's default port of the master's web UI, for a master the console did not start. */
    static final int DEFAULT_UI_PORT = 8080;

    private final URI page;
    private final HttpClient http;
    private final ScheduledExecutorService timer;

    public MasterPoller(URI page) {
        this.page = page;
        this.http = HttpClient.newBuilder().connectTimeout(ANSWER_WITHIN).build();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cluster-view-master");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The JSON page of the master at {@code master}: the console's own local cluster's UI when there is one, else
     * Spark's default UI port on the master's host; none for a master that is not standalone (local mode).
     */
    public static Optional<URI> pageOf(String master, LocalCluster local) {
        if (local != null) {
            return Optional.of(URI.create(local.webUi() + "/json/"));
        }
        if (!master.startsWith("spark://")) {
            return Optional.empty();
        }
        // A standalone master with standby masters is listed with commas: the first is asked.
        String hostPort = master.substring("spark://".length()).split(",")[0];
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        return Optional.of(URI.create("http://" + host + ":" + DEFAULT_UI_PORT + "/json/"));
    }

    /** Starts reading; {@code sink} runs on the poller's thread (hand it to the UI thread from there). */
    public MasterPoller start(Consumer<MasterSnapshot> sink) {
        // Stopped by shutting the executor down; each reading catches its own failures.
        var unused = timer.scheduleWithFixedDelay(() -> {
            try {
                sink.accept(read());
            } catch (RuntimeException e) {
                LOG.warn("a reading of the Spark master for the cluster view failed: {}", e.toString());
            }
        }, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One reading of the page. */
    public MasterSnapshot read() {
        String where = page.toString();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(page).timeout(ANSWER_WITHIN).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return MasterSnapshot.unanswered(where, "HTTP " + r.statusCode());
            }
            JsonNode json = JSON.readTree(r.body());
            if (json == null || !json.isObject() || !json.has("workers")) {
                return MasterSnapshot.unanswered(where, "not a Spark master's JSON");
            }
            return MasterSnapshot.parse(where, json);
        } catch (JsonProcessingException e) {
            return MasterSnapshot.unanswered(where, "not a Spark master's JSON");
        } catch (HttpTimeoutException e) {
            return MasterSnapshot.unanswered(where, "no answer within " + ANSWER_WITHIN.toMillis() + " ms");
        } catch (IOException e) {
            return MasterSnapshot.unanswered(where, e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MasterSnapshot.unanswered(where, "interrupted");
        }
    }

    @Override
    public void close() {
        if (!ExecutorStop.now(timer, Duration.ofSeconds(5))) {
            LOG.warn("the cluster view's master poller did not stop within 5 s");
        }
    }
}

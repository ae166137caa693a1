package io.wordstream.console.launch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordstream.common.ExecutorStop;
import io.wordstream.console.model.MasterSnapshot;
import io.wordstream.console.security.ClusterSecurity;
import io.wordstream.console.security.TlsContexts;
import io.wordstream.console.settings.Settings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    private final List<URI> pages;
    private final HttpClient http;
    private final String unreachable;
    private final ScheduledExecutorService timer;
    /** The page that answered last, asked first. */
    private volatile int answering;

    public MasterPoller(URI page) {
        this(List.of(page), HttpClient.newBuilder().connectTimeout(ANSWER_WITHIN).build(), "");
    }

    /**
     * Reads the first of {@code pages} that answers, with {@code http}.
     *
     * @param unreachable what to add when no page answers at all: why that may be, and the way out
     */
    MasterPoller(List<URI> pages, HttpClient http, String unreachable) {
        this.pages = List.copyOf(pages);
        this.http = http;
        this.unreachable = unreachable;
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
        return masterHost(master).map(host -> URI.create("http://" + host + ":" + DEFAULT_UI_PORT + "/json/"));
    }

    /**
     * A poller of the master at {@code master} under {@code security}, none for a master that is not standalone.
     * Secured, a master's UI listens on its own host's loopback unless it was started with {@code --tls-ui}: this
     * host's own master is read there, another host's over TLS with this console's client certificate.
     */
    public static Optional<MasterPoller> of(String master, LocalCluster local, ClusterSecurity security) {
        return of(master, local, security, DEFAULT_UI_PORT);
    }

    /** As above, for a master whose web UI is on {@code uiPort}. */
    static Optional<MasterPoller> of(String master, LocalCluster local, ClusterSecurity security, int uiPort) {
        if (local != null || !security.secured()) {
            return pageOf(master, local).map(MasterPoller::new);
        }
        return masterHost(master).map(host -> {
            List<URI> pages = new ArrayList<>(List.of(URI.create("https://" + host + ":" + uiPort + "/json/")));
            if (isThisHost(host)) {
                pages.add(URI.create("http://" + Settings.LOOPBACK + ":" + uiPort + "/json/"));
            }
            HttpClient https = HttpClient.newBuilder().connectTimeout(ANSWER_WITHIN)
                    .sslContext(TlsContexts.client(security.credentials().orElseThrow())).build();
            return new MasterPoller(pages, https, "; a secured master shows its web UI to its own host only,"
                    + " unless started with --tls-ui");
        });
    }

    private static Optional<String> masterHost(String master) {
        if (!master.startsWith("spark://")) {
            return Optional.empty();
        }
        // A standalone master with standby masters is listed with commas: the first is asked.
        String hostPort = master.substring("spark://".length()).split(",")[0];
        int colon = hostPort.lastIndexOf(':');
        return Optional.of(colon < 0 ? hostPort : hostPort.substring(0, colon));
    }

    /** True for loopback and for an address of one of this host's interfaces. */
    static boolean isThisHost(String host) {
        try {
            InetAddress a = InetAddress.getByName(host);
            return a.isLoopbackAddress() || NetworkInterface.getByInetAddress(a) != null;
        } catch (IOException e) {
            return false;
        }
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

    /** One reading: of the page that answered last, else of the first other one that answers. */
    public MasterSnapshot read() {
        int first = answering;
        MasterSnapshot failed = null;
        for (int i = 0; i < pages.size(); i++) {
            int k = (first + i) % pages.size();
            MasterSnapshot s = read(pages.get(k));
            if (s.answered()) {
                answering = k;
                return s;
            }
            failed = failed == null ? s : failed;
        }
        return failed;
    }

    private MasterSnapshot read(URI page) {
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
            return MasterSnapshot.unanswered(where, (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()) + unreachable);
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

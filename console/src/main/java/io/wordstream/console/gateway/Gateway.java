package io.wordstream.console.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.wordstream.common.ExecutorStop;
import io.wordstream.console.errors.UserError;
import io.wordstream.console.kafka.RecordWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP entry of the original project, kept: sign-ups and sentences in ({@code POST /users},
 * {@code POST /sentences}), counts out ({@code GET /windows}, {@code GET /events}), and a page with the form and a
 * live chart ({@code GET /}). Built on the JDK's own HTTP server.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    /** The page's files, served from the jar; nothing else is. */
    private static final Map<String, String> PAGE_FILES = Map.of(
            "/", "index.html", "/index.html", "index.html", "/app.js", "app.js", "/style.css", "style.css");
    private static final Set<String> DIMENSIONS = Set.of("word", "letter", "length");
    private static final int MAX_LAST = 360;

    private final GatewayConfig config;
    private final RecordWriter writer;
    private final LiveCounts counts;
    private final Submissions submissions;
    private final RateLimiter limiter;
    private final EventStreams streams;
    private final HttpServer server;
    private final ExecutorService threads;
    /** The welcome note of sign-ups; null when the operator did not ask for it. */
    private final WelcomeMail welcome;
    private final GatewayTraffic traffic;

    /**
     * Starts listening at once.
     *
     * @param clientProperties Kafka client settings (bootstrap servers and the operator's file)
     * @param inputTopic       where sentences go
     * @param counts           the counts to serve, fed by whoever owns them
     */
    public Gateway(GatewayConfig config, Properties clientProperties, String inputTopic, LiveCounts counts) {
        this(config, clientProperties, inputTopic, counts, null);
    }

    /** As above, and with {@code welcome} (null for none) each sign-up Kafka acknowledged gets a welcome note. */
    public Gateway(GatewayConfig config, Properties clientProperties, String inputTopic, LiveCounts counts,
                   WelcomeMail welcome) {
        this(config, clientProperties, inputTopic, counts, welcome, GatewayTraffic.NONE, Optional.empty());
    }

    /**
     * As above, reporting each answer and each request's sentences to {@code traffic}; with {@code tls} it serves HTTPS
     * only.
     */
    public Gateway(GatewayConfig config, Properties clientProperties, String inputTopic, LiveCounts counts,
                   WelcomeMail welcome, GatewayTraffic traffic, Optional<SSLContext> tls) {
        this.config = config;
        this.welcome = welcome;
        this.traffic = traffic;
        this.counts = counts;
        this.submissions = new Submissions(config);
        this.limiter = new RateLimiter(config.requestsPerSecond(), System::nanoTime);
        this.streams = new EventStreams(counts, config.maxStreams());
        try {
            InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
            if (tls.isPresent()) {
                HttpsServer https = HttpsServer.create(address, 64);
                https.setHttpsConfigurator(new HttpsConfigurator(tls.get()));
                this.server = https;
            } else {
                this.server = HttpServer.create(address, 64);
            }
        } catch (BindException e) {
            throw new UserError("cannot listen on " + config.host() + ":" + config.port() + " (" + e.getMessage()
                    + "); choose another --http port or --http-host");
        } catch (IOException e) {
            throw new UserError("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage());
        }
        this.writer = new RecordWriter(clientProperties, inputTopic, config.batchBytes());
        // Each event stream holds a thread for its life: room for all of them plus the ordinary requests.
        this.threads = Executors.newFixedThreadPool(config.maxStreams() + 8, r -> {
            Thread t = new Thread(r, "gateway-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/users", guarded("users", "POST", exact("/users", this::users)));
        server.createContext("/sentences", guarded("sentences", "POST", exact("/sentences", this::sentences)));
        server.createContext("/windows", guarded("windows", "GET", exact("/windows", this::windows)));
        server.createContext("/events", guarded("events", "GET", exact("/events", streams::serve)));
        server.createContext("/", guarded("page", "GET", this::page));
        server.start();
    }

    /** Where it listens, as a URL ending in a slash. */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        String scheme = server instanceof HttpsServer ? "https://" : "http://";
        return URI.create(scheme + config.host() + ":" + a.getPort() + "/");
    }

    /**
     * A handler that answers preflights, and in words to a wrong method, too many requests and any refused request;
     * each answer is reported under {@code endpoint}.
     */
    private HttpHandler guarded(String endpoint, String method, Handler handler) {
        return exchange -> {
            try {
                if ("OPTIONS".equals(exchange.getRequestMethod())) {
                    config.cors().answerOptions(exchange, method);
                    return;
                }
                config.cors().admit(exchange, method);
                if (!method.equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().set("Allow", method);
                    throw new HttpProblem(405, exchange.getRequestMethod() + " is not allowed on "
                            + exchange.getRequestURI().getPath() + "; use " + method);
                }
                if (!limiter.tryAcquire()) {
                    exchange.getResponseHeaders().set("Retry-After", "1");
                    throw new HttpProblem(429, "more than " + config.requestsPerSecond()
                            + " requests per second; try again in a second");
                }
                handler.handle(exchange);
            } catch (HttpProblem p) {
                Exchanges.problem(exchange, p);
            } catch (RuntimeException e) {
                LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                Exchanges.problem(exchange, new HttpProblem(500, "the gateway failed: " + e));
            } finally {
                exchange.close();
                traffic.answered(endpoint, exchange.getResponseCode());
            }
        };
    }

    /** The server matches contexts by prefix: {@code /users/x} and {@code /usersx} are not {@code /users}. */
    private static Handler exact(String path, Handler handler) {
        return exchange -> {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                throw new HttpProblem(404, "nothing at " + exchange.getRequestURI().getPath() + "; the page is at /");
            }
            handler.handle(exchange);
        };
    }

    /** One endpoint's work; it may refuse the request with an {@link HttpProblem}. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException, HttpProblem;
    }

    private void users(HttpExchange exchange) throws IOException, HttpProblem {
        Submissions.SignUp signUp = submissions.signUp(Exchanges.body(exchange, config.maxBodyBytes()));
        List<RecordWriter.Written> written = written(exchange, signUp.records());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("records", written);
        if (welcome != null) {
            // Only once Kafka has the sentence: a refused sign-up gets no note.
            answer.put("welcome", welcome.signedUp(signUp.nome(), signUp.email()).text());
        }
        Exchanges.json(exchange, 202, answer);
    }

    private void sentences(HttpExchange exchange) throws IOException, HttpProblem {
        byte[] body = Exchanges.body(exchange, config.maxBodyBytes());
        write(exchange, submissions.sentences(body, exchange.getRequestHeaders().getFirst("Content-Type")));
    }

    private void write(HttpExchange exchange, List<String> records) throws IOException, HttpProblem {
        Exchanges.json(exchange, 202, Map.of("records", written(exchange, records)));
    }

    private List<RecordWriter.Written> written(HttpExchange exchange, List<String> records) throws HttpProblem {
        try {
            List<RecordWriter.Written> written = writer.write(records);
            traffic.sentences(records.size(), written.size(), 0);
            return written;
        } catch (RecordWriter.Unavailable e) {
            traffic.sentences(records.size(), 0, records.size());
            exchange.getResponseHeaders().set("Retry-After", "5");
            throw new HttpProblem(503, e.getMessage());
        } catch (InterruptedException e) {
            traffic.sentences(records.size(), 0, records.size());
            Thread.currentThread().interrupt();
            throw new HttpProblem(503, "the gateway is stopping; nothing was acknowledged");
        }
    }

    private void windows(HttpExchange exchange) throws IOException, HttpProblem {
        Map<String, String> query = Query.parse(exchange.getRequestURI().getRawQuery());
        String dimension = query.getOrDefault("dimension", "word");
        if (!DIMENSIONS.contains(dimension)) {
            throw new HttpProblem(400, "dimension must be word, letter or length, not '" + dimension + "'");
        }
        int last = Query.number(query, "last", 1, 1, MAX_LAST);
        int top = Query.number(query, "top", 100, 1, 100_000);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("dimension", dimension);
        answer.put("windows", counts.latest(dimension, last, top));
        Exchanges.json(exchange, 200, answer);
    }

    private void page(HttpExchange exchange) throws IOException, HttpProblem {
        String file = PAGE_FILES.get(exchange.getRequestURI().getPath());
        if (file == null) {
            throw new HttpProblem(404, "nothing at " + exchange.getRequestURI().getPath() + "; the page is at /");
        }
        byte[] content;
        try (InputStream in = Gateway.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the page file " + file);
            }
            content = in.readAllBytes();
        }
        String type = file.endsWith(".html") ? "text/html; charset=utf-8"
                : file.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
        Exchanges.send(exchange, 200, type, content);
    }

    @Override
    public void close() {
        streams.close();
        server.stop(0);
        if (!ExecutorStop.now(threads, Duration.ofSeconds(5))) {
            LOG.warn("gateway threads still running 5 s after stop");
        }
        writer.close();
    }
}

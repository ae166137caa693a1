package io.wordstream.console.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which other origins' pages may call the gateway from a browser ({@code --http-allow-origin}): their preflights are
 * answered and their responses carry the CORS headers; pages of any other origin get neither, and may not write.
 * {@code *} lets every origin in, and only when the operator wrote it out.
 */
public final class CorsPolicy {
    /** No other origin: only the gateway's own page (and clients that are no browser). */
    public static final CorsPolicy NONE = new CorsPolicy(Set.of(), false);

    /** How long a browser may keep a preflight's answer. */
    static final String MAX_AGE_SECONDS = "600";

    /** In the order given, each once. */
    private final List<String> origins;
    private final boolean any;

    private CorsPolicy(Set<String> origins, boolean any) {
        this.origins = List.copyOf(origins);
        this.any = any;
    }

    /**
     * The policy for the origins given, each {@code http(s)://HOST[:PORT]} as a browser sends it, or {@code *}.
     *
     * @throws IllegalArgumentException naming the first value that is no origin, and what one looks like
     */
    public static CorsPolicy of(List<String> values) {
        Set<String> origins = new LinkedHashSet<>();
        boolean any = false;
        for (String value : values) {
            String v = value.strip();
            if (v.equals("*")) {
                any = true;
            } else {
                origins.add(origin(v));
            }
        }
        return origins.isEmpty() && !any ? NONE : new CorsPolicy(origins, any);
    }

    /** {@code v} as browsers write origins: scheme and host lower-case, the port only when it is not the default. */
    private static String origin(String v) {
        String refused = "--http-allow-origin takes an origin such as http://127.0.0.1:5173 (scheme, host and port as"
                + " the browser's address bar shows them, no path), or * for any; got '" + v + "'";
        URI u;
        try {
            u = new URI(v);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(refused);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        boolean pathless = u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/");
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || !pathless
                || u.getRawQuery() != null || u.getRawFragment() != null || u.getRawUserInfo() != null) {
            throw new IllegalArgumentException(refused);
        }
        int port = u.getPort();
        boolean defaultPort = port == -1 || port == (scheme.equals("http") ? 80 : 443);
        return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** Whether a page of {@code origin} (a request's {@code Origin} header) may call the gateway. */
    public boolean allows(String origin) {
        if (origin == null || origin.isBlank() || origin.equals("null")) {
            return false;
        }
        if (any) {
            return true;
        }
        try {
            return origins.contains(origin(origin.strip()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether a request with this {@code Origin} header comes from the gateway's own page: the origin's host and
     * port are the request's {@code Host}, whatever the scheme.
     */
    static boolean sameOrigin(String origin, String host) {
        if (origin == null || host == null) {
            return false;
        }
        try {
            URI u = new URI(origin.strip());
            return u.getRawAuthority() != null && u.getRawAuthority().equalsIgnoreCase(host.strip());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Answers {@code OPTIONS} on an endpoint that takes {@code method}: a browser's preflight from an allowed origin
     * gets 204 and the CORS headers, from any other origin 403; a plain {@code OPTIONS} the methods allowed.
     */
    void answerOptions(HttpExchange exchange, String method) throws IOException, HttpProblem {
        Headers request = exchange.getRequestHeaders();
        Headers response = exchange.getResponseHeaders();
        String origin = request.getFirst("Origin");
        String asked = request.getFirst("Access-Control-Request-Method");
        if (origin == null || asked == null) {
            response.set("Allow", method + ", OPTIONS");
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        response.add("Vary", "Origin");
        if (!allows(origin)) {
            throw refused(origin, exchange);
        }
        if (!asked.strip().equals(method)) {
            throw new HttpProblem(405, asked.strip() + " is not allowed on " + exchange.getRequestURI().getPath()
                    + "; use " + method);
        }
        response.set("Access-Control-Allow-Origin", any ? "*" : origin.strip());
        response.set("Access-Control-Allow-Methods", method);
        response.set("Access-Control-Allow-Headers", "Content-Type");
        response.set("Access-Control-Max-Age", MAX_AGE_SECONDS);
        exchange.sendResponseHeaders(204, -1);
    }

    /**
     * For a request that is no preflight: adds the CORS headers when its origin is allowed; refuses a write
     * ({@code method} other than GET) from a page of another origin that is not allowed, which a browser would
     * otherwise send without asking for the simple content types.
     */
    void admit(HttpExchange exchange, String method) throws HttpProblem {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin == null) {
            return; // no browser, or a same-origin GET
        }
        exchange.getResponseHeaders().add("Vary", "Origin");
        if (allows(origin)) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", any ? "*" : origin.strip());
        } else if (!method.equals("GET") && !sameOrigin(origin, exchange.getRequestHeaders().getFirst("Host"))) {
            throw refused(origin, exchange);
        }
    }

    private static HttpProblem refused(String origin, HttpExchange exchange) {
        return new HttpProblem(403, "pages of " + origin.strip() + " may not call " + exchange.getRequestURI()
                .getPath() + "; start the gateway with --http-allow-origin " + origin.strip() + " to let them");
    }

    /** The origins listed, for the line the gateway prints; {@code *} when any may. */
    public List<String> describe() {
        return any ? List.of("*") : List.copyOf(origins);
    }
}

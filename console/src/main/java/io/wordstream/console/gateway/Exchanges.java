package io.wordstream.console.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reading bodies within a limit and answering with JSON, for every handler of the gateway. */
final class Exchanges {
    static final ObjectMapper JSON = new ObjectMapper();

    private Exchanges() {
    }

    /** The request body, or 413 as soon as it passes {@code limit} bytes (before reading it when it says so). */
    static byte[] body(HttpExchange exchange, int limit) throws IOException, HttpProblem {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > limit) {
                    throw new HttpProblem(413, "the body is " + length.strip() + " bytes, more than the limit of "
                            + limit);
                }
            } catch (NumberFormatException e) {
                throw new HttpProblem(400, "Content-Length is not a number");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = exchange.getRequestBody()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                if (out.size() > limit) {
                    throw new HttpProblem(413, "the body is more than the limit of " + limit + " bytes");
                }
            }
        }
        return out.toByteArray();
    }

    /** Answers with {@code value} as JSON. */
    static void json(HttpExchange exchange, int status, Object value) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(value));
    }

    /** Answers with the reason as one line of JSON: {"error": "..."}. */
    static void problem(HttpExchange exchange, HttpProblem problem) throws IOException {
        json(exchange, problem.status(), Map.of("error", problem.getMessage()));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

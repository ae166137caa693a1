package io.wordstream.console.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wordstream.testsupport.Poll;
import io.wordstream.testsupport.ProcessOutput;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's chromium, headless, driven through the DevTools protocol over a WebSocket: it navigates, types with
 * key events, clicks with mouse events, evaluates JavaScript and takes screenshots, as a person's browser would.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Starts chromium with a fresh profile in {@code profile}; fails in one line when it is not installed. */
    static HeadlessChromium start(Path profile) throws Exception {
        Path binary = Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(binary)) {
            throw new AssertionError("chromium is not installed: run 'apt-get install -y chromium' (.ci/run does)");
        }
        // As root (CI, containers) chromium runs only without its sandbox; a small /dev/shm would crash its tabs.
        ProcessBuilder pb = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=1200,800", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // Its singleton socket's directory goes to TMPDIR, and stays there after the browser is stopped: the test's.
        pb.environment().put("TMPDIR", Files.createDirectories(profile.resolveSibling(profile.getFileName() + "-tmp"))
                .toString());
        Process p = pb.start();
        try {
            String endpoint = devToolsEndpoint(p);
            HttpClient http = HttpClient.newHttpClient();
            URI list = URI.create("http://" + URI.create(endpoint).getAuthority() + "/json/list");
            String pageSocket = Poll.until(Duration.ofSeconds(30), () -> pageSocket(http, list),
                    s -> s != null, "chromium's page target");
            HeadlessChromium[] self = new HeadlessChromium[1];
            WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new WebSocket.Listener() {
                private final StringBuilder message = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    message.append(data);
                    if (last) {
                        self[0].onMessage(message.toString());
                        message.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
            self[0] = new HeadlessChromium(p, ws);
            return self[0];
        } catch (Exception | AssertionError e) {
            stop(p);
            throw e;
        }
    }

    /** The browser's WebSocket address, from the line chromium prints on stderr once it listens. */
    private static String devToolsEndpoint(Process p) {
        String prefix = "DevTools listening on ";
        ProcessOutput err = ProcessOutput.stderr(p, "chromium-stderr");
        return err.awaitLine(l -> l.startsWith(prefix), Duration.ofSeconds(60), "chromium's DevTools address")
                .orElseThrow(() -> new AssertionError("chromium ended without a DevTools address: " + err.text()))
                .substring(prefix.length()).strip();
    }

    private static String pageSocket(HttpClient http, URI list) {
        try {
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(list).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode t : targets) {
                if ("page".equals(t.path("type").asText())) {
                    return t.path("webSocketDebuggerUrl").asText();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void onMessage(String text) {
        try {
            JsonNode m = JSON.readTree(text);
            CompletableFuture<JsonNode> call = m.has("id") ? pending.remove(m.get("id").asInt()) : null;
            if (call != null) {
                call.complete(m);
            }
        } catch (IOException e) {
            throw new IllegalStateException("chromium sent something not JSON: " + text, e);
        }
    }

    /** Calls one DevTools method and returns its result; a protocol error fails the test. */
    JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode request = JSON.createObjectNode().put("id", id).put("method", method);
        request.set("params", params);
        socket.sendText(request.toString(), true).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode m = answer.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (m.has("error")) {
            throw new AssertionError(method + " failed: " + m.get("error"));
        }
        return m.path("result");
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    void navigate(String url) throws Exception {
        call("Page.navigate", params().put("url", url));
    }

    /** The value of a JavaScript expression in the page, as a string. */
    String evaluate(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", params().put("expression", expression).put("returnByValue", true));
        if (r.has("exceptionDetails")) {
            throw new AssertionError(expression + " threw: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value").asText();
    }

    /** Clicks the middle of the element with this id, with the mouse: pressed, then released. */
    void click(String elementId) throws Exception {
        JsonNode box = JSON.readTree(evaluate("JSON.stringify(document.getElementById('" + elementId
                + "').getBoundingClientRect())"));
        double x = box.get("x").asDouble() + box.get("width").asDouble() / 2;
        double y = box.get("y").asDouble() + box.get("height").asDouble() / 2;
        call("Input.dispatchMouseEvent", params().put("type", "mouseMoved").put("x", x).put("y", y));
        for (String type : new String[] {"mousePressed", "mouseReleased"}) {
            call("Input.dispatchMouseEvent", params().put("type", type).put("x", x).put("y", y)
                    .put("button", "left").put("clickCount", 1));
        }
    }

    /** Types {@code text} into whatever has the focus, one key press per character. */
    void type(String text) throws Exception {
        for (int i = 0; i < text.length(); ) {
            String c = new String(Character.toChars(text.codePointAt(i)));
            call("Input.dispatchKeyEvent", params().put("type", "keyDown").put("text", c).put("key", c));
            call("Input.dispatchKeyEvent", params().put("type", "keyUp").put("key", c));
            i += c.length();
        }
    }

    /** A PNG of the page as it is drawn now. */
    byte[] screenshot() throws Exception {
        return Base64.getDecoder().decode(call("Page.captureScreenshot", params().put("format", "png"))
                .path("data").asText());
    }

    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        socket.abort();
        stop(process);
    }
}

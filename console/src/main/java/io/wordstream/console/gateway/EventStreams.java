package io.wordstream.console.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import io.wordstream.console.model.ResultRow;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /events}: a Server-Sent Events stream of the result rows that change the counts, one {@code row}
 * event each, for at most a given number of clients at once. A comment line every 15 s finds clients gone.
 */
final class EventStreams {
    private static final long KEEP_ALIVE_SECONDS = 15;
    /** Rows a slow client may lag behind before its stream is ended (it reconnects and reads /windows again). */
    private static final int MAX_BACKLOG = 10_000;
    private static final ResultRow STOP = new ResultRow(null, null, null, null, 0);

    private final LiveCounts counts;
    private final int maxStreams;
    private final Semaphore slots;
    private final Map<Object, BlockingQueue<ResultRow>> open = new ConcurrentHashMap<>();

    EventStreams(LiveCounts counts, int maxStreams) {
        this.counts = counts;
        this.maxStreams = maxStreams;
        this.slots = new Semaphore(maxStreams);
    }

    void serve(HttpExchange exchange) throws IOException, HttpProblem {
        if (!slots.tryAcquire()) {
            exchange.getResponseHeaders().set("Retry-After", "10");
            throw new HttpProblem(503, "already " + maxStreams + " event streams open, the limit; try again later");
        }
        BlockingQueue<ResultRow> queue = new LinkedBlockingQueue<>(MAX_BACKLOG);
        Object key = new Object();
        Runnable unsubscribe = counts.subscribe(row -> {
            if (!queue.offer(row)) {
                queue.clear();
                queue.offer(STOP);
            }
        });
        open.put(key, queue);
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(Exchanges.utf8(": wordstream result rows\n\n"));
            out.flush();
            while (true) {
                ResultRow row = queue.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
                if (row == STOP) {
                    break;
                }
                out.write(Exchanges.utf8(row == null ? ": keep-alive\n\n" : "event: row\ndata: " + json(row) + "\n\n"));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(key);
            unsubscribe.run();
            slots.release();
        }
    }

    private static String json(ResultRow row) throws JsonProcessingException {
        // The results topic's own shape and field order, so a client reads both the same way.
        return Exchanges.JSON.writeValueAsString(Exchanges.JSON.createObjectNode()
                .put("windowStart", row.windowStart().toString()).put("windowEnd", row.windowEnd().toString())
                .put("dimension", row.dimension()).put("key", row.key()).put("count", row.count()));
    }

    /** Ends every open stream. */
    void close() {
        open.values().forEach(q -> {
            q.clear();
            q.offer(STOP);
        });
    }
}

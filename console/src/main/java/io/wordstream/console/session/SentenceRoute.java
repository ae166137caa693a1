package io.wordstream.console.session;

import io.wordstream.common.ExecutorStop;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.kafka.SentenceSender;
import io.wordstream.console.launch.LineServer;
import io.wordstream.console.settings.Settings;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The way typed sentences take into the pipeline: held until it runs, then sent in order to the first input topic
 * (or the socket source's server), each with its outcome reported. Sending never blocks the caller.
 */
public final class SentenceRoute implements AutoCloseable {
    /** Where a sentence ended up. */
    public interface Receipts {
        /** Held until the pipeline runs. */
        void queued(String sentence);

        /** Kafka acknowledged it (or the socket took it); {@code where} says where. */
        void acked(String sentence, String where);

        void failed(String sentence, String reason);
    }

    private final Receipts receipts;
    private final Deque<String> waiting = new ArrayDeque<>();
    /** Sends run here, in order: a producer can block while Kafka is away, and typing must never wait. */
    private final ExecutorService sends = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sentence-sender");
        t.setDaemon(true);
        return t;
    });
    private SentenceSender sender;
    private LineServer socket;
    private boolean open;
    private boolean closed;

    public SentenceRoute(Receipts receipts) {
        this.receipts = receipts;
    }

    /** The pipeline runs with {@code settings}: what was held goes now, the rest as it comes. */
    public synchronized void open(Settings settings, LineServer lineServer) {
        if (closed || open) {
            return;
        }
        socket = lineServer;
        if (socket == null) {
            sender = new SentenceSender(KafkaClients.base(settings), settings.inputTopics().get(0));
        }
        open = true;
        while (!waiting.isEmpty()) {
            deliver(waiting.removeFirst());
        }
    }

    public synchronized void send(String sentence) {
        if (closed) {
            return;
        }
        if (!open) {
            waiting.addLast(sentence);
            receipts.queued(sentence);
            return;
        }
        deliver(sentence);
    }

    private void deliver(String sentence) {
        LineServer lines = socket;
        SentenceSender kafka = sender;
        sends.execute(() -> {
            if (lines != null) {
                lines.send(sentence);
                receipts.acked(sentence, "written to the socket source");
                return;
            }
            // The receipt reports the outcome; nothing waits on the future itself.
            var unused = kafka.sendTelling(sentence).whenComplete((where, error) -> {
                if (error == null) {
                    receipts.acked(sentence, where);
                } else {
                    receipts.failed(sentence, oneLine(error));
                }
            });
        });
    }

    private static String oneLine(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** Waits a moment for sends under way, then closes the producer; what was only held stays unsent. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        ExecutorStop.finish(sends, Duration.ofSeconds(15));
        synchronized (this) {
            if (sender != null) {
                sender.close();
                sender = null;
            }
        }
    }
}

package io.wordstream.bench.hostloss;

import io.wordstream.bench.SentenceLoad;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Sentences at a steady rate for a while, on a schedule fixed before the first send (a sender that falls behind
 * sends the missed sentences at once, so the rate holds over the whole time). Each sentence carries the word
 * {@value #MARK} once, so that its count says whether every sentence was counted exactly once.
 */
final class SteadyStream {
    static final String MARK = "steady";
    private static final List<String> WORDS = List.of("spark", "streams", "broker", "replica", "replication",
            "producer", "window", "kafka", "offsets", "counting", "records", "partition");
    /** Sentences go out in slots of 10 ms. */
    private static final long SLOT_NANOS = 10_000_000L;

    private SteadyStream() {
    }

    /** Sends {@code perSecond} sentences a second for {@code time} through {@code load}; returns how many. */
    static long send(SentenceLoad load, int perSecond, Duration time) {
        long start = System.nanoTime();
        long slots = time.toNanos() / SLOT_NANOS;
        long sent = 0;
        for (long slot = 1; slot <= slots; slot++) {
            long due = perSecond * slot * SLOT_NANOS / 1_000_000_000L;
            for (; sent < due; sent++) {
                load.send(sentence(sent));
            }
            long wait = start + slot * SLOT_NANOS - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
        load.flush();
        return sent;
    }

    /** Sentence {@code i}: six words of the list in an order that varies, then the mark. */
    static String sentence(long i) {
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < 6; j++) {
            s.append(WORDS.get((int) ((i * (j + 1) + j * 5) % WORDS.size()))).append(' ');
        }
        return s.append(MARK).toString();
    }
}

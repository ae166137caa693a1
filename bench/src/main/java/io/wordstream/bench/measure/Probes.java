package io.wordstream.bench.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Probe words: each is sent once, in one sentence, so its first result row is that sentence's count appearing. The
 * time between the two is the end-to-end latency.
 */
public final class Probes {
    private final Map<String, Long> pending = new HashMap<>();
    private final List<Long> latenciesNanos = new ArrayList<>();

    public synchronized void sent(String word, long sentNanos) {
        pending.put(word, sentNanos);
    }

    /** A result row of the word dimension arrived. */
    public synchronized void seen(String word, long nowNanos) {
        Long sent = pending.remove(word);
        if (sent != null) {
            latenciesNanos.add(nowNanos - sent);
            notifyAll();
        }
    }

    /** Waits until no probe is pending or the timeout passes; returns how many are still pending. */
    public synchronized int awaitAll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return pending.size();
    }

    /** The latencies measured so far, and forgets them (and any pending probe) for the next phase. */
    public synchronized List<Long> drain() {
        List<Long> out = new ArrayList<>(latenciesNanos);
        latenciesNanos.clear();
        pending.clear();
        return out;
    }
}

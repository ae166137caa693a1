package io.wordstream.console.tui;

import io.wordstream.console.kafka.BrokerChange;
import io.wordstream.console.kafka.BrokerChange.Broker;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The brokers of an external Kafka cluster that do not answer, as the console's broker watch reports them, and the
 * status line that says so while one is down: which broker, for how long (ticking), and whether counting waits for
 * a new leader or has resumed.
 */
final class BrokerOutage {
    /** Each broker down, with when it went down ({@code System.nanoTime()}), in the order they were lost. */
    private final Map<Integer, Long> downSince = new LinkedHashMap<>();
    private final Map<Integer, Broker> brokers = new LinkedHashMap<>();
    /** How long after the loss counting resumed, in nanoseconds, or -1 while it waits. */
    private long resumedAfter = -1;

    /** Takes in one change observed at {@code now}. */
    void changed(BrokerChange change, long now) {
        if (change instanceof BrokerChange.Lost l) {
            // Each loss may take leaders away again: counting waits until the watch says otherwise.
            resumedAfter = -1;
            brokers.put(l.broker().id(), l.broker());
            downSince.putIfAbsent(l.broker().id(), now - l.down().toNanos());
        } else if (change instanceof BrokerChange.Back b) {
            downSince.remove(b.broker().id());
            brokers.remove(b.broker().id());
        } else if (change instanceof BrokerChange.CountingResumed r) {
            resumedAfter = r.afterLoss().toNanos();
        }
    }

    /** True while a broker is down: its line then changes every second. */
    boolean active() {
        return !downSince.isEmpty();
    }

    /** The line for the status row while a broker is down: the one lost last, which counting waits on. */
    Optional<String> line(long now) {
        Map.Entry<Integer, Long> last = null;
        for (Map.Entry<Integer, Long> e : downSince.entrySet()) {
            last = e;
        }
        if (last == null) {
            return Optional.empty();
        }
        String line = "⚠ Kafka " + brokers.get(last.getKey()) + " down " + Formats.uptime(now - last.getValue())
                + (resumedAfter < 0 ? ": counting waits for a new leader"
                        : "; counting resumed after " + Formats.seconds(resumedAfter));
        if (downSince.size() > 1) {
            line += " · " + downSince.size() + " brokers down";
        }
        return Optional.of(line);
    }
}

package io.wordstream.console.model;

import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The counts the console knows, per window, dimension and key, for a bounded number of the most recent windows.
 *
 * <p>A key's count in a window only grows in the job's output (Update mode emits running totals), so the highest
 * count seen is the latest: that makes the model indifferent to the duplicates an at-least-once sink writes and to
 * rows read out of order. Not thread-safe: one thread owns it.
 */
public final class WindowCounts {
    /** One key's count. */
    public record Count(String key, long count) {
        /**
         * What a screen shows for the key. The seed tokenizer's empty word (made by a double, leading or trailing
         * space) would be a blank cell: it is shown as {@value WindowCounts#EMPTY_WORD}, which no word can be, as it
         * has a space.
         */
        public String label() {
            return key.isEmpty() ? EMPTY_WORD : key;
        }
    }

    /** The label of the empty word. */
    public static final String EMPTY_WORD = "(empty word)";

    /**
     * Words in the order of the operator's language ({@code pão} before {@code praia}); words the collator finds
     * equal, by code point, so the order stays total.
     */
    public static final Comparator<String> KEY_ORDER =
            Comparator.comparing((String k) -> k, Collator.getInstance()).thenComparing(Comparator.naturalOrder());

    /** Highest count first, then alphabetically in the operator's language. */
    private static final Comparator<Count> ORDER =
            Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key, KEY_ORDER);

    /**
     * Keys kept over all windows by default: a few tens of megabytes of the console's heap, room for two windows of
     * a hundred thousand distinct words each.
     */
    public static final int DEFAULT_MAX_KEYS = 250_000;

    /** A window's bounds and its counts, by dimension then key. */
    public record Window(Instant start, Instant end, Map<String, Map<String, Long>> counts) {
        /** The keys of one dimension, highest count first, then by {@link #KEY_ORDER}; at most {@code limit}. */
        public List<Count> top(String dimension, int limit) {
            if (limit <= 0) {
                return List.of();
            }
            // Drawn several times a second: keep the best `limit` in a small heap instead of sorting every key
            // (a window may hold a hundred thousand distinct words).
            Map<String, Long> keys = counts.getOrDefault(dimension, Map.of());
            PriorityQueue<Count> best = new PriorityQueue<>(Math.min(limit, keys.size()) + 1, ORDER.reversed());
            keys.forEach((k, c) -> {
                if (best.size() < limit) {
                    best.add(new Count(k, c));
                } else if (c >= best.peek().count()) {
                    Count candidate = new Count(k, c);
                    if (ORDER.compare(candidate, best.peek()) < 0) {
                        best.poll();
                        best.add(candidate);
                    }
                }
            });
            List<Count> top = new ArrayList<>(best);
            top.sort(ORDER);
            return top;
        }

        /** The sum of a dimension's counts: for {@code word}, the number of words in the window. */
        public long total(String dimension) {
            return counts.getOrDefault(dimension, Map.of()).values().stream().mapToLong(Long::longValue).sum();
        }

        /** How many distinct keys the dimension has in the window. */
        public int distinct(String dimension) {
            return counts.getOrDefault(dimension, Map.of()).size();
        }
    }

    private final int maxWindows;
    private final int maxKeys;
    private final NavigableMap<Instant, Window> windows = new TreeMap<>();
    private int keys;
    private long keysRefused;
    private Instant evictedUpTo;

    /** @param maxWindows how many of the most recent windows to keep; older ones are dropped */
    public WindowCounts(int maxWindows) {
        this(maxWindows, DEFAULT_MAX_KEYS);
    }

    /**
     * @param maxWindows how many of the most recent windows to keep; older ones are dropped
     * @param maxKeys    how many keys to keep over all windows: past it the oldest windows go, and a window that
     *                   alone holds that many takes no new key
     */
    public WindowCounts(int maxWindows, int maxKeys) {
        if (maxWindows < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("maxWindows and maxKeys must be at least 1");
        }
        this.maxWindows = maxWindows;
        this.maxKeys = maxKeys;
    }

    /** Takes one result row; true when it changed what the model shows. */
    public boolean apply(ResultRow row) {
        Window w = windows.get(row.windowStart());
        if (w == null) {
            if (windows.size() >= maxWindows && row.windowStart().isBefore(windows.firstKey())) {
                return false; // older than everything kept: it would be evicted at once
            }
            if (evictedUpTo != null && !row.windowStart().isAfter(evictedUpTo)) {
                return false; // evicted: rebuilt from later rows only, it would show partial counts
            }
            w = new Window(row.windowStart(), row.windowEnd(), new HashMap<>());
            windows.put(row.windowStart(), w);
            while (windows.size() > maxWindows) {
                evictOldest();
            }
        }
        Map<String, Long> counts = w.counts().computeIfAbsent(row.dimension(), d -> new HashMap<>());
        Long old = counts.get(row.key());
        if (old != null && old >= row.count()) {
            return false;
        }
        if (old == null) {
            while (keys >= maxKeys && windows.size() > 1 && windows.firstKey().isBefore(w.start())) {
                evictOldest();
            }
            if (keys >= maxKeys) {
                keysRefused++;
                return false;
            }
            keys++;
        }
        counts.put(row.key(), row.count());
        return true;
    }

    private void evictOldest() {
        Window gone = windows.pollFirstEntry().getValue();
        evictedUpTo = gone.start();
        gone.counts().values().forEach(m -> keys -= m.size());
    }

    /** Keys held over all windows. */
    public int keys() {
        return keys;
    }

    /** New keys not taken because one window alone held the maximum. */
    public long keysRefused() {
        return keysRefused;
    }

    /** Window starts, oldest first. */
    public List<Instant> windowStarts() {
        return new ArrayList<>(windows.keySet());
    }

    public Window window(Instant start) {
        return windows.get(start);
    }

    /** The newest window, or null when there is none. */
    public Window newest() {
        return windows.isEmpty() ? null : windows.lastEntry().getValue();
    }

    public int size() {
        return windows.size();
    }

    public void clear() {
        windows.clear();
        keys = 0;
        keysRefused = 0;
        evictedUpTo = null;
    }
}

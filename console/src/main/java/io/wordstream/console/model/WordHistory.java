package io.wordstream.console.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** One word across the windows the console keeps: its count per window, and the top words over a range. */
public final class WordHistory {
    private static final String WORD = "word";

    private WordHistory() {
    }

    /** True when some window kept counts {@code word}. */
    public static boolean appears(WindowCounts counts, String word) {
        for (var start : counts.windowStarts()) {
            if (count(counts.window(start), word) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The word's count in each slot of a timeline, zero where a window did not count it. */
    public static List<Long> along(WindowCounts counts, List<Timeline.Slot> slots, String word) {
        List<Long> out = new ArrayList<>(slots.size());
        for (Timeline.Slot s : slots) {
            out.add(count(counts.window(s.start()), word));
        }
        return out;
    }

    /**
     * The words with the highest sum over the newest {@code windows} windows kept (all of them when 0 or more than
     * kept), highest first, those {@code shown} accepts only; at most {@code limit}.
     */
    public static List<WindowCounts.Count> top(WindowCounts counts, int windows, Predicate<String> shown, int limit) {
        var starts = counts.windowStarts();
        int from = windows <= 0 ? 0 : Math.max(0, starts.size() - windows);
        Map<String, Long> sums = new HashMap<>();
        for (var start : starts.subList(from, starts.size())) {
            counts.window(start).counts().getOrDefault(WORD, Map.of()).forEach((k, c) -> {
                if (shown.test(k)) {
                    sums.merge(k, c, Long::sum);
                }
            });
        }
        var summed = new WindowCounts.Window(null, null, Map.of(WORD, sums));
        return summed.top(WORD, limit);
    }

    /** How many distinct words {@link #top} ranks over the same range. */
    public static int distinct(WindowCounts counts, int windows, Predicate<String> shown) {
        var starts = counts.windowStarts();
        int from = windows <= 0 ? 0 : Math.max(0, starts.size() - windows);
        Set<String> keys = new HashSet<>();
        for (var start : starts.subList(from, starts.size())) {
            counts.window(start).counts().getOrDefault(WORD, Map.of()).keySet().forEach(k -> {
                if (shown.test(k)) {
                    keys.add(k);
                }
            });
        }
        return keys.size();
    }

    private static long count(WindowCounts.Window w, String word) {
        return w == null ? 0 : w.counts().getOrDefault(WORD, Map.of()).getOrDefault(word, 0L);
    }
}

package io.wordstream.console.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a report shows of one period, small enough to draw: totals per window and per key.
 *
 * @param period        the event time covered
 * @param windows       the words counted in each window of the period, oldest first
 * @param topWords      the most frequent words over the period, most frequent first
 * @param letters       words per counted first letter over the period, by letter
 * @param lengths       words per counted length over the period, by length
 * @param distinctWords how many different words the period holds
 * @param rowsRead      values read from the results topic, of every kind
 * @param malformed     values that were not result rows, skipped
 */
public record ReportData(ReportPeriod period, List<WindowTotal> windows, List<KeyTotal> topWords,
                         List<KeyTotal> letters, List<KeyTotal> lengths, long distinctWords, long rowsRead,
                         long malformed) {
    /** The words counted in one window. */
    public record WindowTotal(Instant start, Instant end, long words) {
    }

    /** One key's count summed over the period's windows. */
    public record KeyTotal(String key, long count) {
    }

    public ReportData {
        windows = List.copyOf(windows);
        topWords = List.copyOf(topWords);
        letters = List.copyOf(letters);
        lengths = List.copyOf(lengths);
    }

    /** True when no window of the period holds a count. */
    public boolean empty() {
        return windows.isEmpty();
    }

    /** Words over all windows (with sliding windows a word is counted in each window it falls in). */
    public long totalWords() {
        return windows.stream().mapToLong(WindowTotal::words).sum();
    }

    /** The window length seen in the rows, when there are any. */
    public Duration windowLength() {
        return windows.isEmpty() ? Duration.ZERO : Duration.between(windows.get(0).start(), windows.get(0).end());
    }

    /** The window with the most words, or null when the period is empty. */
    public WindowTotal busiestWindow() {
        WindowTotal best = null;
        for (WindowTotal w : windows) {
            if (best == null || w.words() > best.words()) {
                best = w;
            }
        }
        return best;
    }
}

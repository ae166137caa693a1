package io.wordstream.console.report;

import io.wordstream.console.model.ResultRow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Watches result rows for words that go over a count in one window ({@code --alert-word WORD=N}) and raises one
 * alert per word and window: the job writes a window's running count many times, and only the first row over the
 * limit is news. Words are compared as the job writes them (lower case with the default tokenizer).
 */
public final class WordAlerts {
    // Windows already alerted, per word; the oldest are forgotten, as windows only move forward.
    private static final int REMEMBERED = 10_000;

    private final Map<String, Long> limits;
    private final Alerts alerts;
    private final Set<String> fired = new LinkedHashSet<>();

    /**
     * @param limits word to the count it must go over in one window
     * @param alerts where alerts go
     */
    public WordAlerts(Map<String, Long> limits, Alerts alerts) {
        limits.forEach((w, n) -> {
            if (w.isBlank() || n == null || n < 0) {
                throw new IllegalArgumentException("--alert-word takes WORD=N with a count of 0 or more, got " + w
                        + "=" + n);
            }
        });
        this.limits = new LinkedHashMap<>(limits);
        this.alerts = alerts;
    }

    /** Looks at one value of the results topic; malformed values are ignored. */
    public void accept(String value) {
        ResultRow.parse(value).ifPresent(this::accept);
    }

    /** Looks at one result row. */
    public synchronized void accept(ResultRow row) {
        if (!row.dimension().equals("word")) {
            return;
        }
        Long limit = limits.get(row.key());
        if (limit == null || row.count() <= limit) {
            return;
        }
        String id = row.key() + "\u0000" + row.windowStart();
        if (!fired.add(id)) {
            return;
        }
        if (fired.size() > REMEMBERED) {
            fired.remove(fired.iterator().next());
        }
        Instant start = row.windowStart();
        alerts.raise("word:" + row.key(), String.format(Locale.ROOT, "'%s' counted %d times in the window %s to %s,"
                + " over %d", row.key(), row.count(), start, row.windowEnd(), limit),
                "The word '" + row.key() + "' went over " + limit + " in one window: " + row.count()
                        + " so far in the window from " + start + " to " + row.windowEnd() + ".");
    }
}

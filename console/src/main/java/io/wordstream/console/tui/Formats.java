package io.wordstream.console.tui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers, durations and times as the views print them. */
final class Formats {
    private static final String SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

    private Formats() {
    }

    /** Seconds with one decimal: {@code 12.3 s}. */
    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** A running time: {@code 42s}, {@code 3m05s}, {@code 2h03m}. */
    static String uptime(long nanos) {
        long s = Math.max(0, nanos / 1_000_000_000L);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s / 60) % 60);
    }

    static String rate(double perSecond) {
        return perSecond >= 100 ? String.format(Locale.ROOT, "%.0f/s", perSecond)
                : String.format(Locale.ROOT, "%.1f/s", perSecond);
    }

    /** The frame of the spinner at this moment: it turns ten times a second. */
    static char spinner(long nanos) {
        return SPINNER.charAt((int) Math.floorMod(nanos / 100_000_000L, (long) SPINNER.length()));
    }

    static DateTimeFormatter clock(ZoneId zone) {
        return DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(zone);
    }

    /** The watermark as a time of day, or a dash for none yet (Spark reports the epoch then). */
    static String watermark(String iso, ZoneId zone) {
        if (iso == null || iso.isEmpty()) {
            return "-";
        }
        try {
            Instant t = Instant.parse(iso);
            return t.toEpochMilli() <= 0 ? "-" : clock(zone).format(t);
        } catch (RuntimeException e) {
            return "-";
        }
    }
}

package io.wordstream.console.report;

import io.wordstream.common.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The span of event time a report covers: the windows that start at or after {@code from} and before {@code to}.
 *
 * @param from inclusive start
 * @param to   exclusive end
 */
public record ReportPeriod(Instant from, Instant to) {
    private static final DateTimeFormatter FILE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    public ReportPeriod {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the period must end after it starts (from " + from + ", to " + to
                    + ")");
        }
    }

    /** The {@code last} span up to {@code now}. */
    public static ReportPeriod last(Duration last, Instant now) {
        if (last.isZero() || last.isNegative()) {
            throw new IllegalArgumentException("--last must be longer than zero");
        }
        return new ReportPeriod(now.minus(last), now);
    }

    /**
     * The period the options name: {@code --from}/{@code --to} (either may be left out: {@code --to} defaults to
     * now, {@code --from} to {@code --to} minus {@code --last}), else {@code --last} up to now.
     *
     * @throws IllegalArgumentException naming the option that is wrong
     */
    public static ReportPeriod fromOptions(String from, String to, String last, Instant now) {
        Duration span;
        try {
            span = Durations.parse(last == null ? "1h" : last);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--last: " + e.getMessage());
        }
        if (from != null && to != null && last != null) {
            throw new IllegalArgumentException("--last goes with at most one of --from and --to");
        }
        Instant end = to == null ? now : instant(to, "--to");
        if (from == null) {
            return last(span, end);
        }
        Instant start = instant(from, "--from");
        if (to == null && last != null) {
            end = start.plus(span);
        }
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("--from (" + start + ") must be before --to (" + end + ")");
        }
        return new ReportPeriod(start, end);
    }

    /** Reads {@code 2026-11-29T17:00:00Z}, {@code 2026-11-29T18:00+01:00}, or {@code 2026-11-29T17:00} as UTC. */
    static Instant instant(String text, String option) {
        String t = text.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException(option + ": '" + text + "' is not a time (examples:"
                        + " 2026-11-29T17:00:00Z, 2026-11-29T18:00+01:00, 2026-11-29T17:00 for UTC)");
            }
        }
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /** The period for file names: {@code 20261129T170000Z-20261129T180000Z}. */
    public String fileLabel() {
        return FILE_STAMP.format(from) + "-" + FILE_STAMP.format(to);
    }

    /** The period for people: {@code 2026-11-29 17:00:00 UTC to 2026-11-29 18:00:00 UTC}. */
    public String shown() {
        return SHOWN.format(from) + " to " + SHOWN.format(to);
    }

    /** Whether a window starting at {@code windowStart} belongs to the period. */
    public boolean contains(Instant windowStart) {
        return !windowStart.isBefore(from) && windowStart.isBefore(to);
    }
}

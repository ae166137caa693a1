package io.wordstream.bench.failover;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The recovery times of one failover drill, summed up as docs/failover.md records them: median and worst. */
public record RecoveryTimes(List<Duration> recoveries, ZonedDateTime at) {
    public RecoveryTimes {
        if (recoveries.isEmpty()) {
            throw new IllegalArgumentException("no recovery measured");
        }
        recoveries = List.copyOf(recoveries);
    }

    public static RecoveryTimes now(List<Duration> recoveries) {
        return new RecoveryTimes(recoveries, ZonedDateTime.now(ZoneOffset.UTC));
    }

    /** The middle value; of an even count, the mean of the two middle ones. */
    public Duration median() {
        List<Duration> sorted = recoveries.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    public Duration worst() {
        return recoveries.stream().max(Duration::compareTo).orElseThrow();
    }

    /** One line: {@code failover kills=3 median=9.8s worst=12.1s each=9.8,12.1,8.7 at=2026-11-29 18:40 UTC}. */
    public String line() {
        return line("failover");
    }

    /** The same line for drill {@code drill}: {@code hostloss kills=3 median=...}. */
    public String line(String drill) {
        StringBuilder each = new StringBuilder();
        for (Duration d : recoveries) {
            each.append(each.length() == 0 ? "" : ",").append(seconds(d));
        }
        return drill + " kills=" + recoveries.size() + " median=" + seconds(median()) + "s worst="
                + seconds(worst()) + "s each=" + each + " at="
                + at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)) + " UTC";
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }
}

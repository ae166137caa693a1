package io.wordstream.bench;

import io.wordstream.bench.curve.RateStep;
import io.wordstream.bench.subject.WordstreamSubject;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The latency-throughput curves for a terminal: p99 latency against the rate, both on log scales, one letter per
 * system (the first of its name, upper case), a dashed row at the 1 s bound of a sustainable rate.
 */
final class TextPlot {
    /** Row levels from the top, in milliseconds: a p99 goes into the lowest row at or above it. */
    private static final double[] LEVELS = {10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10};
    private static final int CELL = 8;

    private TextPlot() {
    }

    static String draw(List<SubjectResult> results) {
        TreeSet<Integer> rates = new TreeSet<>();
        results.forEach(r -> r.curve().forEach(s -> rates.add(s.rate())));
        StringBuilder b = new StringBuilder(System.lineSeparator());
        b.append("p99 latency by rate (").append(legend(results)).append(")").append(System.lineSeparator());
        if (rates.isEmpty()) {
            return b.append("(no curve measured)").append(System.lineSeparator()).toString();
        }
        List<Integer> columns = List.copyOf(rates);
        for (int row = 0; row < LEVELS.length; row++) {
            String label = row == 0 ? ">5 s" : LEVELS[row] >= 1000 ? (int) (LEVELS[row] / 1000) + " s"
                    : (int) LEVELS[row] + " ms";
            b.append(String.format(Locale.ROOT, "%8s |", label));
            for (int rate : columns) {
                StringBuilder cell = new StringBuilder();
                for (SubjectResult r : results) {
                    for (RateStep s : r.curve()) {
                        if (s.rate() == rate && s.latency().n() > 0 && rowOf(s.latency().p99()) == row) {
                            cell.append(letter(r));
                        }
                    }
                }
                char fill = LEVELS[row] == RateStep.P99_LIMIT_MS ? '-' : ' ';
                b.append(center(cell.toString(), fill));
            }
            b.append(System.lineSeparator());
        }
        b.append(" ".repeat(9)).append('+').append("-".repeat(CELL * columns.size())).append(System.lineSeparator());
        b.append(" ".repeat(10));
        for (int rate : columns) {
            b.append(center(rate >= 1000 ? rate / 1000 + "k" : Integer.toString(rate), ' '));
        }
        return b.append("  sentences/s").append(System.lineSeparator()).toString();
    }

    /** The row of a p99: the lowest level at or above it, the top row for anything above 5 s. */
    static int rowOf(double p99Ms) {
        int row = 0;
        for (int i = 1; i < LEVELS.length; i++) {
            if (p99Ms <= LEVELS[i]) {
                row = i;
            }
        }
        return row;
    }

    private static char letter(SubjectResult r) {
        // The two Kafka Streams share a first letter: the at-least-once one is A; so do the two wordstreams: S.
        if (r.name().equals(Report.KSTREAMS_ALOS)) {
            return 'A';
        }
        return r.name().equals(WordstreamSubject.SECURED) ? 'S' : Character.toUpperCase(r.name().charAt(0));
    }

    private static String legend(List<SubjectResult> results) {
        StringBuilder b = new StringBuilder();
        for (SubjectResult r : results) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(letter(r)).append(' ').append(r.name());
        }
        return b.toString();
    }

    private static String center(String s, char fill) {
        String t = s.length() > CELL - 1 ? s.substring(0, CELL - 1) : s;
        int left = (CELL - t.length()) / 2;
        return String.valueOf(fill).repeat(left) + t + String.valueOf(fill).repeat(CELL - left - t.length());
    }
}

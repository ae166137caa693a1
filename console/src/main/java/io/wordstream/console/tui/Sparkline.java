package io.wordstream.console.tui;

import java.util.List;

/** One character per value, its height scaled to the largest value: the shape of a series at a glance. */
final class Sparkline {
    private static final char[] LEVELS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private Sparkline() {
    }

    /** The values as a line of block characters; zero is a space, anything above zero at least the lowest block. */
    static String of(List<Long> values) {
        long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
        StringBuilder b = new StringBuilder(values.size());
        for (long v : values) {
            if (v <= 0 || max <= 0) {
                b.append(' ');
            } else {
                int level = (int) Math.ceil((double) v * LEVELS.length / max) - 1;
                b.append(LEVELS[Math.max(0, Math.min(LEVELS.length - 1, level))]);
            }
        }
        return b.toString();
    }
}

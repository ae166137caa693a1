package io.wordstream.console.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The windows a timeline shows: consecutive window starts one slide apart, so a window without words keeps its
 * place at zero and the time axis stays even.
 */
public final class Timeline {
    /** One window's place on the timeline and its total; zero for a window nothing was counted in. */
    public record Slot(Instant start, long total) {
    }

    private Timeline() {
    }

    /**
     * At most {@code max} slots ending at the newest window, or starting at {@code selected} when the newest ones
     * would leave it out; never before the oldest window kept.
     *
     * @param step      the distance between window starts (the slide)
     * @param dimension whose totals to give
     */
    public static List<Slot> slots(WindowCounts counts, Duration step, Instant selected, int max, String dimension) {
        List<Instant> starts = counts.windowStarts();
        if (starts.isEmpty() || max < 1 || step.isZero() || step.isNegative()) {
            return List.of();
        }
        Instant oldest = starts.get(0);
        Instant last = starts.get(starts.size() - 1);
        long span = Duration.between(oldest, last).dividedBy(step) + 1;
        int n = (int) Math.min(max, span);
        Instant first = last.minus(step.multipliedBy(n - 1L));
        if (selected != null && selected.isBefore(first)) {
            first = selected;
        }
        List<Slot> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Instant s = first.plus(step.multipliedBy(i));
            WindowCounts.Window w = counts.window(s);
            out.add(new Slot(s, w == null ? 0 : w.total(dimension)));
        }
        return out;
    }
}

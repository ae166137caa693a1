package io.wordstream.console.model;

import io.wordstream.common.Dimension;
import io.wordstream.common.PipelineSettings;
import io.wordstream.common.TokenizerMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rows a window shows for one dimension, in the order the console and {@code watch} both show them: words by
 * count; letters and lengths as the settings list them (at zero when absent, so a chart keeps its shape), then any
 * other key by count.
 */
public final class DimensionRows {
    private DimensionRows() {
    }

    /** At most {@code limit} rows of dimension {@code d} in window {@code w}. */
    public static List<WindowCounts.Count> of(WindowCounts.Window w, Dimension d, PipelineSettings pipeline,
                                              int limit) {
        if (d == Dimension.WORD) {
            return w.top(d.id(), limit);
        }
        List<WindowCounts.Count> all = configuredFirst(w, d, pipeline);
        return all.subList(0, Math.max(0, Math.min(limit, all.size())));
    }

    /** How many rows dimension {@code d} has in window {@code w}: the k in "k of n" is at most this n. */
    public static int count(WindowCounts.Window w, Dimension d, PipelineSettings pipeline) {
        return d == Dimension.WORD ? w.distinct(d.id()) : configuredFirst(w, d, pipeline).size();
    }

    private static List<WindowCounts.Count> configuredFirst(WindowCounts.Window w, Dimension d,
                                                            PipelineSettings pipeline) {
        List<String> configured = new ArrayList<>();
        if (d == Dimension.LETTER) {
            boolean exact = pipeline.tokenizer() == TokenizerMode.SEED;
            pipeline.letters().forEach(l -> configured.add(exact ? l : l.toUpperCase(Locale.ROOT)));
        } else {
            pipeline.lengths().forEach(n -> configured.add(Integer.toString(n)));
        }
        Map<String, Long> have = w.counts().getOrDefault(d.id(), Map.of());
        List<WindowCounts.Count> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String key : configured) {
            if (seen.add(key)) {
                out.add(new WindowCounts.Count(key, have.getOrDefault(key, 0L)));
            }
        }
        for (WindowCounts.Count c : w.top(d.id(), Integer.MAX_VALUE)) {
            if (seen.add(c.key())) {
                out.add(c);
            }
        }
        return out;
    }
}

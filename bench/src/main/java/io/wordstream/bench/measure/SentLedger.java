package io.wordstream.bench.measure;

import io.wordstream.common.Dimension;
import io.wordstream.common.DimensionRules;
import io.wordstream.common.PipelineSettings;

/** What has been sent to one system, counted by the pipeline's own rules: what its results must add up to. */
public final class SentLedger {
    private final DimensionRules rules;
    private long sentences;
    private long words;
    private long letters;
    private long lengths;

    public SentLedger(PipelineSettings settings) {
        this.rules = new DimensionRules(settings);
    }

    /** Records one sentence sent; returns how many words it has. */
    public synchronized int add(String sentence) {
        int w = 0;
        for (DimensionRules.Entry e : rules.entries(sentence)) {
            if (e.dimension().equals(Dimension.WORD.id())) {
                w++;
            } else if (e.dimension().equals(Dimension.LETTER.id())) {
                letters++;
            } else {
                lengths++;
            }
        }
        words += w;
        sentences++;
        return w;
    }

    public synchronized DimensionTotals totals() {
        return new DimensionTotals(words, letters, lengths);
    }

    public synchronized long sentences() {
        return sentences;
    }
}

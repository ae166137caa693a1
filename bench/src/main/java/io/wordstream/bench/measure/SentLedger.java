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
        DimensionTotals t = entriesOf(sentence);
        add(t);
        return (int) t.words();
    }

    /** Records one sentence sent whose entries were counted before, by {@link #entriesOf}. */
    public synchronized void add(DimensionTotals entries) {
        words += entries.words();
        letters += entries.letters();
        lengths += entries.lengths();
        sentences++;
    }

    /** What a sentence adds to each dimension, by the pipeline's rules; records nothing. */
    public DimensionTotals entriesOf(String sentence) {
        long w = 0;
        long l = 0;
        long n = 0;
        for (DimensionRules.Entry e : rules.entries(sentence)) {
            if (e.dimension().equals(Dimension.WORD.id())) {
                w++;
            } else if (e.dimension().equals(Dimension.LETTER.id())) {
                l++;
            } else {
                n++;
            }
        }
        return new DimensionTotals(w, l, n);
    }

    public synchronized DimensionTotals totals() {
        return new DimensionTotals(words, letters, lengths);
    }

    public synchronized long sentences() {
        return sentences;
    }
}

package io.wordstream.bench.measure;

/** How many entries of each dimension: words, words of a chosen first letter, words of a chosen length. */
public record DimensionTotals(long words, long letters, long lengths) {
    public static final DimensionTotals ZERO = new DimensionTotals(0, 0, 0);

    public DimensionTotals plus(DimensionTotals o) {
        return new DimensionTotals(words + o.words, letters + o.letters, lengths + o.lengths);
    }

    public DimensionTotals minus(DimensionTotals o) {
        return new DimensionTotals(words - o.words, letters - o.letters, lengths - o.lengths);
    }

    /** True when every dimension has reached {@code target}'s total. */
    public boolean covers(DimensionTotals target) {
        return words >= target.words && letters >= target.letters && lengths >= target.lengths;
    }

    @Override
    public String toString() {
        return words + " words, " + letters + " by letter, " + lengths + " by length";
    }
}

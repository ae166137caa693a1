package io.wordstream.common;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a sentence into the (dimension, key) entries to count: one {@code word} entry per word, plus a
 * {@code letter} and a {@code length} entry when the word qualifies.
 */
public final class DimensionRules implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One thing to count once. */
    public record Entry(String dimension, String key) implements Serializable {
    }

    private final Tokenizer tokenizer;
    private final Set<String> letters;
    private final Set<Integer> lengths;
    private final boolean caseSensitive;

    public DimensionRules(PipelineSettings settings) {
        this.tokenizer = new Tokenizer(settings.tokenizer());
        this.caseSensitive = settings.tokenizer() == TokenizerMode.SEED;
        this.letters = new HashSet<>();
        for (String letter : settings.letters()) {
            letters.add(caseSensitive ? letter : letter.toUpperCase(Locale.ROOT));
        }
        this.lengths = new HashSet<>(settings.lengths());
    }

    /** Every entry the sentence yields, in word order. */
    public List<Entry> entries(String sentence) {
        List<Entry> entries = new ArrayList<>();
        for (String word : tokenizer.words(sentence)) {
            entries.add(new Entry(Dimension.WORD.id(), word));
            String letter = letterKey(word);
            if (letter != null) {
                entries.add(new Entry(Dimension.LETTER.id(), letter));
            }
            int length = Tokenizer.length(word);
            if (lengths.contains(length)) {
                entries.add(new Entry(Dimension.LENGTH.id(), Integer.toString(length)));
            }
        }
        return entries;
    }

    /** The letter key of a word, or {@code null} when its first letter is not one of the configured letters. */
    String letterKey(String word) {
        int first = word.codePointAt(0);
        String key = caseSensitive
                ? new String(Character.toChars(first))
                : new String(Character.toChars(Character.toUpperCase(first)));
        return letters.contains(key) ? key : null;
    }
}

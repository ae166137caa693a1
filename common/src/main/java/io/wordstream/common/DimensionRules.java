package io.wordstream.common;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
    private final boolean caseSensitive;
    // A handful of letters and lengths, asked for every word: scanned arrays with their keys made once beat hashing
    // a new string or a boxed integer per word.
    private final int[] letterPoints;
    private final String[] letterKeys;
    private final int[] lengthValues;
    private final String[] lengthKeys;

    public DimensionRules(PipelineSettings settings) {
        this.tokenizer = new Tokenizer(settings.tokenizer());
        this.caseSensitive = settings.tokenizer() == TokenizerMode.SEED;
        List<String> keys = new ArrayList<>();
        for (String letter : settings.letters()) {
            String key = caseSensitive ? letter : letter.toUpperCase(Locale.ROOT);
            // A key of several code points can never equal a word's first one.
            if (key.codePointCount(0, key.length()) == 1 && !keys.contains(key)) {
                keys.add(key);
            }
        }
        this.letterKeys = keys.toArray(String[]::new);
        this.letterPoints = keys.stream().mapToInt(k -> k.codePointAt(0)).toArray();
        this.lengthValues = settings.lengths().stream().mapToInt(Integer::intValue).distinct().toArray();
        this.lengthKeys = Arrays.stream(lengthValues).mapToObj(Integer::toString).toArray(String[]::new);
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
            String length = lengthKey(Tokenizer.length(word));
            if (length != null) {
                entries.add(new Entry(Dimension.LENGTH.id(), length));
            }
        }
        return entries;
    }

    /** The letter key of a word, or {@code null} when its first letter is not one of the configured letters. */
    String letterKey(String word) {
        int first = word.codePointAt(0);
        int point = caseSensitive ? first : Character.toUpperCase(first);
        for (int i = 0; i < letterPoints.length; i++) {
            if (letterPoints[i] == point) {
                return letterKeys[i];
            }
        }
        return null;
    }

    private String lengthKey(int length) {
        for (int i = 0; i < lengthValues.length; i++) {
            if (lengthValues[i] == length) {
                return lengthKeys[i];
            }
        }
        return null;
    }
}

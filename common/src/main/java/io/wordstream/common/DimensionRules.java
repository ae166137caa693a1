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

    /**
     * Longest word counted as itself, in code points. A longer one is counted by its first this many and an
     * ellipsis (its length entry keeps the real length): one huge word would otherwise become a result record larger
     * than Kafka accepts, which stops the job at every relaunch.
     */
    public static final int MAX_WORD_LENGTH = 10_000;

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

    /** Receives each word of a sentence with the indexes of its letter and length keys, or -1 for none. */
    @FunctionalInterface
    public interface WordVisitor {
        void word(String word, int letterIndex, int lengthIndex);
    }

    /**
     * Calls the visitor once per word, in order. Counting code keeps per-key tallies in arrays indexed by
     * {@link #letterKey(int)} and {@link #lengthKey(int)} instead of hashing a key per word.
     */
    public void forEachWord(String sentence, WordVisitor visitor) {
        for (String word : tokenizer.words(sentence)) {
            int length = Tokenizer.length(word);
            visitor.word(length > MAX_WORD_LENGTH ? cut(word) : word, letterIndex(word), lengthIndex(length));
        }
    }

    /** Receives each word of an ASCII sentence as a range of the sentence's bytes, with no String made for it. */
    @FunctionalInterface
    public interface AsciiWordVisitor {
        /**
         * Called once per word, in sentence order.
         *
         * @param text the sentence; the word is {@code length} bytes from {@code start}, in the sentence's case
         * @param hash the {@link String#hashCode()} of the word lower-cased, the String that
         *             {@link #forEachWord(String, WordVisitor)} would give for it
         */
        void word(byte[] text, int start, int length, int hash, int letterIndex, int lengthIndex);
    }

    /**
     * The words of a UTF-8 sentence, exactly as {@link #forEachWord(String, WordVisitor)} finds them, when the
     * sentence is ASCII and no longer than {@link #MAX_WORD_LENGTH} and the tokenizer is the default one. Counting a
     * burst spent most of its time decoding sentences, building each word and hashing it (profiled); here a word is
     * only scanned once. Otherwise visits nothing and returns false: decode the sentence and use forEachWord.
     */
    public boolean forEachAsciiWord(byte[] utf8, AsciiWordVisitor visitor) {
        if (tokenizer.mode() != TokenizerMode.UNICODE || utf8.length > MAX_WORD_LENGTH || !isAscii(utf8)) {
            return false;
        }
        int n = utf8.length;
        int i = 0;
        while (i < n) {
            if (!isAsciiWordChar(utf8[i])) {
                i++;
                continue;
            }
            int start = i;
            int hash = 0;
            while (i < n) {
                byte b = utf8[i];
                if (isAsciiWordChar(b)) {
                    hash = 31 * hash + toLowerAscii(b);
                } else if (Tokenizer.joinerFor(b) != 0 && i + 1 < n && isAsciiWordChar(utf8[i + 1])) {
                    hash = 31 * hash + Tokenizer.joinerFor(b);
                } else {
                    break;
                }
                i++;
            }
            int length = i - start;
            visitor.word(utf8, start, length, hash, asciiLetterIndex(utf8[start]), lengthIndex(length));
        }
        return true;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiWordChar(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
    }

    /** The byte of an ASCII upper-case letter as lower case; any other byte unchanged. */
    public static byte toLowerAscii(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }

    private int asciiLetterIndex(byte first) {
        return indexOfLetterPoint(first >= 'a' && first <= 'z' ? first - ('a' - 'A') : first);
    }

    /** A word longer than {@link #MAX_WORD_LENGTH}: its first that many code points and an ellipsis. */
    static String cut(String word) {
        return word.substring(0, word.offsetByCodePoints(0, MAX_WORD_LENGTH)) + "…";
    }

    /** Every entry the sentence yields, in word order. */
    public List<Entry> entries(String sentence) {
        List<Entry> entries = new ArrayList<>();
        forEachWord(sentence, (word, letter, length) -> {
            entries.add(new Entry(Dimension.WORD.id(), word));
            if (letter >= 0) {
                entries.add(new Entry(Dimension.LETTER.id(), letterKeys[letter]));
            }
            if (length >= 0) {
                entries.add(new Entry(Dimension.LENGTH.id(), lengthKeys[length]));
            }
        });
        return entries;
    }

    /** How many letter keys there are; their indexes run from 0. */
    public int letterKeyCount() {
        return letterKeys.length;
    }

    public String letterKey(int index) {
        return letterKeys[index];
    }

    /** How many length keys there are; their indexes run from 0. */
    public int lengthKeyCount() {
        return lengthKeys.length;
    }

    public String lengthKey(int index) {
        return lengthKeys[index];
    }

    private int letterIndex(String word) {
        if (word.isEmpty()) {
            return -1; // the seed tokenizer's empty word has no first letter
        }
        int first = word.codePointAt(0);
        return indexOfLetterPoint(caseSensitive ? first : Character.toUpperCase(first));
    }

    private int indexOfLetterPoint(int point) {
        for (int i = 0; i < letterPoints.length; i++) {
            if (letterPoints[i] == point) {
                return i;
            }
        }
        return -1;
    }

    private int lengthIndex(int length) {
        for (int i = 0; i < lengthValues.length; i++) {
            if (lengthValues[i] == length) {
                return i;
            }
        }
        return -1;
    }
}

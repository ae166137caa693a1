package io.wordstream.common;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a sentence into the words that get counted.
 *
 * <p>The default rule: a word is a maximal run of Unicode letters and digits (combining marks stay with the letter
 * they follow), and a single apostrophe or hyphen between two such characters joins the run, so {@code don't} and
 * {@code state-of-the-art} are one word each. Typographic apostrophes and hyphens are folded to their ASCII forms so
 * that {@code don’t} and {@code don't} count as the same word; words are lower-cased with {@link Locale#ROOT}.
 *
 * <p>The seed rule is the original project's {@code split(resumo, ' ')}: split on each single space, keep case, and
 * keep the empty tokens that a double, leading or trailing space makes (the original counted them as the word "").
 */
public final class Tokenizer implements Serializable {
    private static final long serialVersionUID = 1L;

    private final TokenizerMode mode;

    public Tokenizer(TokenizerMode mode) {
        this.mode = mode;
    }

    public TokenizerMode mode() {
        return mode;
    }

    /** The words of {@code text}, in order, repeats included. */
    public List<String> words(String text) {
        return mode == TokenizerMode.SEED ? seedWords(text) : unicodeWords(text);
    }

    /** A word's length as operators count it: Unicode code points, not UTF-16 units. */
    public static int length(String word) {
        return word.codePointCount(0, word.length());
    }

    private static List<String> seedWords(String text) {
        // A negative limit keeps trailing empty tokens, as Spark's split does.
        return List.of(text.split(" ", -1));
    }

    private static List<String> unicodeWords(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            word.setLength(0);
            while (i < n) {
                cp = text.codePointAt(i);
                if (isWordChar(cp) || isMark(cp)) {
                    word.appendCodePoint(cp);
                    i += Character.charCount(cp);
                } else if (joinerFor(cp) != 0 && i + 1 < n && isWordChar(text.codePointAt(i + 1))) {
                    word.append(joinerFor(cp));
                    i += Character.charCount(cp);
                } else {
                    break;
                }
            }
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp);
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** The ASCII form of a joining character, or 0 when {@code cp} does not join words. */
    static char joinerFor(int cp) {
        return switch (cp) {
            case '\'', '\u2019' -> '\'';
            case '-', '\u2010', '\u2011' -> '-';
            default -> 0;
        };
    }
}

package io.wordstream.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.wordstream.common.DimensionRules.Entry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DimensionRulesTest {
    private static PipelineSettings settings(TokenizerMode mode, List<String> letters, List<Integer> lengths) {
        Duration w = Duration.ofSeconds(10);
        return new PipelineSettings(w, w, w, letters, lengths, mode, "resumo");
    }

    @Test
    void everyWordCountsAndQualifyingWordsAddLetterAndLength() {
        DimensionRules rules = new DimensionRules(PipelineSettings.defaults());
        assertEquals(List.of(
                        new Entry("word", "python"), new Entry("letter", "P"), new Entry("length", "6"),
                        new Entry("word", "and"),
                        new Entry("word", "software"), new Entry("letter", "S"), new Entry("length", "8"),
                        new Entry("word", "programming"), new Entry("letter", "P"), new Entry("length", "11")),
                rules.entries("Python and software programming"));
    }

    @Test
    void lettersMatchCaseInsensitivelyByDefault() {
        DimensionRules rules = new DimensionRules(settings(TokenizerMode.UNICODE, List.of("s", "é"), List.of()));
        assertEquals(List.of(new Entry("word", "spark"), new Entry("letter", "S"),
                        new Entry("word", "état"), new Entry("letter", "É")),
                rules.entries("SPARK État"));
    }

    @Test
    void seedModeMatchesLettersCaseSensitively() {
        DimensionRules rules = new DimensionRules(settings(TokenizerMode.SEED, List.of("S"), List.of()));
        assertEquals(List.of(new Entry("word", "Spark"), new Entry("letter", "S"), new Entry("word", "spark")),
                rules.entries("Spark spark"));
    }

    @Test
    void seedModeCountsTheEmptyWordOfADoubleSpaceWithNoLetterEntry() {
        DimensionRules rules = new DimensionRules(settings(TokenizerMode.SEED, List.of("S"), List.of(1)));
        assertEquals(List.of(new Entry("word", "S"), new Entry("letter", "S"), new Entry("length", "1"),
                        new Entry("word", ""), new Entry("word", "s"), new Entry("length", "1")),
                rules.entries("S  s"));
    }

    @Test
    void seedModeTakesTheFirstCodePointAsTheLetterAndCountsCodePoints() {
        DimensionRules rules = new DimensionRules(settings(TokenizerMode.SEED, List.of("É", "𝒮"), List.of(2, 3)));
        assertEquals(List.of(new Entry("word", "État"), new Entry("letter", "É"),
                        new Entry("word", "𝒮ok"), new Entry("letter", "𝒮"), new Entry("length", "3"),
                        new Entry("word", "e\u0301t"), new Entry("length", "3")),
                rules.entries("État 𝒮ok e\u0301t"));
    }

    @Test
    void aWordLongerThanTheLimitIsCountedByItsFirstCodePointsAndKeepsItsLength() {
        DimensionRules rules = new DimensionRules(settings(TokenizerMode.UNICODE, List.of("S"), List.of(10_000,
                10_001)));
        String limit = "s".repeat(DimensionRules.MAX_WORD_LENGTH);
        assertEquals(List.of(new Entry("word", limit), new Entry("letter", "S"), new Entry("length", "10000")),
                rules.entries(limit));
        // Code points, not UTF-16 units: a supplementary letter is never split in half.
        String longer = "𝒮".repeat(DimensionRules.MAX_WORD_LENGTH + 1);
        List<Entry> entries = rules.entries(longer);
        assertEquals(new Entry("length", "10001"), entries.get(entries.size() - 1));
        String key = entries.get(0).key();
        assertEquals(DimensionRules.MAX_WORD_LENGTH + 1, key.codePointCount(0, key.length()));
        assertEquals("𝒮".repeat(DimensionRules.MAX_WORD_LENGTH) + "…", key);
    }

    @Test
    void lengthCountsCodePoints() {
        DimensionRules rules = new DimensionRules(settings(TokenizerMode.UNICODE, List.of(), List.of(2)));
        assertEquals(List.of(new Entry("word", "東京"), new Entry("length", "2")), rules.entries("東京"));
    }

    @Test
    void wordsStartingWithADigitHaveNoLetterEntry() {
        DimensionRules rules = new DimensionRules(settings(TokenizerMode.UNICODE, List.of("S"), List.of()));
        assertEquals(List.of(new Entry("word", "5s")), rules.entries("5s"));
    }

    /** What a visitor saw: the word lower-cased, its hash, letter and length indexes. */
    private static List<String> stringVisits(DimensionRules rules, String sentence) {
        List<String> seen = new ArrayList<>();
        rules.forEachWord(sentence, (word, letter, length) ->
                seen.add(word + " #" + word.hashCode() + " " + letter + " " + length));
        return seen;
    }

    private static List<String> asciiVisits(DimensionRules rules, byte[] sentence) {
        List<String> seen = new ArrayList<>();
        boolean visited = rules.forEachAsciiWord(sentence, (text, start, length, hash, letter, len) ->
                seen.add(new String(text, start, length, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT)
                        + " #" + hash + " " + letter + " " + len));
        return visited ? seen : null;
    }

    @Test
    void asciiSentencesGiveTheSameWordsFromTheirBytesAsFromTheirText() {
        DimensionRules rules = new DimensionRules(settings(TokenizerMode.UNICODE, List.of("S", "p", "R", "0"),
                List.of(1, 3, 6, 8, 11)));
        // Letters of both cases, digits, joiners in every position, other punctuation and controls.
        String alphabet = "aSpRzQ09-'-' ,.;\t\n!?\"()_@#\u0000\u007f";
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sentence = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                sentence.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sentence.toString();
            assertEquals(stringVisits(rules, text), asciiVisits(rules, text.getBytes(StandardCharsets.UTF_8)),
                    "sentence [" + text + "]");
        }
        assertEquals(List.of("don't #" + "don't".hashCode() + " -1 -1", "state-of-the-art #"
                        + "state-of-the-art".hashCode() + " 0 -1", "rock #" + "rock".hashCode() + " 2 -1"),
                asciiVisits(rules, "Don't -state-of-the-art- ROCK'".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void sentencesTheAsciiPathCannotTakeAreLeftToTheTextPath() {
        DimensionRules rules = new DimensionRules(PipelineSettings.defaults());
        assertNull(asciiVisits(rules, "spark état".getBytes(StandardCharsets.UTF_8)));
        assertNull(asciiVisits(rules, "a".repeat(DimensionRules.MAX_WORD_LENGTH + 1)
                .getBytes(StandardCharsets.US_ASCII)));
        DimensionRules seed = new DimensionRules(settings(TokenizerMode.SEED, List.of("S"), List.of()));
        assertNull(asciiVisits(seed, "Spark spark".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(List.of(), asciiVisits(rules, new byte[0]));
    }
}

package io.wordstream.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wordstream.common.DimensionRules.Entry;
import java.time.Duration;
import java.util.List;
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
}

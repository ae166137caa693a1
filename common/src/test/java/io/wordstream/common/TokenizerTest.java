package io.wordstream.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    private final Tokenizer unicode = new Tokenizer(TokenizerMode.UNICODE);
    private final Tokenizer seed = new Tokenizer(TokenizerMode.SEED);

    @Test
    void wordsAreRunsOfLettersAndDigitsLowerCased() {
        assertEquals(List.of("spark", "streaming", "e", "apache", "kafka"),
                unicode.words("Spark Streaming e Apache Kafka!"));
    }

    @Test
    void punctuationAndWhitespaceSeparateWords() {
        assertEquals(List.of("one", "two", "three", "four", "five"),
                unicode.words("  one,two;three...(four)\t\n\"five\"  "));
    }

    @Test
    void aSingleApostropheOrHyphenBetweenLettersJoinsTheWord() {
        assertEquals(List.of("don't", "state-of-the-art", "rock", "roll", "o'neil"),
                unicode.words("Don't state-of-the-art rock--roll O'Neil"));
    }

    @Test
    void typographicApostrophesAndHyphensFoldToAscii() {
        assertEquals(List.of("don't", "e-mail"), unicode.words("don’t e‐mail"));
    }

    @Test
    void leadingAndTrailingJoinersAreNotPartOfTheWord() {
        assertEquals(List.of("quoted", "dash"), unicode.words("'quoted' -dash-"));
    }

    @Test
    void digitsArePartOfWords() {
        assertEquals(List.of("covid-19", "3d", "2026", "v2"), unicode.words("COVID-19 3D 2026 v2."));
    }

    @Test
    void unicodeLettersCountAndLengthIsInCodePoints() {
        assertEquals(List.of("ação", "über", "東京", "שלום", "ελληνικά"),
                unicode.words("Ação ÜBER 東京 שלום Ελληνικά"));
        assertEquals(4, Tokenizer.length("ação"));
        assertEquals(1, Tokenizer.length("\uD835\uDC00")); // MATHEMATICAL BOLD CAPITAL A, two UTF-16 units
    }

    @Test
    void combiningMarksStayWithTheirLetter() {
        assertEquals(List.of("cafe\u0301"), unicode.words("cafe\u0301!"));
    }

    @Test
    void emojiAndControlCharactersSeparateWords() {
        assertEquals(List.of("hi", "there", "you"), unicode.words("hi🎉there\u0007you"));
    }

    @Test
    void lowerCasingIgnoresTheDefaultLocale() {
        assertEquals(List.of("istanbul"), unicode.words("ISTANBUL"));
    }

    @Test
    void emptyTextHasNoWords() {
        assertEquals(List.of(), unicode.words(""));
        assertEquals(List.of(), unicode.words(" ...! "));
    }

    @Test
    void seedSplitsOnEachSingleSpaceKeepsCaseAndKeepsEmptyTokens() {
        assertEquals(List.of("Spark,", "", "Kafka", "spark!", "tab\tsep", ""),
                seed.words("Spark,  Kafka spark! tab\tsep "));
    }

    @Test
    void seedGivesOneEmptyTokenPerSpaceBoundaryAsSparkSplitDoes() {
        assertEquals(List.of(""), seed.words(""));
        assertEquals(List.of("", ""), seed.words(" "));
        assertEquals(List.of("", "", "a", "", ""), seed.words("  a  "));
    }
}

package io.wordstream.console.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.common.Tokenizer;
import io.wordstream.common.TokenizerMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A word across windows, the top words over a range, stop words, and the end-to-end time of a sentence. */
class WordHistoryTest {
    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    private static WindowCounts threeWindows() {
        WindowCounts c = new WindowCounts(10);
        // 12:00:00 and 12:00:20 have words; 12:00:10 is empty, so it is at zero on a timeline.
        c.apply(new ResultRow(T0, T0.plusSeconds(10), "word", "spark", 3));
        c.apply(new ResultRow(T0, T0.plusSeconds(10), "word", "the", 5));
        c.apply(new ResultRow(T0.plusSeconds(20), T0.plusSeconds(30), "word", "spark", 1));
        c.apply(new ResultRow(T0.plusSeconds(20), T0.plusSeconds(30), "word", "kafka", 2));
        c.apply(new ResultRow(T0.plusSeconds(20), T0.plusSeconds(30), "letter", "S", 1));
        return c;
    }

    @Test
    void aWordsCountPerTimelineSlotIsZeroWhereNotCounted() {
        WindowCounts c = threeWindows();
        List<Timeline.Slot> slots = Timeline.slots(c, Duration.ofSeconds(10), null, 10, "word");
        assertEquals(List.of(3L, 0L, 1L), WordHistory.along(c, slots, "spark"));
        assertEquals(List.of(0L, 0L, 2L), WordHistory.along(c, slots, "kafka"));
        assertTrue(WordHistory.appears(c, "kafka"));
        assertFalse(WordHistory.appears(c, "S"), "a letter is not a word");
    }

    @Test
    void topWordsOverTheLastWindowsOrAllSumTheirCounts() {
        WindowCounts c = threeWindows();
        assertEquals(List.of(new WindowCounts.Count("kafka", 2), new WindowCounts.Count("spark", 1)),
                WordHistory.top(c, 1, w -> true, 10));
        assertEquals(List.of(new WindowCounts.Count("the", 5), new WindowCounts.Count("spark", 4),
                new WindowCounts.Count("kafka", 2)), WordHistory.top(c, -1, w -> true, 10));
        assertEquals(List.of(new WindowCounts.Count("spark", 4)),
                WordHistory.top(c, 60, w -> !w.equals("the"), 1));
        assertEquals(2, WordHistory.distinct(c, -1, w -> !w.equals("the")));
    }

    @Test
    void stopWordsComeFromEditableFilesWithComments(@TempDir Path config) throws Exception {
        Files.writeString(config.resolve(StopWords.PORTUGUESE), "# comment\nde\nQue  # trailing\n\n",
                StandardCharsets.UTF_8);
        Files.writeString(config.resolve(StopWords.ENGLISH), "the\n", StandardCharsets.UTF_8);
        StopWords s = StopWords.load(config);
        assertEquals(3, s.size());
        assertTrue(s.contains("que") && s.contains("The") && s.contains("de"));
        assertFalse(s.contains("spark"));
    }

    @Test
    void theShippedListsHoldBothLanguages() {
        StopWords s = StopWords.load(Path.of(System.getProperty("wordstream.home"), "config"));
        assertTrue(s.contains("não") && s.contains("de") && s.contains("the") && s.contains("and"), "" + s.size());
        assertFalse(s.contains("spark") || s.contains("kafka"));
    }

    @Test
    void aSentenceIsCountedOnceEachOfItsWordsWasRaised() {
        EndToEnd e = new EndToEnd(new Tokenizer(TokenizerMode.UNICODE));
        e.sent("Spark reads Kafka", 1_000);
        e.sent("other", 2_000);
        assertEquals(List.of(), e.counted(Set.of("spark", "kafka"), 5_000));
        assertEquals(List.of(new EndToEnd.Counted("Spark reads Kafka", 8_000)),
                e.counted(Set.of("reads", "unrelated"), 9_000));
        assertEquals(1, e.waiting());
    }
}

package io.wordstream.console.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowCountsTest {
    private static final Instant T0 = Instant.parse("2026-11-23T19:30:00Z");

    private static ResultRow row(int windowIndex, String dimension, String key, long count) {
        Instant start = T0.plusSeconds(10L * windowIndex);
        return new ResultRow(start, start.plusSeconds(10), dimension, key, count);
    }

    @Test
    void keepsTheLatestCountPerWindowDimensionAndKey() {
        WindowCounts model = new WindowCounts(10);
        model.apply(row(0, "word", "spark", 1));
        model.apply(row(0, "word", "spark", 3));
        model.apply(row(0, "word", "kafka", 2));
        model.apply(row(0, "letter", "S", 3));
        assertEquals(List.of(new WindowCounts.Count("spark", 3), new WindowCounts.Count("kafka", 2)),
                model.window(T0).top("word", 10));
        assertEquals(5, model.window(T0).total("word"));
        assertEquals(3, model.window(T0).total("letter"));
    }

    @Test
    void equalCountsSortByLanguageNotByCodePoint() {
        WindowCounts model = new WindowCounts(10);
        for (String word : List.of("praia", "pão", "Pedra", "ovo", "óculos", "zebra")) {
            model.apply(row(0, "word", word, 2));
        }
        model.apply(row(0, "word", "sol", 3));
        // By code point 'ã' and 'ó' sort after every ASCII letter, and 'P' before every lower-case letter.
        assertEquals(List.of("sol", "óculos", "ovo", "pão", "Pedra", "praia", "zebra"),
                model.window(T0).top("word", 10).stream().map(WindowCounts.Count::key).toList());
        assertEquals(List.of("sol", "óculos", "ovo", "pão"),
                model.window(T0).top("word", 4).stream().map(WindowCounts.Count::key).toList(),
                "the same order when only the first few are asked for");
    }

    @Test
    void anOlderCountArrivingLateDoesNotOverwriteANewerOne() {
        WindowCounts model = new WindowCounts(10);
        assertTrue(model.apply(row(0, "word", "spark", 5)));
        assertFalse(model.apply(row(0, "word", "spark", 2)));
        assertEquals(5, model.window(T0).top("word", 1).get(0).count());
    }

    @Test
    void duplicatesFromAnAtLeastOnceSinkChangeNothing() {
        WindowCounts model = new WindowCounts(10);
        assertTrue(model.apply(row(0, "word", "spark", 2)));
        assertFalse(model.apply(row(0, "word", "spark", 2)));
        assertEquals(2, model.window(T0).total("word"));
    }

    @Test
    void tiesAreOrderedByKey() {
        WindowCounts model = new WindowCounts(10);
        model.apply(row(0, "word", "b", 1));
        model.apply(row(0, "word", "a", 1));
        model.apply(row(0, "word", "c", 2));
        assertEquals(List.of("c", "a", "b"),
                model.window(T0).top("word", 10).stream().map(WindowCounts.Count::key).toList());
        assertEquals(2, model.window(T0).top("word", 2).size());
    }

    @Test
    void onlyTheMostRecentWindowsAreKept() {
        WindowCounts model = new WindowCounts(2);
        model.apply(row(0, "word", "a", 1));
        model.apply(row(1, "word", "b", 1));
        model.apply(row(2, "word", "c", 1));
        assertEquals(List.of(T0.plusSeconds(10), T0.plusSeconds(20)), model.windowStarts());
        assertNull(model.window(T0));
        assertFalse(model.apply(row(0, "word", "a", 2)), "a row for an evicted window is ignored");
        assertEquals(2, model.size());
        assertEquals("c", model.newest().top("word", 1).get(0).key());
    }

    @Test
    void rowsOutOfWindowOrderAreFiledUnderTheirWindow() {
        WindowCounts model = new WindowCounts(5);
        model.apply(row(2, "word", "late", 1));
        model.apply(row(0, "word", "early", 1));
        assertEquals(List.of(T0, T0.plusSeconds(20)), model.windowStarts());
        assertEquals("late", model.newest().top("word", 1).get(0).key());
    }

    @Test
    void aHundredThousandDistinctWordsInOneWindowGiveTheRightTopWords() {
        WindowCounts model = new WindowCounts(360);
        for (int i = 0; i < 100_000; i++) {
            model.apply(row(0, "word", "w" + i, 1 + i % 1000));
        }
        WindowCounts.Window w = model.window(T0);
        assertEquals(100_000, w.distinct("word"));
        assertEquals(100_000, model.keys());
        // Count 1000 is held by w999, w1999, ... w99999: ties go in key order, where "w10999" comes first.
        assertEquals(List.of("w10999", "w11999", "w12999"),
                w.top("word", 3).stream().map(WindowCounts.Count::key).toList());
        assertEquals(1000, w.top("word", 3).get(0).count());
        assertEquals(List.of(), w.top("word", 0));
        assertEquals(100, w.top("word", 100).size());
    }

    @Test
    void pastTheKeyBudgetTheOldestWindowsGoAndALoneWindowTakesNoNewKey() {
        WindowCounts model = new WindowCounts(360, 5);
        model.apply(row(0, "word", "a", 1));
        model.apply(row(0, "word", "b", 1));
        model.apply(row(1, "word", "c", 1));
        model.apply(row(1, "letter", "C", 1));
        model.apply(row(2, "word", "d", 1));
        assertEquals(5, model.keys());
        assertTrue(model.apply(row(2, "word", "e", 1)), "a new key of the newest window");
        assertEquals(List.of(T0.plusSeconds(10), T0.plusSeconds(20)), model.windowStarts(), "the oldest window went");
        assertEquals(4, model.keys());
        assertTrue(model.apply(row(1, "word", "c", 5)), "a known key still updates");
        assertTrue(model.apply(row(2, "word", "f", 1)));
        assertFalse(model.apply(row(1, "word", "g", 1)), "no newer window is evicted for an older one");
        assertEquals(1, model.keysRefused());
        assertTrue(model.apply(row(2, "word", "g", 1)));
        assertEquals(List.of(T0.plusSeconds(20)), model.windowStarts());
        assertTrue(model.apply(row(2, "word", "h", 1)));
        assertFalse(model.apply(row(2, "word", "i", 1)), "one window alone at the budget takes no new key");
        assertEquals(2, model.keysRefused());
        assertEquals(5, model.keys());
    }

    @Test
    void aWindowEvictedForTheKeyBudgetIsNotRebuiltFromLaterRows() {
        WindowCounts model = new WindowCounts(360, 2);
        model.apply(row(0, "word", "a", 1));
        model.apply(row(1, "word", "b", 1));
        model.apply(row(2, "word", "c", 1));
        assertEquals(List.of(T0.plusSeconds(10), T0.plusSeconds(20)), model.windowStarts());
        assertFalse(model.apply(row(0, "word", "a", 5)), "its other counts are gone: it would show them partial");
        assertEquals(2, model.size());
        model.clear();
        assertTrue(model.apply(row(0, "word", "a", 5)), "after clear, history starts over");
    }
}

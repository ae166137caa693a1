package io.wordstream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WordTalliesTest {
    private static Tally byBytes(WordTallies table, String sentence, int start, int length) {
        byte[] text = sentence.getBytes(StandardCharsets.US_ASCII);
        String lower = sentence.substring(start, start + length).toLowerCase(Locale.ROOT);
        return table.get(text, start, length, lower.hashCode(), 0);
    }

    @Test
    void aWordFoundByItsBytesInAnyCaseOrByItsTextHasOneTally() {
        WordTallies table = new WordTallies();
        Tally spark = table.get("spark", 0);
        assertSame(spark, byBytes(table, "Spark reads", 0, 5));
        assertSame(spark, byBytes(table, "read SPARK", 5, 5));
        Tally reads = byBytes(table, "Spark reads", 6, 5);
        assertSame(reads, table.get("reads", 0));
        assertNotSame(spark, reads);
        // Same length and hash bucket neighbourhood, different letters.
        assertNotSame(spark, byBytes(table, "spark spore", 6, 5));
        Map<String, Tally> all = new TreeMap<>();
        table.forEach(all::put);
        assertEquals(Map.of("spark", spark, "reads", reads, "spore", byBytes(table, "SPORE", 0, 5)), all);
    }

    @Test
    void everyWordKeepsItsTallyAsTheTableGrows() {
        WordTallies table = new WordTallies();
        Map<String, Tally> first = new TreeMap<>();
        for (int i = 0; i < 50_000; i++) {
            String word = "w" + Integer.toString(i, 36);
            String upper = word.toUpperCase(Locale.ROOT);
            first.put(word, i % 2 == 0 ? table.get(word, i) : byBytes(table, upper, 0, word.length()));
        }
        first.forEach((word, tally) -> assertSame(tally, table.get(word, 0), word));
        Map<String, Tally> visited = new TreeMap<>();
        table.forEach(visited::put);
        assertEquals(first, visited);
    }
}

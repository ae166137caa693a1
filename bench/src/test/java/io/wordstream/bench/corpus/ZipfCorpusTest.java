package io.wordstream.bench.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZipfCorpusTest {
    @Test
    void theSameSeedGivesTheSameSentences() {
        ZipfCorpus a = new ZipfCorpus(42, 4000);
        ZipfCorpus b = new ZipfCorpus(42, 4000);
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.next(), b.next());
        }
        assertNotEquals(new ZipfCorpus(43, 4000).next(), new ZipfCorpus(42, 4000).next());
    }

    @Test
    void vocabularyIsDistinctLowerCaseAndShortWordsComeFirst() {
        List<String> v = new ZipfCorpus(1, 3000).vocabulary();
        assertEquals(3000, new HashSet<>(v).size());
        assertTrue(v.stream().allMatch(w -> w.matches("[a-z]{2,13}")));
        assertTrue(v.get(0).length() <= v.get(v.size() - 1).length());
        assertTrue(v.stream().anyMatch(w -> w.length() == 6) && v.stream().anyMatch(w -> w.length() == 8)
                && v.stream().anyMatch(w -> w.length() == 11), "the default lengths must occur");
    }

    @Test
    void sentencesHaveRealisticLengths() {
        ZipfCorpus c = new ZipfCorpus(42, 4000);
        long words = 0;
        for (int i = 0; i < 10_000; i++) {
            String[] s = c.next().split(" ");
            assertTrue(s.length >= 3 && s.length <= 30, "sentence of " + s.length + " words");
            words += s.length;
        }
        double mean = words / 10_000.0;
        assertTrue(mean > 10 && mean < 14, "mean sentence length " + mean);
    }

    @Test
    void zipfRankOneIsAboutTwiceAsFrequentAsRankTwo() {
        Zipf z = new Zipf(1000, 1.0);
        SplittableRandom r = new SplittableRandom(5);
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            seen.merge(z.sample(r), 1, Integer::sum);
        }
        double ratio = seen.get(0) / (double) seen.get(1);
        assertTrue(ratio > 1.8 && ratio < 2.2, "rank 1 / rank 2 = " + ratio);
        assertTrue(seen.keySet().stream().allMatch(k -> k >= 0 && k < 1000));
    }
}

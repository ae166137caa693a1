package io.wordstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.bench.corpus.ZipfCorpus;
import io.wordstream.common.Tokenizer;
import io.wordstream.common.TokenizerMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProbeNamesTest {
    @Test
    void probesAreDistinctSingleWordsOutsideTheVocabulary() {
        ProbeNames names = new ProbeNames();
        Set<String> vocabulary = new HashSet<>(new ZipfCorpus(42, 4000).vocabulary());
        Tokenizer tokenizer = new Tokenizer(TokenizerMode.UNICODE);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String p = names.next();
            assertEquals(List.of(p), tokenizer.words(p));
            assertTrue(seen.add(p), "repeated probe " + p);
            assertTrue(!vocabulary.contains(p));
        }
    }
}

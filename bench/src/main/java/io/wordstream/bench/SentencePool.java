package io.wordstream.bench;

import io.wordstream.bench.corpus.Corpus;
import io.wordstream.bench.measure.DimensionTotals;
import io.wordstream.bench.measure.SentLedger;
import java.nio.charset.StandardCharsets;

/**
 * Sentences taken from the corpus once, encoded and counted, then sent round and round: at a hundred thousand
 * sentences a second, generating and counting each one would take the sender's core. Every system gets the same
 * pool, in the same order.
 */
final class SentencePool {
    private final String[] texts;
    private final byte[][] payloads;
    private final DimensionTotals[] entries;
    private int next;

    SentencePool(Corpus corpus, SentLedger rules, int size) {
        texts = new String[size];
        payloads = new byte[size][];
        entries = new DimensionTotals[size];
        for (int i = 0; i < size; i++) {
            texts[i] = corpus.next();
            payloads[i] = texts[i].getBytes(StandardCharsets.UTF_8);
            entries[i] = rules.entriesOf(texts[i]);
        }
    }

    /** Moves to the next sentence; the accessors below then describe it. */
    void advance() {
        next = (next + 1) % texts.length;
    }

    String text() {
        return texts[next];
    }

    byte[] payload() {
        return payloads[next];
    }

    DimensionTotals entries() {
        return entries[next];
    }

    /** Average words per sentence of the pool, to turn sentences per second into words per second. */
    double wordsPerSentence() {
        long words = 0;
        for (DimensionTotals e : entries) {
            words += e.words();
        }
        return (double) words / entries.length;
    }
}

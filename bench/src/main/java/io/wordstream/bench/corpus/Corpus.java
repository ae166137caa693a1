package io.wordstream.bench.corpus;

/** An endless, deterministic source of sentences: two corpora built alike give the same sentences in order. */
public interface Corpus {
    String next();
}

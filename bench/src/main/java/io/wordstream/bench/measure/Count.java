package io.wordstream.bench.measure;

/** One result row, whichever system wrote it: the count so far of one key of one dimension in one window. */
public record Count(long windowStartMs, String dimension, String key, long count) {
}

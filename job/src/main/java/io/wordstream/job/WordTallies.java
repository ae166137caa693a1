package io.wordstream.job;

import io.wordstream.common.DimensionRules;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Tallies by word, found by the word's String or, for a word of an ASCII sentence, by its bytes: the bytes are
 * compared lower-cased with the stored word, so a String is made once per distinct word, not once per occurrence.
 * Both ways of finding a word reach the same tally, as a byte lookup's hash is the lower-cased word's
 * {@link String#hashCode()}. Open addressing with linear probing; it only grows.
 */
final class WordTallies {
    private static final int INITIAL_CAPACITY = 1024;

    private String[] keys = new String[INITIAL_CAPACITY];
    private int[] hashes = new int[INITIAL_CAPACITY];
    private Tally[] tallies = new Tally[INITIAL_CAPACITY];
    private int size;

    /** The tally of {@code word}, new (starting at {@code micros}) if the word has none yet. */
    Tally get(String word, long micros) {
        int hash = word.hashCode();
        int mask = keys.length - 1;
        int slot = spread(hash) & mask;
        while (keys[slot] != null) {
            if (hashes[slot] == hash && keys[slot].equals(word)) {
                return tallies[slot];
            }
            slot = (slot + 1) & mask;
        }
        return insert(slot, word, hash, micros);
    }

    /**
     * The tally of the word of {@code length} ASCII bytes at {@code start}, lower-cased, whose hash is
     * {@code hash}; new (starting at {@code micros}) if the word has none yet.
     */
    Tally get(byte[] text, int start, int length, int hash, long micros) {
        int mask = keys.length - 1;
        int slot = spread(hash) & mask;
        while (keys[slot] != null) {
            if (hashes[slot] == hash && sameWord(keys[slot], text, start, length)) {
                return tallies[slot];
            }
            slot = (slot + 1) & mask;
        }
        byte[] lower = new byte[length];
        for (int i = 0; i < length; i++) {
            lower[i] = DimensionRules.toLowerAscii(text[start + i]);
        }
        return insert(slot, new String(lower, StandardCharsets.US_ASCII), hash, micros);
    }

    void forEach(BiConsumer<String, Tally> action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                action.accept(keys[i], tallies[i]);
            }
        }
    }

    private static boolean sameWord(String key, byte[] text, int start, int length) {
        if (key.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (key.charAt(i) != DimensionRules.toLowerAscii(text[start + i])) {
                return false;
            }
        }
        return true;
    }

    private Tally insert(int slot, String word, int hash, long micros) {
        Tally tally = new Tally(micros);
        keys[slot] = word;
        hashes[slot] = hash;
        tallies[slot] = tally;
        if (++size * 2 > keys.length) {
            grow();
        }
        return tally;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldHashes = hashes;
        Tally[] oldTallies = tallies;
        keys = new String[oldKeys.length * 2];
        hashes = new int[keys.length];
        tallies = new Tally[keys.length];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = spread(oldHashes[i]) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                hashes[slot] = oldHashes[i];
                tallies[slot] = oldTallies[i];
            }
        }
    }

    /** The table keeps a hash's low bits only: fold the high bits in, so words that differ there spread out too. */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}

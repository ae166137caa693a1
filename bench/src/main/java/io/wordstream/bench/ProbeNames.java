package io.wordstream.bench;

/**
 * Words that occur nowhere else: three consonants in a row never appear in the generated vocabulary, and the
 * prefix makes a clash with a real text improbable. Letters only, so every tokenizer keeps one whole.
 */
final class ProbeNames {
    private long next;

    String next() {
        StringBuilder b = new StringBuilder("zqxprobe");
        long n = next++;
        do {
            b.append((char) ('a' + (int) (n % 26)));
            n /= 26;
        } while (n > 0);
        return b.toString();
    }
}

package io.wordstream.bench.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generated text: a vocabulary of pronounceable lower-case words, the short ones the most frequent (as in real
 * text), drawn by Zipf's law into sentences of about twelve words. Plain ASCII separated by single spaces, so every
 * tokenizer splits it alike.
 */
public final class ZipfCorpus implements Corpus {
    private static final String CONSONANTS = "bcdfghjklmnprstvwz";
    private static final String VOWELS = "aeiou";

    private final List<String> vocabulary;
    private final Zipf zipf;
    private final SplittableRandom random;

    public ZipfCorpus(long seed, int vocabularySize) {
        SplittableRandom vocabularyRandom = new SplittableRandom(seed);
        this.vocabulary = vocabulary(vocabularyRandom, vocabularySize);
        this.zipf = new Zipf(vocabularySize, 1.0);
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    @Override
    public String next() {
        int words = (int) Math.round(12 + 4 * gaussianOf(random));
        words = Math.max(3, Math.min(30, words));
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(vocabulary.get(zipf.sample(random)));
        }
        return s.toString();
    }

    public List<String> vocabulary() {
        return vocabulary;
    }

    private static List<String> vocabulary(SplittableRandom random, int size) {
        Set<String> words = new LinkedHashSet<>();
        while (words.size() < size) {
            // Lengths 2 to 13, most between 4 and 8: close to English and Portuguese text.
            int length = 2 + Math.min(11, (int) Math.abs(Math.round(4 + 2.2 * gaussianOf(random))));
            StringBuilder w = new StringBuilder(length);
            boolean vowel = random.nextInt(3) == 0;
            while (w.length() < length) {
                String from = vowel ? VOWELS : CONSONANTS;
                w.append(from.charAt(random.nextInt(from.length())));
                vowel = !vowel;
            }
            words.add(w.toString());
        }
        List<String> list = new ArrayList<>(words);
        // Frequent words are short words: rank by length, ties in generation order.
        list.sort(Comparator.comparingInt(String::length));
        return List.copyOf(list);
    }

    /** Box-Muller on the given generator, so every draw depends on the seed alone. */
    private static double gaussianOf(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}

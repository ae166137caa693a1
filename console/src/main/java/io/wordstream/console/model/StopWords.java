package io.wordstream.console.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words too common to say anything ("de", "the"), which the console can hide from its word charts. The lists are
 * plain files in the install's {@code config/} ({@value #PORTUGUESE}, {@value #ENGLISH}), one word a line, {@code #}
 * for comments, so an operator edits them without a build.
 */
public final class StopWords {
    public static final String PORTUGUESE = "stopwords-pt.txt";
    public static final String ENGLISH = "stopwords-en.txt";

    private final Set<String> words;

    private StopWords(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    /** These words, lower-cased. */
    public static StopWords of(List<String> words) {
        Set<String> s = new HashSet<>();
        words.forEach(w -> s.add(w.strip().toLowerCase(Locale.ROOT)));
        s.remove("");
        return new StopWords(s);
    }

    /** The Portuguese and English lists of {@code configDir}; a list that is not there adds nothing. */
    public static StopWords load(Path configDir) {
        Set<String> s = new HashSet<>();
        for (String name : new String[] {PORTUGUESE, ENGLISH}) {
            Path file = configDir.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String w = line.replaceFirst("#.*", "").strip().toLowerCase(Locale.ROOT);
                    if (!w.isEmpty()) {
                        s.add(w);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the stop words of " + file, e);
            }
        }
        return new StopWords(s);
    }

    /** True for a stop word, whatever its case. */
    public boolean contains(String word) {
        return words.contains(word.toLowerCase(Locale.ROOT));
    }

    public int size() {
        return words.size();
    }
}

package io.wordstream.bench.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The non-blank lines of a text file, one sentence each, over and over. */
public final class FileCorpus implements Corpus {
    private final List<String> lines;
    private int next;

    public FileCorpus(Path file) throws IOException {
        this.lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        if (lines.isEmpty()) {
            throw new IOException(file + " has no non-blank line to send");
        }
    }

    @Override
    public String next() {
        String line = lines.get(next);
        next = (next + 1) % lines.size();
        return line;
    }
}

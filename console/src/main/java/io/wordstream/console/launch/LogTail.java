package io.wordstream.console.launch;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The last lines of a log file, for error messages that point at what a child process said last. */
public final class LogTail {
    private LogTail() {
    }

    /** Up to {@code n} last non-blank lines of {@code file}; empty when it cannot be read. */
    public static List<String> lastLines(Path file, int n) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long len = f.length();
            int size = (int) Math.min(len, 64 * 1024);
            byte[] buf = new byte[size];
            f.seek(len - size);
            f.readFully(buf);
            List<String> lines = new ArrayList<>(new String(buf, StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank()).toList());
            return lines.subList(Math.max(0, lines.size() - n), lines.size());
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The last line that looks like an error, else the last line; empty when the file has none. */
    public static String lastError(Path file) {
        List<String> lines = lastLines(file, 200);
        return errorIn(lines).orElse(lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip());
    }

    /** The last line that looks like an error, if there is one. */
    public static Optional<String> lastErrorOnly(Path file) {
        return errorIn(lastLines(file, 200));
    }

    private static Optional<String> errorIn(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i);
            if (l.contains("ERROR") || l.contains("Exception") || l.startsWith("wordstream")) {
                return Optional.of(l.strip());
            }
        }
        return Optional.empty();
    }
}

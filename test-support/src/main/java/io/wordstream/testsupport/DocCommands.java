package io.wordstream.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every wordstream command line written in README.md and docs/*.md: in inline code, in fenced code blocks marked as
 * shell ({@code bash}, {@code sh}, {@code shell}, {@code console}), and in unmarked blocks, which mostly show output,
 * the lines that start with {@code ./wordstream} (no program prints that). Blocks marked otherwise ({@code text},
 * {@code properties}) are not read. A line continued with a backslash is read as one, at the line it starts on. The
 * program is {@code wordstream}, {@code ./wordstream}, {@code bin/wordstream} or any {@code .../bin/wordstream},
 * where a shell would run it: first in a simple command (after {@code VAR=value} words), also after a pipe,
 * {@code &&}, {@code ;} or inside {@code $( )}. A program word followed by a word ending in ':' is a message the
 * program prints ({@code wordstream send: line 3 not sent}), not a command. An angle-bracket placeholder such as
 * {@code <data-dir>} is read as the word {@code DATA_DIR}.
 */
public final class DocCommands {
    private static final Set<String> SHELL_BLOCKS = Set.of("bash", "sh", "shell", "console");
    private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*([\\w-]*).*$");
    private static final Pattern INLINE = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern ANGLE_PLACEHOLDER = Pattern.compile("<([A-Za-z][\\w.-]*)>");

    private DocCommands() {
    }

    /** The command lines of {@code home}'s README.md and docs/*.md, in file and line order. */
    public static List<DocCommand> in(Path home) {
        List<Path> files = new ArrayList<>(List.of(home.resolve("README.md")));
        try (Stream<Path> docs = Files.list(home.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
            List<DocCommand> found = new ArrayList<>();
            for (Path file : files) {
                found.addAll(in(home.relativize(file).toString(), Files.readAllLines(file)));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the docs under " + home, e);
        }
    }

    /** The command lines of one Markdown file's {@code lines}, named {@code file} in what they report. */
    public static List<DocCommand> in(String file, List<String> lines) {
        List<DocCommand> found = new ArrayList<>();
        String fence = null;
        for (int n = 0; n < lines.size(); n++) {
            Matcher f = FENCE.matcher(lines.get(n));
            if (f.matches()) {
                fence = fence == null ? f.group(1).toLowerCase(Locale.ROOT) : null;
                continue;
            }
            if (fence == null) {
                Matcher code = INLINE.matcher(lines.get(n));
                while (code.find()) {
                    // In a Markdown table a pipe inside code is written \|.
                    found.addAll(commands(file, n + 1, code.group(2).strip().replace("\\|", "|")));
                }
            } else if (SHELL_BLOCKS.contains(fence) || fence.isEmpty() && lines.get(n).startsWith("./wordstream ")) {
                int first = n;
                String line = lines.get(n).stripTrailing();
                while (line.endsWith("\\") && n + 1 < lines.size()) {
                    line = line.substring(0, line.length() - 1).stripTrailing() + " " + lines.get(++n).strip();
                }
                found.addAll(commands(file, first + 1, line));
            }
        }
        return found;
    }

    private static List<DocCommand> commands(String file, int line, String text) {
        Matcher m = ANGLE_PLACEHOLDER.matcher(text);
        String plain = m.replaceAll(r -> r.group(1).toUpperCase(Locale.ROOT).replaceAll("\\W", "_"));
        List<DocCommand> found = new ArrayList<>();
        for (List<String> words : ShellLine.commands(plain)) {
            int at = 0;
            while (at < words.size() && words.get(at).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                at++;
            }
            if (at < words.size() && isProgram(words.get(at))
                    && !(at + 1 < words.size() && words.get(at + 1).endsWith(":"))) {
                found.add(new DocCommand(file, line, text, List.copyOf(words.subList(at + 1, words.size()))));
            }
        }
        return found;
    }

    static boolean isProgram(String word) {
        return word.equals("wordstream") || word.equals("./wordstream") || word.equals("bin/wordstream")
                || word.endsWith("/bin/wordstream");
    }
}

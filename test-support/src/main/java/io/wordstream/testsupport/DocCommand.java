package io.wordstream.testsupport;

import java.util.List;

/**
 * A wordstream command line written in the docs.
 *
 * @param file the Markdown file, relative to the project's root
 * @param line the line it starts on, from 1
 * @param text the line as written
 * @param args the words after the program, as the shell would pass them
 */
public record DocCommand(String file, int line, String text, List<String> args) {
    /** {@code file:line}. */
    public String where() {
        return file + ":" + line;
    }

    /** The first word: the launcher runs {@code bench} and {@code soak} in their own JVM, all else in the console. */
    public String launcherCommand() {
        return args.isEmpty() ? "" : args.get(0);
    }
}

package io.wordstream.console.launch;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts children in a session of their own ({@code setsid}), so that Ctrl-C at the console's terminal reaches
 * only the console, which then stops the job and the broker in order, instead of every process at once.
 */
public final class SessionLeader {
    public static final String COMMAND = "setsid";

    private SessionLeader() {
    }

    public static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, COMMAND))) {
                return true;
            }
        }
        return false;
    }
}

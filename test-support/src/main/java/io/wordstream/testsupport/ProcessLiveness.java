package io.wordstream.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a process still runs, as a test that checks "nothing left behind" must ask it. */
public final class ProcessLiveness {
    private ProcessLiveness() {
    }

    /**
     * True while the process runs. An exited process not yet reaped (a zombie, state Z in /proc/PID/stat) holds
     * nothing but its pid and does not count: once its parent is gone, reaping it is init's job, which some
     * containers' init does slowly.
     */
    public static boolean running(ProcessHandle p) {
        if (!p.isAlive()) {
            return false;
        }
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
        } catch (IOException e) {
            return p.isAlive(); // no /proc entry to read: only the JDK's answer is left
        }
        // The state follows the command name, which is in parentheses and may itself hold spaces or ')'.
        int end = stat.lastIndexOf(')');
        return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
    }
}

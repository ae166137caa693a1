package io.wordstream.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a test that waited in vain for a process to exit reports: the process tree, each JVM's threads, and the tails
 * of the logs it wrote, so a failure seen once in CI can be read rather than guessed at.
 */
public final class Postmortem {
    private static final int LOG_TAIL_LINES = 80;
    private static final long JCMD_TIMEOUT_S = 20;

    private Postmortem() {
    }

    /** The tree under {@code root} (with it), the thread dump of each JVM in it, and the tails of the logs. */
    public static String of(ProcessHandle root, Path logDir) {
        StringBuilder out = new StringBuilder("\n--- processes ---\n");
        List<ProcessHandle> tree = Stream.concat(Stream.of(root), root.descendants()).toList();
        for (ProcessHandle p : tree) {
            String command = p.info().commandLine().orElse("?");
            out.append(p.pid()).append(' ').append(command, 0, Math.min(300, command.length())).append('\n');
        }
        for (ProcessHandle p : tree) {
            if (p.isAlive() && p.info().command().orElse("").endsWith("java")) {
                out.append("--- threads of ").append(p.pid()).append(" ---\n").append(threads(p.pid()));
            }
        }
        try (Stream<Path> files = Files.walk(logDir)) {
            for (Path log : files.filter(Postmortem::isTextLog).toList()) {
                List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
                out.append("--- ").append(log).append(" (last ").append(LOG_TAIL_LINES).append(" lines) ---\n");
                lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())
                        .forEach(l -> out.append(l).append('\n'));
            }
        } catch (IOException | RuntimeException e) {
            out.append("(logs unreadable: ").append(e).append(")\n");
        }
        return out.toString();
    }

    /** A log or standard error file, not one of Kafka's segment files (digits.log, binary). */
    private static boolean isTextLog(Path f) {
        String name = f.getFileName().toString();
        return (name.endsWith(".log") || name.endsWith(".err")) && !name.matches("[0-9]+\\.log");
    }

    private static String threads(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            // To a file, not a pipe: jcmd attaching to a JVM stuck at a safepoint may never finish.
            Path text = Files.createTempFile("threads-" + pid, ".txt");
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(text.toFile()).start();
            if (!p.waitFor(JCMD_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            String dump = Files.readString(text);
            Files.delete(text);
            return dump;
        } catch (IOException e) {
            return "(jcmd failed: " + e + ")\n";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)\n";
        }
    }
}

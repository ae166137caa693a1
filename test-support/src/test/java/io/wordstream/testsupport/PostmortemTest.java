package io.wordstream.testsupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmortemTest {
    @TempDir
    Path dir;

    @Test
    void namesTheTreeDumpsEachJvmsThreadsAndTailsTheTextLogsOnly() throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs/run.log"), IntStream.rangeClosed(1, 200).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n")));
        Files.writeString(dir.resolve("run.err"), "wordstream: stopping\n");
        Files.writeString(dir.resolve("00000000000000000000.log"), "a Kafka segment");
        Process child = new ProcessBuilder("sleep", "60").start();
        try {
            String report = Postmortem.of(ProcessHandle.current(), dir);

            assertTrue(report.lines().anyMatch(l -> l.startsWith(child.pid() + " ") && l.endsWith("sleep 60")), report);
            assertTrue(report.contains("--- threads of " + ProcessHandle.current().pid()), report);
            assertTrue(report.contains("Full thread dump"), "this JVM's threads, by jcmd");
            assertTrue(report.contains("line 200") && report.contains("line 121"), "the last 80 lines");
            assertFalse(report.contains("line 120\n"), "only the last 80 lines");
            assertTrue(report.contains("wordstream: stopping"), "standard error files");
            assertFalse(report.contains("a Kafka segment"), "no Kafka segment file");
        } finally {
            child.destroy();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
    }
}

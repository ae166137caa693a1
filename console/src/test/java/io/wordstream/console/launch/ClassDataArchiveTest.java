package io.wordstream.console.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {
    @TempDir
    Path dir;
    private Path cache;
    private List<Path> classpath;

    @BeforeEach
    void jars() throws IOException {
        Assumptions.assumeFalse("off".equalsIgnoreCase(System.getenv(ClassDataArchive.SWITCH)));
        cache = dir.resolve("cds");
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(lib.resolve("b.jar"), "b");
        Files.writeString(lib.resolve("a.jar"), "a");
        Files.writeString(lib.resolve("notes.txt"), "not a jar");
        classpath = ClassDataArchive.jarsIn(lib);
    }

    /** What the JVM does at exit when told to record an archive. */
    private static void jvmWritesItsArchive(List<String> options) throws IOException {
        String record = options.stream().filter(o -> o.startsWith("-XX:ArchiveClassesAtExit=")).findFirst()
                .orElseThrow();
        Files.writeString(Path.of(record.substring(record.indexOf('=') + 1)), "classes");
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(cache)) {
            return s.sorted().toList();
        }
    }

    @Test
    void jarsAreListedInOrderAndNothingElse() {
        assertEquals(List.of("a.jar", "b.jar"), classpath.stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void theFirstJvmRecordsAndTheNextMapsWhatItRecorded() throws IOException {
        ClassDataArchive first = ClassDataArchive.of(cache, "broker", classpath);
        assertFalse(first.present());
        jvmWritesItsArchive(first.jvmOptions());
        first.jvmExited(true);

        ClassDataArchive next = ClassDataArchive.of(cache, "broker", classpath);
        assertTrue(next.present());
        Path archive = files().get(0);
        assertTrue(archive.getFileName().toString().matches("broker-[0-9a-f]{16}\\.jsa"), archive.toString());
        assertTrue(next.jvmOptions().contains("-XX:SharedArchiveFile=" + archive), next.jvmOptions().toString());
    }

    @Test
    void whatAKilledJvmRecordedIsThrownAway() throws IOException {
        ClassDataArchive first = ClassDataArchive.of(cache, "driver", classpath);
        jvmWritesItsArchive(first.jvmOptions());
        first.jvmExited(false);

        assertEquals(List.of(), files());
        assertFalse(ClassDataArchive.of(cache, "driver", classpath).present());
    }

    @Test
    void aJvmThatRecordedNothingLeavesNothing() throws IOException {
        ClassDataArchive first = ClassDataArchive.of(cache, "driver", classpath);
        first.jvmOptions();
        first.jvmExited(true);
        assertEquals(List.of(), files());
    }

    @Test
    void aChangedJarGetsANewArchive() throws IOException {
        String before = ClassDataArchive.fingerprint(classpath);
        Files.writeString(classpath.get(0), "a, rebuilt and longer");
        assertNotEquals(before, ClassDataArchive.fingerprint(classpath));
    }

    @Test
    void anArchiveOfANewBuildReplacesTheOldOneOfItsRoleOnly() throws IOException {
        ClassDataArchive broker = ClassDataArchive.of(cache, "broker", classpath);
        jvmWritesItsArchive(broker.jvmOptions());
        broker.jvmExited(true);
        ClassDataArchive old = ClassDataArchive.of(cache, "driver", classpath);
        jvmWritesItsArchive(old.jvmOptions());
        old.jvmExited(true);
        Files.writeString(classpath.get(0), "a, rebuilt and longer");

        ClassDataArchive rebuilt = ClassDataArchive.of(cache, "driver", classpath);
        assertFalse(rebuilt.present());
        jvmWritesItsArchive(rebuilt.jvmOptions());
        rebuilt.jvmExited(true);

        List<String> names = files().stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(2, names.size(), names.toString());
        assertTrue(names.contains("driver-" + ClassDataArchive.fingerprint(classpath) + ".jsa"), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("broker-")), names.toString());
    }

    @Test
    void anArchiveAbandonedByAKilledJvmIsRemovedADayLater() throws IOException {
        Files.createDirectories(cache);
        Path old = Files.writeString(cache.resolve("driver-x.jsa.pending"), "half");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path recent = Files.writeString(cache.resolve("driver-y.jsa.pending"), "being written");

        ClassDataArchive.of(cache, "driver", classpath);
        assertEquals(List.of(recent), files());
    }
}

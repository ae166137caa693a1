package io.wordstream.console.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** What a recording JVM does when its trigger appears: writes the archive its options name. */
    private static void jvmRecords(List<String> options) throws IOException {
        Path trigger = Path.of(option(options, "-Dwordstream.cds.when="));
        assertTrue(Files.exists(trigger), "asked to record");
        Files.delete(trigger);
        Files.writeString(Path.of(option(options, "-Dwordstream.cds.archive=")), "classes");
    }

    private static String option(List<String> options, String prefix) {
        return options.stream().filter(o -> o.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length());
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
    void theFirstJvmRecordsWhenAskedAndTheNextMapsWhatItRecorded() throws IOException {
        ClassDataArchive first = ClassDataArchive.of(cache, "broker", classpath);
        assertFalse(first.present());
        assertTrue(first.records());
        List<String> options = first.jvmOptions();
        assertTrue(options.contains("-XX:+RecordDynamicDumpInfo"), options.toString());
        assertTrue(options.stream().noneMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit")), "nothing at exit");
        first.recordNow();
        jvmRecords(options);

        ClassDataArchive next = ClassDataArchive.of(cache, "broker", classpath);
        assertTrue(next.present());
        assertFalse(next.records());
        Path archive = cache.resolve("broker-" + ClassDataArchive.fingerprint(classpath) + ".jsa");
        assertEquals(List.of(archive), files(), "the trigger of the first session is gone");
        assertTrue(next.jvmOptions().contains("-XX:SharedArchiveFile=" + archive), next.jvmOptions().toString());
    }

    @Test
    void aTriggerLeftByAnEarlierSessionIsRemovedBeforeTheNextJvmStarts() throws IOException {
        ClassDataArchive first = ClassDataArchive.of(cache, "driver", classpath);
        first.jvmOptions();
        first.recordNow();
        ClassDataArchive second = ClassDataArchive.of(cache, "driver", classpath);
        assertEquals(List.of(), files(), "a new JVM must not record before it has loaded anything");
        assertTrue(second.records());
    }

    @Test
    void aChangedJarGetsANewArchive() throws IOException {
        String before = ClassDataArchive.fingerprint(classpath);
        Files.writeString(classpath.get(0), "a, rebuilt and longer");
        assertNotEquals(before, ClassDataArchive.fingerprint(classpath));
    }

    @Test
    void anArchiveOfANewBuildReplacesTheOldOneOfItsRoleOnceItIsMapped() throws IOException {
        for (String role : List.of("broker", "driver")) {
            ClassDataArchive a = ClassDataArchive.of(cache, role, classpath);
            List<String> options = a.jvmOptions();
            a.recordNow();
            jvmRecords(options);
        }
        Files.writeString(classpath.get(0), "a, rebuilt and longer");
        ClassDataArchive rebuilt = ClassDataArchive.of(cache, "driver", classpath);
        assertFalse(rebuilt.present());
        List<String> options = rebuilt.jvmOptions();
        rebuilt.recordNow();
        jvmRecords(options);
        assertTrue(ClassDataArchive.of(cache, "driver", classpath).present());

        List<String> names = files().stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(2, names.size(), names.toString());
        assertTrue(names.contains("driver-" + ClassDataArchive.fingerprint(classpath) + ".jsa"), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("broker-")), names.toString());
    }

    @Test
    void whatAJvmKilledWhileRecordingLeftIsRemovedAndWhatALiveOneWritesIsKept() throws IOException {
        Files.createDirectories(cache);
        Path dead = Files.writeString(cache.resolve("driver-x.jsa.999999999.part"), "half");
        // The JVM itself writes the archive under NAME.temp first: a kill then leaves that one.
        Path deadJvmTemp = Files.writeString(cache.resolve("driver-z.jsa.999999998.part.temp"), "half");
        Path live = Files.writeString(cache.resolve("driver-y.jsa." + ProcessHandle.current().pid() + ".part"),
                "being written");
        Path liveJvmTemp = Files.writeString(cache.resolve("driver-y.jsa." + ProcessHandle.current().pid()
                + ".part.temp"), "being written");
        ClassDataArchive.of(cache, "driver", classpath);
        assertEquals(List.of(live, liveJvmTemp), files().stream().sorted().toList());
        assertFalse(Files.exists(dead));
        assertFalse(Files.exists(deadJvmTemp));
    }
}

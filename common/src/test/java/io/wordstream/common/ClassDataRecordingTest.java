package io.wordstream.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real JVM records its class data archive while it runs, when its trigger appears, and exits at once when asked
 * to; the next JVM maps the archive.
 */
class ClassDataRecordingTest {
    @TempDir
    Path dir;

    /** A JVM of the two classes alone, from a jar: class data archives take classes from jars only. */
    private Process jvm(List<String> options) throws IOException {
        Path jar = dir.resolve("recording.jar");
        if (!Files.exists(jar)) {
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                for (Class<?> c : List.of(ClassDataRecording.class, ClassDataRecording.LinesWithout.class,
                        RecordingJvm.class, RecordingJvm.Unlinked.class)) {
                    String name = c.getName().replace('.', '/') + ".class";
                    out.putNextEntry(new JarEntry(name));
                    try (InputStream in = c.getClassLoader().getResourceAsStream(name)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(options);
        command.addAll(List.of("-cp", jar.toString(), RecordingJvm.class.getName(), dir.resolve("stop").toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("jvm.out").toFile())
                .start();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.sleep(50);
        }
    }

    @Test
    void aRunningJvmRecordsWhenTriggeredAndTheNextMapsTheArchive() throws Exception {
        Path archive = dir.resolve("test.jsa");
        Path trigger = dir.resolve("test.jsa.record");
        Process recording = jvm(List.of("-XX:+RecordDynamicDumpInfo", "-Xlog:cds=off,cds+dynamic=off",
                "-D" + ClassDataRecording.ARCHIVE_PROPERTY + "=" + archive,
                "-D" + ClassDataRecording.TRIGGER_PROPERTY + "=" + trigger));
        try {
            Thread.sleep(500);
            assertFalse(Files.exists(archive), "nothing is recorded before the trigger");
            Files.writeString(trigger, "record\n");
            await(() -> Files.exists(archive), "the archive recorded while the JVM runs");
            assertTrue(Files.size(archive) > 0);
            assertFalse(Files.exists(trigger), "the JVM took the trigger away");
            try (var files = Files.list(dir)) {
                assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".part")).toList(), "moved whole");
            }
            Files.writeString(dir.resolve("stop"), "");
            assertTrue(recording.waitFor(10, TimeUnit.SECONDS), "it exits at once: nothing is written at exit");
            assertEquals(0, recording.exitValue());
            String said = Files.readString(dir.resolve("jvm.out"), StandardCharsets.UTF_8);
            // The JVM's own line ("Dynamic dump to file ...") comes first.
            assertTrue(said.lines().anyMatch(l -> l.startsWith("wordstream: recorded this JVM's class data archive "
                    + archive + " in ")), said);
            assertFalse(said.contains("Unlinked was initialised"), "linked for the archive, not initialised: " + said);
        } finally {
            recording.destroyForcibly();
        }
        Files.delete(dir.resolve("stop"));
        // -Xshare:on fails the start if the archive cannot be mapped.
        Process mapping = jvm(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-Xlog:class+load=info"));
        try {
            Files.writeString(dir.resolve("stop"), "");
            assertTrue(mapping.waitFor(30, TimeUnit.SECONDS));
            String loaded = Files.readString(dir.resolve("jvm.out"));
            assertEquals(0, mapping.exitValue(), loaded);
            // Java 17 archives linked classes only: the recording linked the one its JVM had only loaded.
            assertTrue(loaded.lines().anyMatch(l -> l.contains(RecordingJvm.Unlinked.class.getName()
                    + " source: shared objects file")), loaded);
        } finally {
            mapping.destroyForcibly();
        }
    }

    @Test
    void theLinesPassedOnAreAllButTheJdksOwn() {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        ClassDataRecording.LinesWithout lines = new ClassDataRecording.LinesWithout(new PrintStream(seen, true,
                StandardCharsets.UTF_8), "Dynamic dump to file");
        PrintStream out = new PrintStream(lines, true, StandardCharsets.UTF_8);
        out.println("ready bootstrap=127.0.0.1:9092");
        out.println(" Dynamic dump to file /tmp/console-1.jsa.42.part");
        out.print("half a line");
        lines.close();
        assertEquals("ready bootstrap=127.0.0.1:9092\nhalf a line", seen.toString(StandardCharsets.UTF_8)
                .replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aJvmNotAskedRecordsNothing() throws Exception {
        Process plain = jvm(List.of());
        try {
            Files.writeString(dir.resolve("stop"), "");
            assertTrue(plain.waitFor(30, TimeUnit.SECONDS));
        } finally {
            plain.destroyForcibly();
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".jsa")).toList());
        }
    }
}

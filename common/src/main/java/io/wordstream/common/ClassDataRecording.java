package io.wordstream.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Records this JVM's class data sharing archive while it runs, when the console that started it asks: started with
 * {@code -XX:+RecordDynamicDumpInfo -Dwordstream.cds.archive=FILE -Dwordstream.cds.when=TRIGGER}, the JVM records
 * FILE once TRIGGER exists (the console makes it when its pipeline is ready: the JVM has loaded what it needs).
 * Recorded at exit instead ({@code -XX:ArchiveClassesAtExit}), the archive made the first quit after a build take
 * 18 s. It uses the JVM's own diagnostic command {@code VM.cds dynamic_dump} through its platform MBean: no jcmd, so
 * a JRE serves.
 */
public final class ClassDataRecording {
    /** The archive to record. */
    public static final String ARCHIVE_PROPERTY = "wordstream.cds.archive";
    /** The file whose appearance says: record now. */
    public static final String TRIGGER_PROPERTY = "wordstream.cds.when";

    private static final long POLL_MS = 250;
    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";
    /** A class in the JVM's class hierarchy listing: its name, then a slash and its loader. */
    private static final Pattern LISTED_CLASS = Pattern.compile("^[|\\s-]*([\\w.$]+)/", Pattern.MULTILINE);
    /** Linking loads the classes its verifier checks against, which are then unlinked in turn. */
    private static final int LINK_ROUNDS = 3;

    private static final AtomicBoolean SELF_RECORDED = new AtomicBoolean();

    private ClassDataRecording() {
    }

    /** When this JVM was asked to record, waits on a daemon thread for the trigger, then records once. */
    public static void recordWhenAsked() {
        String archive = System.getProperty(ARCHIVE_PROPERTY);
        String trigger = System.getProperty(TRIGGER_PROPERTY);
        if (archive == null || archive.isBlank() || trigger == null || trigger.isBlank()) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                while (!Files.exists(Path.of(trigger))) {
                    Thread.sleep(POLL_MS);
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                Files.deleteIfExists(Path.of(trigger));
            } catch (IOException e) {
                // the console removes it before the next JVM starts
            }
            record(Path.of(archive)).ifPresentOrElse(
                    took -> System.out.println("wordstream: recorded this JVM's class data archive " + archive + " in "
                            + took.toMillis() + " ms"),
                    () -> System.out.println("wordstream: could not record this JVM's class data archive " + archive));
        }, "class-data-recording");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Records this JVM's archive now, on a daemon thread, when it was started to record one and no trigger file says
     * when: a JVM that knows by itself when it has loaded what it needs (the console, once its pipeline is ready).
     *
     * @param done hears how long the recording took, or empty when it failed
     * @return whether a recording started
     */
    public static boolean recordSelfIfAsked(Consumer<Optional<Duration>> done) {
        String archive = System.getProperty(ARCHIVE_PROPERTY);
        if (archive == null || archive.isBlank() || System.getProperty(TRIGGER_PROPERTY) != null
                || !SELF_RECORDED.compareAndSet(false, true)) {
            return false;
        }
        Thread t = new Thread(() -> {
            // The JDK says on standard output where it dumps, and that stream is the operator's ('run' prints its
            // ready line there): the line is left out while this JVM records.
            PrintStream out = System.out;
            LinesWithout filtered = new LinesWithout(out, "Dynamic dump to file");
            System.setOut(new PrintStream(filtered, true, StandardCharsets.UTF_8));
            Optional<Duration> took;
            try {
                took = record(Path.of(archive));
            } finally {
                System.setOut(out);
                filtered.close();
            }
            done.accept(took);
        }, "class-data-recording");
        t.setDaemon(true);
        t.start();
        return true;
    }

    /** Passes what is written on to {@code target} line by line, but the lines that contain {@code left}. */
    static final class LinesWithout extends OutputStream {
        private final PrintStream target;
        private final String left;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LinesWithout(PrintStream target, String left) {
            this.target = target;
            this.left = left;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                pass();
            }
        }

        /** Passes on what is left of a line without its end. */
        @Override
        public synchronized void close() {
            pass();
        }

        private void pass() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (!text.isEmpty() && !text.contains(left)) {
                target.print(text);
                target.flush();
            }
        }
    }

    /**
     * Links every class of the class path this JVM has loaded but not linked: Java 17 leaves unlinked classes out of
     * its archive, and a Spark driver has many (the verifier loads the classes it checks against without linking
     * them; docs/release.md). Reflection over a class's constructors links it without running its initialiser.
     *
     * @return how many classes the JVM had loaded, of every loader
     */
    static int linkLoadedClasses() throws JMException {
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        Matcher listed = LISTED_CLASS.matcher(diagnosticCommand("vmClassHierarchy"));
        int loaded = 0;
        while (listed.find()) {
            loaded++;
            try {
                var unused = Class.forName(listed.group(1), false, loader).getDeclaredConstructors();
            } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                // another loader's class, or one that cannot be linked: the archive leaves it out as before
            }
        }
        return loaded;
    }

    private static String diagnosticCommand(String operation, String... arguments) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        return String.valueOf(server.invoke(new ObjectName(DIAGNOSTIC_COMMAND), operation,
                new Object[] {arguments}, new String[] {String[].class.getName()}));
    }

    /** The diagnostic command reads its arguments as one line split at spaces: a path with a space is quoted. */
    static String quoted(Path file) {
        String path = file.toString();
        return path.chars().anyMatch(Character::isWhitespace) ? "\"" + path + "\"" : path;
    }

    /**
     * Records the archive: written beside it under a name with this JVM's pid, then moved into place whole, so a
     * JVM killed meanwhile leaves no half archive under its name.
     *
     * @return how long it took; empty when it failed (only a faster next start is lost)
     */
    static Optional<Duration> record(Path archive) {
        Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        long start = System.nanoTime();
        try {
            int loaded = 0;
            for (int round = 0; round < LINK_ROUNDS; round++) {
                int before = loaded;
                loaded = linkLoadedClasses();
                if (loaded == before) {
                    break;
                }
            }
            diagnosticCommand("vmCds", "dynamic_dump", quoted(partial));
            if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
                return Optional.empty();
            }
            try {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
            }
            return Optional.of(Duration.ofNanos(System.nanoTime() - start));
        } catch (JMException | IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the console removes what a dead JVM left
            }
            return Optional.empty();
        }
    }
}

package io.wordstream.console.launch;

import io.wordstream.common.ClassDataRecording;
import io.wordstream.console.settings.ClassDataPlace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A class data sharing archive for one kind of JVM the console starts (the broker, the Spark driver). The first JVM
 * of a build records the classes it has loaded once it serves (common's {@code ClassDataRecording}); later ones map
 * them instead of loading and verifying them again from the jars, which takes about 40% off the broker's start on
 * this machine (docs/benchmarks.md). Recorded while the JVM runs, not at its exit: an exit that writes the archive
 * took the first quit after a build to 18 s.
 *
 * <p>An archive is only valid for the exact classpath and JDK it was made with, so its name is a digest of both,
 * and a new build gets a new one. The JVM writes it beside its name and moves it into place whole, so a JVM killed
 * while recording leaves no half archive under that name.
 */
public final class ClassDataArchive {
    private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchive.class);
    /** A half-written archive's name: the recording JVM's pid, then .part, then the JVM's own .temp if any. */
    private static final Pattern PART = Pattern.compile("\\.([0-9]+)\\.part(\\.temp)?$");
    /** Set to {@code off} to start every JVM without an archive. */
    public static final String SWITCH = "WORDSTREAM_CDS";

    private final Path archive;
    /** The file that tells a recording JVM to record now. */
    private final Path trigger;
    private final boolean present;
    private final boolean enabled;

    private ClassDataArchive(Path archive, boolean present, boolean enabled) {
        this.archive = archive;
        this.trigger = archive.resolveSibling(archive.getFileName() + ".record");
        this.present = present;
        this.enabled = enabled;
    }

    /**
     * The archive for this classpath and JDK: one to map when a JVM made it before, else one to record.
     *
     * @param cacheDir  where the archives of this build live
     * @param role      which JVM, part of the file name
     * @param classpath the directories and jars on the JVM's classpath, in order
     */
    public static ClassDataArchive of(Path cacheDir, String role, List<Path> classpath) {
        return of(cacheDir, role, classpath, !"off".equalsIgnoreCase(System.getenv(SWITCH)));
    }

    /**
     * An archive kept where the install's {@link ClassDataPlace} says, or none when it has no place; the choice goes
     * to the console log.
     */
    public static ClassDataArchive of(ClassDataPlace place, String role, List<Path> classpath) {
        LOG.info("{} ({})", place.summary(), role);
        if (place.dir().isEmpty()) {
            return new ClassDataArchive(Path.of("none.jsa"), false, false);
        }
        return of(place.dir().get(), role, classpath);
    }

    private static ClassDataArchive of(Path cacheDir, String role, List<Path> classpath, boolean enabled) {
        Path archive = cacheDir.resolve(role + "-" + fingerprint(classpath) + ".jsa");
        removeAbandoned(cacheDir);
        boolean present = enabled && Files.isRegularFile(archive);
        if (present) {
            removeOlderArchives(archive);
        }
        ClassDataArchive made = new ClassDataArchive(archive, present, enabled);
        try {
            // A trigger left by an earlier session would make the new JVM record before it has loaded anything.
            Files.deleteIfExists(made.trigger);
        } catch (IOException e) {
            return new ClassDataArchive(archive, present, false);
        }
        return made;
    }

    /** JVM options: map the archive when there is one, else let the JVM record one once it serves. */
    public List<String> jvmOptions() {
        if (!enabled) {
            return List.of();
        }
        try {
            Files.createDirectories(archive.getParent());
        } catch (IOException e) {
            return List.of();
        }
        // The JVM's notes about classes it cannot archive are not the operator's business.
        String quiet = "-Xlog:cds=off,cds+dynamic=off";
        return present
                ? List.of("-XX:SharedArchiveFile=" + archive, quiet)
                : List.of("-XX:+RecordDynamicDumpInfo", "-D" + ClassDataRecording.ARCHIVE_PROPERTY + "=" + archive,
                        "-D" + ClassDataRecording.TRIGGER_PROPERTY + "=" + trigger, quiet);
    }

    /**
     * Records the console's own archive, when its launcher (bin/wordstream) started it to: the first run after a
     * build, once the pipeline is ready. How it went goes to the console log.
     *
     * @return whether it records
     */
    public static boolean recordConsole() {
        return ClassDataRecording.recordSelfIfAsked(took -> took.ifPresentOrElse(
                d -> LOG.info("recorded the console's class data archive in {} ms", d.toMillis()),
                () -> LOG.warn("could not record the console's class data archive; the next start loads its classes"
                        + " from the jars")));
    }

    /**
     * Tells a recording JVM to record its archive now: it has loaded what a running pipeline needs. The JVM pauses
     * for seconds meanwhile, once per build.
     */
    public void recordNow() {
        if (!records()) {
            return;
        }
        try {
            Files.createDirectories(trigger.getParent());
            Files.writeString(trigger, "record\n");
        } catch (IOException e) {
            // Only a faster next start is lost.
        }
    }

    /** True when the JVM records an archive once it serves, which pauses it for seconds, once per build. */
    public boolean records() {
        return enabled && !present;
    }

    /** True when JVMs started now map an archive. */
    public boolean present() {
        return present;
    }

    /** An archive is over a hundred megabytes: only the newest of each role is kept, the others are of old builds. */
    private static void removeOlderArchives(Path archive) {
        String prefix = archive.getFileName().toString().replaceFirst("-[^-]*$", "-");
        try (Stream<Path> files = Files.list(archive.getParent())) {
            for (Path f : files.filter(p -> !p.equals(archive)).toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(prefix) && (name.endsWith(".jsa") || name.endsWith(".jsa.record"))) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            // Removed at a later start.
        }
    }

    /**
     * Archives left half written by JVMs killed while recording: {@code NAME.PID.part}, and the JVM's own
     * {@code NAME.PID.part.temp}, which it writes first (over a hundred megabytes each).
     */
    private static void removeAbandoned(Path cacheDir) {
        if (!Files.isDirectory(cacheDir)) {
            return;
        }
        try (Stream<Path> files = Files.list(cacheDir)) {
            for (Path f : files.filter(p -> PART.matcher(p.getFileName().toString()).find()).toList()) {
                if (!recordedByALiveJvm(f)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            // Left for the next start to remove.
        }
    }

    /** Whether the JVM whose pid is in the part file's name still runs (a recording takes seconds). */
    static boolean recordedByALiveJvm(Path part) {
        Matcher m = PART.matcher(part.getFileName().toString());
        try {
            return m.find() && ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String fingerprint(List<Path> classpath) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(System.getProperty("java.home").getBytes(StandardCharsets.UTF_8));
            digest.update(System.getProperty("java.vm.version").getBytes(StandardCharsets.UTF_8));
            for (Path entry : classpath) {
                digest.update(entry.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
                if (Files.isRegularFile(entry)) {
                    digest.update(Long.toString(Files.size(entry)).getBytes(StandardCharsets.UTF_8));
                    digest.update(Files.getLastModifiedTime(entry).toString().getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException | IOException e) {
            return "unknown";
        }
    }

    /** The jars of a directory, sorted, as a {@code dir/*} classpath entry expands to. */
    public static List<Path> jarsIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            return List.of(dir);
        }
    }
}

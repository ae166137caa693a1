package io.wordstream.console.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A class data sharing archive for one kind of JVM the console starts (the broker, the Spark driver). The first JVM
 * of a build records the classes it loaded as it exits; later ones map them instead of loading and verifying them
 * again from the jars, which takes about 40% off the broker's start on this machine (docs/benchmarks.md).
 *
 * <p>An archive is only valid for the exact classpath and JDK it was made with, so its name is a digest of both,
 * and a new build gets a new one. A JVM that ended by force may have left half an archive: only one that ended by
 * itself gets its archive put in place.
 */
public final class ClassDataArchive {
    /** Set to {@code off} to start every JVM without an archive. */
    public static final String SWITCH = "WORDSTREAM_CDS";

    private final Path archive;
    private final Path pending;
    private final boolean present;
    private final boolean enabled;

    private ClassDataArchive(Path archive, Path pending, boolean present, boolean enabled) {
        this.archive = archive;
        this.pending = pending;
        this.present = present;
        this.enabled = enabled;
    }

    /**
     * @param cacheDir  where the archives of this build live
     * @param role      which JVM, part of the file name
     * @param classpath the directories and jars on the JVM's classpath, in order
     */
    public static ClassDataArchive of(Path cacheDir, String role, List<Path> classpath) {
        boolean enabled = !"off".equalsIgnoreCase(System.getenv(SWITCH));
        Path archive = cacheDir.resolve(role + "-" + fingerprint(classpath) + ".jsa");
        Path pending = cacheDir.resolve(role + "-" + UUID.randomUUID() + ".jsa.pending");
        removeAbandoned(cacheDir);
        return new ClassDataArchive(archive, pending, enabled && Files.isRegularFile(archive), enabled);
    }

    /** JVM options: map the archive when there is one, else record one at exit. */
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
                : List.of("-XX:ArchiveClassesAtExit=" + pending, quiet);
    }

    /** True when the JVM records an archive as it exits, which makes that exit take seconds longer. */
    public boolean recordsAtExit() {
        return enabled && !present;
    }

    /** True when JVMs started now map an archive. */
    public boolean present() {
        return present;
    }

    /**
     * After the JVM has exited: keeps what it recorded when it ended by itself, else throws it away.
     *
     * @param endedByItself false when the JVM was killed, which may have cut its archive short
     */
    public void jvmExited(boolean endedByItself) {
        if (present || !enabled || !Files.isRegularFile(pending)) {
            return;
        }
        try {
            if (endedByItself && Files.size(pending) > 0) {
                try {
                    Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(pending, archive, StandardCopyOption.REPLACE_EXISTING);
                }
                removeOlderArchives();
            } else {
                Files.deleteIfExists(pending);
            }
        } catch (IOException e) {
            // Only a faster next start is lost; the next JVM records the archive again.
        }
    }

    /** An archive is over a hundred megabytes: only the newest of each role is kept, the others are of old builds. */
    private void removeOlderArchives() throws IOException {
        String prefix = archive.getFileName().toString().replaceFirst("-[^-]*$", "-");
        try (Stream<Path> files = Files.list(archive.getParent())) {
            for (Path f : files.filter(p -> !p.equals(archive)).toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(".jsa")) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Archives being recorded by JVMs that were killed instead (a day is longer than any JVM takes to exit). */
    private static void removeAbandoned(Path cacheDir) {
        if (!Files.isDirectory(cacheDir)) {
            return;
        }
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
        try (Stream<Path> files = Files.list(cacheDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".pending")).toList()) {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(dayAgo)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            // Left for the next start to remove.
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

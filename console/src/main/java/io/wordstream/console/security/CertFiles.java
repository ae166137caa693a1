package io.wordstream.console.security;

import io.wordstream.console.errors.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names of a certs dir's files, as CockroachDB names them, and the one way they are written: owner-only where
 * they hold a secret, and replaced whole (a reader never sees half a file).
 */
public final class CertFiles {
    /** The cluster CA's certificate: every host has it, to check everyone else's. */
    public static final String CA_CERT = "ca.crt";
    /** This host's certificate: the server side of its listeners, and its client side between cluster members. */
    public static final String NODE_CERT = "node.crt";
    public static final String NODE_KEY = "node.key";
    /** The Spark secret shared by the master, the workers and the application. */
    public static final String SPARK_SECRET = "spark.secret";
    /** Client names are file-name parts and certificate common names: letters, digits, '.', '_' and '-'. */
    static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> DIR_OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private CertFiles() {
    }

    public static String clientCert(String name) {
        return "client." + name + ".crt";
    }

    public static String clientKey(String name) {
        return "client." + name + ".key";
    }

    /** The key file that goes with a certificate file ({@code node.crt} -> {@code node.key}). */
    static String keyOf(String certFile) {
        return certFile.substring(0, certFile.length() - ".crt".length()) + ".key";
    }

    /** Creates {@code dir} (and its parents) if needed and makes it mode 700. */
    static void ownerOnlyDir(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, DIR_OWNER_ONLY);
        } catch (IOException e) {
            throw new UserError("cannot create the certs dir " + dir + " (" + e.getMessage() + "); choose a"
                    + " directory you can write");
        }
    }

    /** Writes a secret (a key, the Spark secret) readable by its owner only. */
    public static void writeSecret(Path file, String content, boolean replace) {
        write(file, content, OWNER_ONLY, replace);
    }

    /** Writes a certificate, which anyone may read. */
    static void writePublic(Path file, String content, boolean replace) {
        write(file, content, READABLE, replace);
    }

    /**
     * Writes {@code content} to a new file with {@code mode} beside {@code file}, then moves it into place, so the
     * file never exists with another mode or half written. Without {@code replace}, an existing file is refused.
     */
    private static void write(Path file, String content, Set<PosixFilePermission> mode, boolean replace) {
        if (!replace && Files.exists(file)) {
            throw new UserError(file + " exists; pass --overwrite to replace it, or choose another --certs-dir");
        }
        Path temp = file.resolveSibling("." + file.getFileName() + ".new");
        try {
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(mode));
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileAlreadyExistsException e) {
            throw new UserError(file + " exists; pass --overwrite to replace it, or choose another --certs-dir");
        } catch (IOException e) {
            throw new UserError("cannot write " + file + " (" + e.getMessage() + "); check that its directory is"
                    + " yours and writable");
        }
    }
}

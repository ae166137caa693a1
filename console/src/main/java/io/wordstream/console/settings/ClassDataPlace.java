package io.wordstream.console.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where the JVM class data archives of an install are kept: in the install when it can be written to, else in a
 * folder of the data dir for that install, else nowhere (the JVMs start without them). {@link #summary} says which.
 *
 * @param dir     the folder, when there is one
 * @param own     true when it is the install's own folder
 * @param summary one line for the operator
 */
public record ClassDataPlace(Optional<Path> dir, boolean own, String summary) {

    /**
     * @param ownDir   the install's own folder for archives
     * @param install  the install, named in the summary and told apart from others in the data dir
     * @param dataDir  the data dir of this run
     * @param writable whether a folder can be made and written to
     */
    static ClassDataPlace choose(Path ownDir, Path install, Path dataDir, Predicate<Path> writable) {
        if (writable.test(ownDir)) {
            return new ClassDataPlace(Optional.of(ownDir), true, "JVM class data archives are kept in the install ("
                    + ownDir + ")");
        }
        // One folder per install: an install removes the older archives it finds beside its own.
        Path fallback = dataDir.resolve("cds").resolve(digest(install));
        if (writable.test(fallback)) {
            return new ClassDataPlace(Optional.of(fallback), false, "the install at " + install + " is read-only: JVM"
                    + " class data archives are kept in " + fallback);
        }
        return new ClassDataPlace(Optional.empty(), false, "neither the install at " + install + " nor " + dataDir
                + " can be written to: JVMs start without class data archives (each start is slower)");
    }

    /** Makes the folder if needed and proves it can hold a new file, which a permission check cannot (root). */
    static boolean writable(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".probe", "");
            Files.delete(probe);
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static String digest(Path install) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256")
                    .digest(install.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.wordstream.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one directory of the archive that holds jar files ({@code lib/jars}): each distinct jar once, however many
 * parts use it. Parts refer to a pooled jar through a link, under the name they know it by.
 */
final class JarPool {
    static final String DIR = "lib/jars";

    private final Map<String, String> nameByDigest = new HashMap<>();
    private final Set<String> names = new HashSet<>();
    private final List<Entry> entries = new ArrayList<>();

    /**
     * Pools a jar and returns its path inside the archive. A jar with the same bytes as one pooled before is the same
     * jar (the bench's copy of the console jar is the console's own, under another name) and is not stored again.
     */
    String add(Path jar) {
        String digest = digest(jar);
        String known = nameByDigest.get(digest);
        if (known != null) {
            return DIR + "/" + known;
        }
        String name = jar.getFileName().toString();
        if (!names.add(name)) {
            // Same name, other bytes: both are needed, by different parts.
            name = name.replaceFirst("\\.jar$", "") + "-" + digest.substring(0, 8) + ".jar";
            names.add(name);
        }
        nameByDigest.put(digest, name);
        entries.add(Entry.copy(DIR + "/" + name, jar, Entry.FILE));
        return DIR + "/" + name;
    }

    /** The pooled jars, in the order they were first added. */
    List<Entry> entries() {
        return List.copyOf(entries);
    }

    static String digest(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

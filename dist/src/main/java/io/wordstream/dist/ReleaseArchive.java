package io.wordstream.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Makes the release archive from a built source tree ({@code mvn package} runs it in the dist module) and says its
 * size in the build log. Fails the build when a file of the archive names the build tree.
 */
public final class ReleaseArchive {
    /** The file beside the archive that repeats the build log's line about it. */
    public static final String REPORT = "release-archive.txt";

    private ReleaseArchive() {
    }

    /** Arguments: the source tree's root, the third-party licence list, the archive to write, its top directory. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        String thirdParty = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
        Path target = Path.of(args[2]).toAbsolutePath();
        String top = args[3];

        List<Entry> entries = new ReleaseLayout(root).entries(Notice.text(thirdParty));
        requireNoBuildTreePaths(entries, root);
        TarWriter.write(target, top, entries);

        long files = entries.stream().filter(e -> !e.isLink()).count();
        long jars = entries.stream().filter(e -> e.path().startsWith(JarPool.DIR + "/")).count();
        long links = entries.stream().filter(Entry::isLink).count();
        long unpacked = 0;
        for (Entry e : entries) {
            unpacked += e.source().isPresent() ? Files.size(e.source().get())
                    : e.text().map(t -> t.getBytes(StandardCharsets.UTF_8).length).orElse(0);
        }
        String report = String.format(Locale.ROOT,
                "[wordstream] release archive %s: %.1f MB (%.1f MB unpacked, %d files; %d jars stored once, used"
                        + " through %d links)",
                root.relativize(target), Files.size(target) / 1e6, unpacked / 1e6, files, jars, links);
        System.out.println(report);
        // The same line beside the archive, for the test that checks the build reports the size it has.
        Files.writeString(target.resolveSibling(REPORT), report + "\n", StandardCharsets.UTF_8);
    }

    /** The archive must work wherever it is unpacked: no script or setting may name a path of this build. */
    static void requireNoBuildTreePaths(List<Entry> entries, Path root) throws IOException {
        for (Entry e : entries) {
            String text = e.text().orElse(null);
            if (e.source().isPresent() && !e.path().endsWith(".jar")) {
                text = Files.readString(e.source().get(), StandardCharsets.ISO_8859_1);
            }
            if (text != null && text.contains(root.toString())) {
                throw new IllegalStateException(e.path() + " names the build tree " + root
                        + ": the release archive must not depend on where it was built");
            }
        }
    }
}

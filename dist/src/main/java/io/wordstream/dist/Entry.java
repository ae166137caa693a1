package io.wordstream.dist;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One entry of the release archive: a file copied from the build, a file written by the packer, or a relative
 * symbolic link to a jar stored elsewhere in the archive.
 *
 * @param path   the path inside the archive, below its top directory, with forward slashes
 * @param source the file whose bytes the entry holds, for a copied file
 * @param text   the content, for a file the packer writes
 * @param link   the link's target, relative to the link's directory, for a link
 * @param mode   the Unix permission bits
 */
public record Entry(String path, Optional<Path> source, Optional<String> text, Optional<String> link, int mode) {
    static final int FILE = 0644;
    static final int EXECUTABLE = 0755;

    static Entry copy(String path, Path source, int mode) {
        return new Entry(path, Optional.of(source), Optional.empty(), Optional.empty(), mode);
    }

    static Entry written(String path, String text) {
        return new Entry(path, Optional.empty(), Optional.of(text), Optional.empty(), FILE);
    }

    static Entry link(String path, String target) {
        return new Entry(path, Optional.empty(), Optional.empty(), Optional.of(target), 0777);
    }

    public boolean isLink() {
        return link.isPresent();
    }

    /** The directory part of {@link #path}, empty for a file at the top. */
    public String directory() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}

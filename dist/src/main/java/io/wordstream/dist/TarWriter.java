package io.wordstream.dist;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/** Writes entries to a gzipped tar under one top directory, keeping links as links and scripts executable. */
final class TarWriter {
    /** The file type bits of a symbolic link in a tar header's mode. */
    private static final int SYMLINK_TYPE = 0120000;

    private TarWriter() {
    }

    static void write(Path target, String top, List<Entry> entries) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out, fast()))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            Set<String> directories = new HashSet<>();
            for (Entry entry : entries) {
                directory(tar, top + "/" + entry.directory(), directories);
                String name = top + "/" + entry.path();
                if (entry.isLink()) {
                    TarArchiveEntry link = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
                    link.setLinkName(entry.link().orElseThrow());
                    link.setMode(SYMLINK_TYPE | entry.mode());
                    tar.putArchiveEntry(link);
                    tar.closeArchiveEntry();
                } else if (entry.source().isPresent()) {
                    // Size, time and mode only: the file's other attributes become headers GNU tar warns about.
                    TarArchiveEntry file = new TarArchiveEntry(name);
                    file.setSize(Files.size(entry.source().get()));
                    file.setModTime(Files.getLastModifiedTime(entry.source().get()));
                    file.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | entry.mode());
                    tar.putArchiveEntry(file);
                    Files.copy(entry.source().get(), tar);
                    tar.closeArchiveEntry();
                } else {
                    byte[] bytes = entry.text().orElseThrow().getBytes(StandardCharsets.UTF_8);
                    TarArchiveEntry file = new TarArchiveEntry(name);
                    file.setSize(bytes.length);
                    file.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | entry.mode());
                    tar.putArchiveEntry(file);
                    tar.write(bytes);
                    tar.closeArchiveEntry();
                }
            }
            tar.finish();
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Nearly all the bytes are jars, compressed already: a harder level saves almost nothing (docs/release.md). */
    private static GzipParameters fast() {
        GzipParameters parameters = new GzipParameters();
        parameters.setCompressionLevel(Deflater.BEST_SPEED);
        return parameters;
    }

    /** A directory's entry, and its parents' before it, once each. */
    private static void directory(TarArchiveOutputStream tar, String dir, Set<String> written) throws IOException {
        String path = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
        if (path.isEmpty() || written.contains(path)) {
            return;
        }
        int slash = path.lastIndexOf('/');
        if (slash > 0) {
            directory(tar, path.substring(0, slash), written);
        }
        TarArchiveEntry entry = new TarArchiveEntry(path + "/", TarArchiveEntry.LF_DIR);
        entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 | Entry.EXECUTABLE);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
        written.add(path);
    }
}

package io.wordstream.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * The local file system for checkpoints on a local disk. Without Hadoop's native library, its local file system
 * sets the permission of every file it creates by starting a {@code chmod} process: three per micro-batch (offset
 * log, commit log, state delta), about a tenth of a small batch's time. Java sets the same bits without a process.
 *
 * <p>The console configures it as {@code fs.file.impl} for local checkpoints only; see docs/benchmarks-history.md.
 */
public class LocalCheckpointFileSystem extends RawLocalFileSystem {

    @Override
    public void setPermission(Path path, FsPermission permission) throws IOException {
        Files.setPosixFilePermissions(pathToFile(path).toPath(), posix(permission.toShort()));
    }

    /** The POSIX permission set of the low nine mode bits (owner, group, others; read, write, execute). */
    static Set<PosixFilePermission> posix(int mode) {
        PosixFilePermission[] byBit = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < byBit.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(byBit[bit]);
            }
        }
        return set;
    }
}

package io.wordstream.console.launch;

import io.wordstream.console.errors.UserError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps two pipelines off one data directory: two brokers on one log dir, or two jobs on one checkpoint, would
 * corrupt both. The operating system drops the lock when the process dies, so a crash never leaves it stale.
 */
public final class DataDirLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static DataDirLock acquire(Path dataDir) {
        return acquire(dataDir, "wordstream.lock", "another wordstream", "pass --data-dir for a separate pipeline");
    }

    /**
     * Keeps a second daemon of the same role ({@code broker}, {@code master}, {@code worker}) off one data dir;
     * roles of different kinds may share it.
     */
    public static DataDirLock acquireForRole(Path dataDir, String role) {
        return acquire(dataDir, role + ".lock", "another wordstream " + role, "pass another --data-dir for a second "
                + role + " on this host");
    }

    private static DataDirLock acquire(Path dataDir, String fileName, String who, String wayOut) {
        Path file = dataDir.resolve(fileName);
        try {
            Files.createDirectories(dataDir);
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very JVM
            }
            if (lock == null) {
                String owner = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
                ch.close();
                throw new UserError(who + " (" + (owner.isEmpty() ? "unknown pid" : "pid " + owner)
                        + ") is running on data dir " + dataDir + "; stop it, or " + wayOut);
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
                    .getBytes(StandardCharsets.UTF_8)));
            return new DataDirLock(ch, lock);
        } catch (IOException e) {
            throw new UserError("cannot use data dir " + dataDir + " (" + e.getMessage() + "); pass --data-dir with"
                    + " a writable directory");
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // The process is about to let go of it anyway.
        }
    }
}

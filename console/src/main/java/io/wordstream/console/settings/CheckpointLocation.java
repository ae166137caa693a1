package io.wordstream.console.settings;

import io.wordstream.console.errors.UserError;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the job keeps its checkpoint: under the data dir by default, or where {@code --checkpoint} says, which on
 * a cluster over several hosts must be a place every executor reaches (a shared path, an {@code hdfs://} URI).
 */
public final class CheckpointLocation {
    private CheckpointLocation() {
    }

    /**
     * The checkpoint for {@code checkpoint} (empty: the data dir's), refused in one line when executors on other
     * hosts could not reach it or a local path cannot be written.
     *
     * @param checkpoint     what {@code --checkpoint} named: a path or a URI with a scheme ({@code hdfs://...})
     * @param dataDir        the run's data dir
     * @param executorsLocal true when every executor runs on this host ({@code local[N]}, a loopback master)
     */
    public static String resolve(Optional<String> checkpoint, Path dataDir, boolean executorsLocal) {
        Optional<URI> remote = checkpoint.filter(c -> c.matches("[A-Za-z][A-Za-z0-9+.-]*://.*")).map(URI::create);
        if (remote.isPresent() && !"file".equals(remote.get().getScheme())) {
            // hdfs://, s3a://...: Hadoop's file system checks it when the job starts.
            return remote.get().toString();
        }
        Path dir = remote.map(Path::of).or(() -> checkpoint.map(Path::of)).orElse(dataDir.resolve("checkpoint"))
                .toAbsolutePath().normalize();
        if (!executorsLocal && dir.startsWith(dataDir.toAbsolutePath().normalize())) {
            throw new UserError("the checkpoint " + dir + " is under the local data dir, which executors on other"
                    + " hosts cannot reach; pass --checkpoint with a shared path (an NFS mount) or an hdfs:// URI");
        }
        requireWritable(dir);
        return dir.toString();
    }

    private static void requireWritable(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", "");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new UserError("the checkpoint path " + dir + " is not writable (" + e.getMessage() + "); pass"
                    + " --checkpoint with a directory this user can write");
        }
    }
}

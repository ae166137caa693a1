package io.wordstream.console.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.errors.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the checkpoint goes, and the checkpoints refused for a cluster over several hosts. */
class CheckpointLocationTest {
    @TempDir
    Path tmp;

    @Test
    void localExecutorsKeepItUnderTheDataDir() {
        Path dataDir = tmp.resolve("data");
        assertEquals(dataDir.resolve("checkpoint").toString(),
                CheckpointLocation.resolve(Optional.empty(), dataDir, true));
        assertTrue(Files.isDirectory(dataDir.resolve("checkpoint")));
    }

    @Test
    void executorsOnOtherHostsNeedACheckpointOutsideTheDataDir() {
        Path dataDir = tmp.resolve("data");
        UserError e = assertThrows(UserError.class, () -> CheckpointLocation.resolve(Optional.empty(), dataDir, false));
        assertTrue(e.getMessage().contains("pass --checkpoint with a shared path"), e.getMessage());
        assertThrows(UserError.class, () -> CheckpointLocation.resolve(Optional.of(dataDir.resolve("cp").toString()),
                dataDir, false));
        Path shared = tmp.resolve("shared/checkpoint");
        assertEquals(shared.toString(), CheckpointLocation.resolve(Optional.of(shared.toString()), dataDir, false));
        assertEquals(shared.toString(), CheckpointLocation.resolve(Optional.of(shared.toUri().toString()), dataDir,
                false));
        assertEquals("hdfs://namenode:8020/wordstream/checkpoint", CheckpointLocation.resolve(
                Optional.of("hdfs://namenode:8020/wordstream/checkpoint"), dataDir, false));
    }

    @Test
    void aPathThatCannotBeWrittenIsRefused() throws Exception {
        // A regular file where a directory should be: refused even for root, who may write anywhere else.
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        UserError e = assertThrows(UserError.class, () -> CheckpointLocation.resolve(
                Optional.of(file.resolve("checkpoint").toString()), tmp.resolve("data"), false));
        assertTrue(e.getMessage().startsWith("the checkpoint path " + file.resolve("checkpoint") + " is not writable"),
                e.getMessage());
        Path readOnly = Files.createDirectory(tmp.resolve("read-only"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-x------")));
        if (!"root".equals(System.getProperty("user.name"))) {
            assertThrows(UserError.class, () -> CheckpointLocation.resolve(Optional.of(readOnly.toString()),
                    tmp.resolve("data"), false));
        }
    }
}

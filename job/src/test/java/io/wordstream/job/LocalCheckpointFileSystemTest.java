package io.wordstream.job;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCheckpointFileSystemTest {

    @Test
    void modeBitsMapToPosixPermissions() {
        assertEquals(PosixFilePermissions.fromString("rwxr-x---"), LocalCheckpointFileSystem.posix(0750));
        assertEquals(PosixFilePermissions.fromString("rw-r--r--"), LocalCheckpointFileSystem.posix(0644));
        assertEquals(PosixFilePermissions.fromString("---------"), LocalCheckpointFileSystem.posix(0));
        assertEquals(PosixFilePermissions.fromString("rwxrwxrwx"), LocalCheckpointFileSystem.posix(0777));
    }

    @Test
    void filesAreCreatedWithTheRequestedPermissionAndRenamed(@TempDir java.nio.file.Path dir) throws IOException {
        Configuration conf = new Configuration(false);
        conf.set("fs.file.impl", LocalCheckpointFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        conf.set("fs.permissions.umask-mode", "022");
        try (FileSystem fs = FileSystem.get(dir.toUri(), conf)) {
            assertEquals(LocalCheckpointFileSystem.class, fs.getClass());
            Path temp = new Path(dir.toUri().toString(), ".1.tmp");
            try (OutputStream out = fs.create(temp, new FsPermission((short) 0640), true, 4096, (short) 1, 1 << 20,
                    null)) {
                out.write("v1\n{}\n".getBytes(UTF_8));
            }
            assertEquals("rw-r-----", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve(".1.tmp"))));
            Path done = new Path(dir.toUri().toString(), "1");
            assertEquals(true, fs.rename(temp, done));
            assertEquals("v1\n{}\n", Files.readString(dir.resolve("1")));
        }
    }
}

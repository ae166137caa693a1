package io.wordstream.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Formatting the broker's storage, the step that must work on the first start of any data dir. */
class EmbeddedBrokerTest {
    @TempDir
    Path dir;

    @Test
    void aClusterIdStartingWithADashFormats() throws Exception {
        // One id in 64 from a plain base64 generator starts with '-': the tool once read it as an option.
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("cluster.id"), "-nYhvGDyQ7OjnyHmmG2nBw");
        Path config = EmbeddedBroker.writeConfig(dir, "127.0.0.1", 19092, 19093);
        assertNull(EmbeddedBroker.format(dir, config));
        assertTrue(Files.readString(dir.resolve("data/meta.properties")).contains("cluster.id=-nYhvGDyQ7OjnyHmmG2nBw"));
        assertNull(EmbeddedBroker.format(dir, config), "formatted once, then left alone");
    }

    @Test
    void newClusterIdsNeverStartWithADash() {
        for (int i = 0; i < 10_000; i++) {
            String id = EmbeddedBroker.clusterId();
            assertFalse(id.startsWith("-"), id);
            assertEquals(22, id.length(), id);
        }
    }
}

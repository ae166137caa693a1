package io.wordstream.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
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
    void aQuorumMemberFormatsWithItsClusterIdAndKeepsThreeCopies() throws Exception {
        Path config = EmbeddedBroker.writeConfig(dir, "10.1.0.2", 19092, 19093, Optional.empty(),
                Optional.empty(), Quorum.of(2, "1@10.1.0.1:19093,2@10.1.0.2:19093,3@10.1.0.3:19093"));
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(config)) {
            p.load(in);
        }
        assertEquals("2", p.getProperty("node.id"));
        assertEquals("1@10.1.0.1:19093,2@10.1.0.2:19093,3@10.1.0.3:19093", p.getProperty("controller.quorum.voters"));
        assertEquals("PLAINTEXT://10.1.0.2:19092,CONTROLLER://10.1.0.2:19093", p.getProperty("listeners"));
        assertEquals("3", p.getProperty("default.replication.factor"));
        assertEquals("3", p.getProperty("offsets.topic.replication.factor"));
        assertEquals("2", p.getProperty("min.insync.replicas"));
        Files.writeString(dir.resolve("cluster.id"), "q1VyWDhhTnCMxcBsExNpzg");
        assertNull(EmbeddedBroker.format(dir, config));
        String meta = Files.readString(dir.resolve("data/meta.properties"));
        assertTrue(meta.contains("cluster.id=q1VyWDhhTnCMxcBsExNpzg") && meta.contains("node.id=2"), meta);
    }

    @Test
    void aQuorumMemberFencesASilentNodeAfterItsSessionTimeoutBeatingAsOftenRelativeToItAsKafka() throws Exception {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(EmbeddedBroker.writeConfig(dir, "10.1.0.2", 19092, 19093,
                Optional.empty(), Optional.empty(),
                Quorum.of(2, "1@10.1.0.1:19093,2@10.1.0.2:19093").withSessionTimeout(6000)))) {
            p.load(in);
        }
        assertEquals("6000", p.getProperty("broker.session.timeout.ms"));
        assertEquals("1333", p.getProperty("broker.heartbeat.interval.ms"));
    }

    @Test
    void oneNodeKeepsOneCopyAndKafkasSession() throws Exception {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(EmbeddedBroker.writeConfig(dir, "127.0.0.1", 19092, 19093))) {
            p.load(in);
        }
        assertEquals("1", p.getProperty("default.replication.factor"));
        assertEquals("1", p.getProperty("min.insync.replicas"));
        assertNull(p.getProperty("broker.session.timeout.ms"), "nothing to fence a node of one from");
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

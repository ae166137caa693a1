package io.wordstream.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wordstream.console.settings.RecordedKafka;
import io.wordstream.console.settings.Settings;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings of 'console --attach': which Kafka it follows, and what it refuses. */
class AttachTest {
    @TempDir
    Path dataDir;

    @Test
    void withoutBootstrapServerItFollowsTheKafkaThePipelineRecorded() {
        RecordedKafka.write(dataDir, "10.1.2.3:9094");
        Settings s = Attach.settings(Settings.builder().dataDir(dataDir).build(), false);
        assertEquals("10.1.2.3:9094", s.bootstrap());
        assertEquals("attached", s.master());
    }

    @Test
    void bootstrapServerWinsOverTheRecordedKafka() {
        RecordedKafka.write(dataDir, "10.1.2.3:9094");
        Settings s = Attach.settings(Settings.builder().dataDir(dataDir)
                .bootstrapServers(Optional.of("127.0.0.1:9999")).build(), false);
        assertEquals("127.0.0.1:9999", s.bootstrap());
        assertEquals("wordstream: detached; the pipeline at 127.0.0.1:9999 goes on", Attach.detached(s));
    }

    @Test
    void resetIsRefusedWithTheWayOut() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Attach.settings(Settings.builder().dataDir(dataDir).build(), true));
        assertEquals("--reset cannot go with --attach: an attached console deletes nothing; reset the pipeline where"
                + " it runs", e.getMessage());
    }
}

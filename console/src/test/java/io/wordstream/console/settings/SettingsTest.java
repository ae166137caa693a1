package io.wordstream.console.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.common.HostPort;
import io.wordstream.common.JobConfig;
import io.wordstream.common.PipelineSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private static Settings withMaster(String master) {
        return Settings.builder().dataDir(Path.of("/tmp/d")).metricsTopic("metrics").master(master).build();
    }

    @Test
    void theBuilderStartsFromTheDefaultsAndChangesOnlyWhatItIsGiven() {
        Settings d = Settings.builder().build();
        assertEquals("127.0.0.1:" + Settings.DEFAULT_BROKER_PORT, d.bootstrap());
        assertEquals(Settings.DEFAULT_MASTER, d.master());
        assertEquals(List.of(JobConfig.DEFAULT_INPUT_TOPIC), d.inputTopics());
        assertEquals(PipelineSettings.defaults(), d.pipeline());
        Settings changed = d.toBuilder().brokerPort(9999).localCluster(2).build();
        assertEquals(9999, changed.brokerPort());
        assertEquals(2, changed.localCluster());
        assertEquals(d.master(), changed.master());
        assertEquals(d.resultsTopic(), changed.resultsTopic());
        assertEquals(d.startTimeout(), changed.startTimeout());
    }

    @Test
    void sparkOnThisMachineListensOnLoopbackOnly() {
        assertTrue(withMaster("local[2]").sparkOnLoopback());
        assertTrue(withMaster("spark://127.0.0.1:7077").sparkOnLoopback());
        assertTrue(withMaster("spark://localhost:7077").sparkOnLoopback());
        assertFalse(withMaster("spark://spark-master.example:7077").sparkOnLoopback());
        assertFalse(withMaster("yarn").sparkOnLoopback());
    }

    @Test
    void theEmbeddedBrokerIsOnLoopback() {
        assertEquals("127.0.0.1:9092", withMaster("local[2]").bootstrap());
        assertTrue(withMaster("local[2]").embeddedBroker());
    }

    @Test
    void theSocketSourceGetsAScratchCheckpointAndItsAddressInTheJobArguments() {
        Settings socket = withMaster("local[2]").withSocket(new HostPort("127.0.0.1", 9999));
        Settings s = socket.toBuilder().source(JobConfig.Source.SOCKET).build();
        assertEquals(Path.of("/tmp/d/run/socket-checkpoint"), s.checkpointDir());
        assertEquals(Path.of("/tmp/d/checkpoint"), withMaster("local[2]").checkpointDir());
        JobConfig job = s.jobConfig(Path.of("/tmp/d/run/job.stop"), 42);
        assertEquals(JobConfig.Source.SOCKET, job.source());
        assertEquals("127.0.0.1:9999", job.socket());
        assertEquals(42, job.watchPid());
    }
}

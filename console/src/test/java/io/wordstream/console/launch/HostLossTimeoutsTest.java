package io.wordstream.console.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wordstream.console.settings.Settings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostLossTimeoutsTest {
    private static final Settings ON_HOSTS = Settings.builder().dataDir(Path.of("/tmp/ws"))
            .master("spark://10.0.0.5:7077").build();

    @Test
    void aJobOnOtherHostsGetsEverySettingAndTheOperatorsConfStillWins() {
        Map<String, String> ours = HostLossTimeouts.jobConf(ON_HOSTS);
        assertEquals("0s", ours.get("spark.locality.wait"));
        assertEquals("15000", ours.get("spark.storage.blockManagerHeartbeatTimeoutMs"));
        assertEquals(HostLossTimeouts.JOB.size(), ours.size());

        Map<String, String> conf = SparkJob.withOperatorConf(ours, Map.of("spark.locality.wait", "3s"));
        assertEquals("3s", conf.get("spark.locality.wait"));
    }

    @Test
    void aJobWhoseSparkRunsOnThisMachineGetsNone() {
        assertEquals(Map.of(), HostLossTimeouts.jobConf(ON_HOSTS.toBuilder().master("local[2]").build()));
        assertEquals(Map.of(), HostLossTimeouts.jobConf(ON_HOSTS.toBuilder().master("spark://127.0.0.1:7077")
                .build()));
        assertEquals(Map.of(), HostLossTimeouts.jobConf(ON_HOSTS.toBuilder().localCluster(2).build()));
    }

    @Test
    void aDaemonOnAnotherHostIsGivenUpAfterFifteenSecondsOfSilenceOneOnLoopbackKeepsSparksDefault() {
        assertEquals("-Dspark.worker.timeout=15", HostLossTimeouts.daemonOptions("10.0.0.5"));
        assertEquals("", HostLossTimeouts.daemonOptions("127.0.0.1"));
    }

    @Test
    void sparksOwnDefaultsAreThereToGiveBack() {
        assertEquals("3s", HostLossTimeouts.sparkDefaults(HostLossTimeouts.JOB).get("spark.locality.wait"));
        assertEquals("-Dspark.worker.timeout=60",
                HostLossTimeouts.javaOptions(HostLossTimeouts.sparkDefaults(HostLossTimeouts.DAEMONS)));
    }
}

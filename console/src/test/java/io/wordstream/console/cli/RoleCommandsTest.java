package io.wordstream.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.launch.DataDirLock;
import io.wordstream.console.launch.Ports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The roles' bad input: one line, exit status 2, and no daemon started. */
class RoleCommandsTest {
    private static final String ID = "WUoiXtWzQNaBFPzhWRsdsQ";

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Cli.create(new ConfigDefaults(Map.of()), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return cl.execute(args);
    }

    private void assertRefused(String expectedStart, String... args) {
        assertEquals(2, run(args), "stderr: " + err);
        String e = err.toString();
        assertTrue(e.startsWith(expectedStart), "stderr was: " + e);
        assertEquals(1, e.lines().count(), "exactly one line on stderr, was: " + e);
        assertTrue(!e.contains("Exception") && !e.contains("\tat "), "no stack trace: " + e);
        assertEquals("", out.toString(), "no ready line");
        assertEquals(0, ProcessHandle.current().children().count(), "no daemon started");
    }

    private String[] broker(int nodeId, String controllers, String clusterId) {
        return new String[] {"broker", "--node-id", Integer.toString(nodeId), "--controllers", controllers,
                "--cluster-id", clusterId, "--data-dir", dataDir.toString(), "--port", "29092",
                "--controller-port", "29093"};
    }

    @Test
    void newClusterIdPrintsOneUsableId() {
        assertEquals(0, run("broker", "--new-cluster-id"));
        String id = out.toString().strip();
        assertTrue(id.matches("[A-Za-z0-9_-]{22}") && !id.startsWith("-"), id);
    }

    @Test
    void controllersWithoutThisNodeAreRefused() {
        assertRefused("wordstream broker: --controllers 1@127.0.0.1:29093,2@127.0.0.2:29093 does not include this"
                + " node (--node-id 3)", broker(3, "1@127.0.0.1:29093,2@127.0.0.2:29093", ID));
    }

    @Test
    void controllersGivingThisNodeAnotherAddressAreRefused() {
        assertRefused("wordstream broker: --controllers gives node 1 as 1@127.0.0.9:29093",
                broker(1, "1@127.0.0.9:29093", ID));
    }

    @Test
    void malformedControllersAreRefused() {
        assertRefused("wordstream broker: --controllers: 'A:9093' is not ID@HOST:PORT", broker(1, "A:9093", ID));
    }

    @Test
    void anAddressNotOnThisHostIsRefused() {
        // TEST-NET-3 (RFC 5737): never assigned to a host, so never this one's.
        assertRefused("wordstream broker: 203.0.113.7 (--host) is not an address of this host",
                "broker", "--node-id", "1", "--host", "203.0.113.7", "--controllers", "1@203.0.113.7:9093",
                "--cluster-id", ID, "--data-dir", dataDir.toString());
        err.getBuffer().setLength(0);
        assertRefused("wordstream master: 203.0.113.7 (--host) is not an address of this host",
                "master", "--host", "203.0.113.7", "--data-dir", dataDir.toString());
    }

    @Test
    void aSessionTimeoutUnderASecondIsRefused() {
        String[] args = broker(1, "1@127.0.0.1:29093", ID);
        String[] withTimeout = Arrays.copyOf(args, args.length + 2);
        withTimeout[args.length] = "--session-timeout";
        withTimeout[args.length + 1] = "500ms";
        assertRefused("wordstream broker: --session-timeout must be at least 1s, not 500ms", withTimeout);
    }

    @Test
    void aClusterIdOtherThanTheOneOnDiskIsRefused() throws Exception {
        Path meta = dataDir.resolve("kafka/data/meta.properties");
        Files.createDirectories(meta.getParent());
        Files.writeString(meta, "cluster.id=q1VyWDhhTnCMxcBsExNpzg\nnode.id=1\nversion=1\n");
        assertRefused("wordstream broker: the Kafka storage in " + dataDir.resolve("kafka") + " belongs to cluster"
                + " q1VyWDhhTnCMxcBsExNpzg, not " + ID + " (--cluster-id)", broker(1, "1@127.0.0.1:29093", ID));
    }

    @Test
    void aSecondRoleOfTheSameKindOnOneDataDirIsRefused() {
        try (DataDirLock first = DataDirLock.acquireForRole(dataDir, "broker")) {
            assertRefused("wordstream broker: another wordstream broker (pid " + ProcessHandle.current().pid()
                    + ") is running on data dir " + dataDir, broker(1, "1@127.0.0.1:29093", ID));
        }
    }

    @Test
    void aWorkerWhoseMasterIsNotThereIsRefusedAfterItsWait() {
        int nobody = Ports.freePort("127.0.0.1");
        long start = System.nanoTime();
        assertRefused("wordstream worker: no Spark master answers at spark://127.0.0.1:" + nobody,
                "worker", "--master", "spark://127.0.0.1:" + nobody, "--master-wait", "1s", "--ui-port",
                Integer.toString(Ports.freePort("127.0.0.1")), "--data-dir", dataDir.toString());
        assertTrue(System.nanoTime() - start >= 1_000_000_000L, "waited the second it was given");
    }

    @Test
    void aWorkerNeedsASparkMasterUrlAndASize() {
        assertRefused("wordstream worker: --master must be the master's spark://HOST:PORT, not 'local[2]'",
                "worker", "--master", "local[2]", "--data-dir", dataDir.toString());
        err.getBuffer().setLength(0);
        assertRefused("wordstream worker: --memory must be a size such as 512m or 2g, not 'lots'",
                "worker", "--master", "spark://127.0.0.1:7077", "--memory", "lots", "--data-dir", dataDir.toString());
    }
}

package io.wordstream.console.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/compose.yaml, checked without a Docker engine: it parses, every service runs one of wordstream's roles
 * from the project's image, the brokers form one quorum whose voters are their own addresses, and the workers
 * scale. Whether the containers run is not checked here.
 */
class ComposeFileTest {
    private static final List<String> BROKERS = List.of("broker-1", "broker-2", "broker-3");
    private static Map<String, Object> services;
    private static Map<String, Object> networks;
    private static String header;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        Path home = Path.of(System.getProperty("wordstream.home"));
        header = Files.readString(home.resolve("docker/compose.yaml"));
        try (Reader in = Files.newBufferedReader(home.resolve("docker/compose.yaml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            services = (Map<String, Object>) compose.get("services");
            networks = (Map<String, Object>) compose.get("networks");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        Map<String, Object> s = (Map<String, Object>) services.get(name);
        assertNotNull(s, "service " + name);
        return s;
    }

    @SuppressWarnings("unchecked")
    private static List<String> command(String name) {
        return new ArrayList<>((List<String>) service(name).get("command"));
    }

    private static String option(String service, String option) {
        List<String> c = command(service);
        int i = c.indexOf(option);
        assertTrue(i >= 0 && i + 1 < c.size(), service + " has " + option + ": " + c);
        return c.get(i + 1);
    }

    @SuppressWarnings("unchecked")
    private static String fixedAddress(String service) {
        Map<String, Object> nets = (Map<String, Object>) service(service).get("networks");
        return String.valueOf(((Map<String, Object>) nets.get("wordstream")).get("ipv4_address"));
    }

    @Test
    void threeBrokersAMasterAndScalableWorkersFromTheProjectImage() {
        List<String> expected = new ArrayList<>(BROKERS);
        expected.addAll(List.of("master", "worker"));
        assertEquals(expected.stream().sorted().toList(), services.keySet().stream().sorted().toList());
        for (String name : services.keySet()) {
            assertTrue(String.valueOf(service(name).get("image")).startsWith("wordstream:"), name);
            assertNotNull(service(name).get("build"), name + " is built from docker/Dockerfile");
        }
        assertFalse(service("worker").containsKey("container_name"), "a fixed name would prevent --scale");
        assertFalse(service("worker").get("networks") instanceof Map, "a fixed address would prevent --scale");
    }

    @Test
    void brokersAreOneQuorumOnTheirOwnAddresses() {
        String controllers = option("broker-1", "--controllers");
        for (int i = 0; i < BROKERS.size(); i++) {
            String broker = BROKERS.get(i);
            assertEquals("broker", command(broker).get(0), broker);
            assertEquals(Integer.toString(i + 1), option(broker, "--node-id"));
            assertEquals(fixedAddress(broker), option(broker, "--host"), broker + " binds its own address");
            assertEquals(controllers, option(broker, "--controllers"), "one quorum");
            assertTrue(controllers.contains((i + 1) + "@" + fixedAddress(broker) + ":"
                    + option(broker, "--controller-port")), controllers);
            assertEquals("${WORDSTREAM_CLUSTER_ID:?export WORDSTREAM_CLUSTER_ID}", option(broker, "--cluster-id"));
            assertEquals(List.of(broker + ":/data"), service(broker).get("volumes"), "its own storage");
        }
    }

    @Test
    void workersRegisterWithTheMasterOnTheirContainersAddress() {
        assertEquals("master", command("master").get(0));
        String master = "spark://" + option("master", "--host") + ":" + option("master", "--port");
        assertEquals(fixedAddress("master"), option("master", "--host"));
        String worker = String.join(" ", command("worker"));
        assertTrue(worker.contains("wordstream worker --host \"$$(hostname -i)\" --master " + master + " "), worker);
        assertEquals(List.of("/bin/sh", "-c"), service("worker").get("entrypoint"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWorkersCoresAndMemoryComeFromTheOperatorsEnvironment() {
        String worker = String.join(" ", command("worker"));
        assertTrue(worker.contains("--cores \"$${WORDSTREAM_WORKER_CORES}\" --memory \"$${WORDSTREAM_WORKER_MEMORY}\""),
                worker);
        // $$ is the container's shell's; the container has the variables only if compose passes them in.
        assertEquals(Map.of("WORDSTREAM_WORKER_CORES", "${WORDSTREAM_WORKER_CORES:-1}", "WORDSTREAM_WORKER_MEMORY",
                "${WORDSTREAM_WORKER_MEMORY:-1g}"), service("worker").get("environment"));
        assertTrue(header.contains("export WORDSTREAM_WORKER_CORES=2 WORDSTREAM_WORKER_MEMORY=2g"), header);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBuildPassesTheVersionOfTheImageTagToTheImage() {
        for (String name : services.keySet()) {
            Map<String, Object> build = (Map<String, Object>) service(name).get("build");
            Map<String, Object> args = (Map<String, Object>) build.get("args");
            String image = String.valueOf(service(name).get("image"));
            assertEquals(image.substring("wordstream:".length()), args.get("WORDSTREAM_VERSION"), name);
            assertEquals("archive", args.get("WORDSTREAM_SOURCE"), "a source tree builds from dist/target's archive");
            assertEquals("../dist/target", build.get("context"));
        }
    }

    @Test
    void nothingBindsTheWildcardAddress() {
        for (String name : services.keySet()) {
            assertFalse(String.join(" ", command(name)).contains("0.0.0.0"), name);
        }
        assertNotNull(networks.get("wordstream"), "one private network");
    }

    @Test
    void theDocsCommandDrivesThisCompose() throws IOException {
        String docs = Files.readString(Path.of(System.getProperty("wordstream.home")).resolve("docs/cluster.md"));
        assertTrue(docs.contains("docker compose -f docker/compose.yaml up -d --scale worker=2"));
        String bootstrap = String.join(",", BROKERS.stream().map(b -> fixedAddress(b) + ":" + option(b, "--port"))
                .toList());
        assertTrue(docs.contains("--bootstrap-server " + bootstrap), "docs name the brokers " + bootstrap);
    }
}

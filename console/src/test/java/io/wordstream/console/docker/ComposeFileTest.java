package io.wordstream.console.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/compose.yaml, checked without a Docker engine: it parses, its images are the versions the build pins, and
 * its ports are the ones the console uses by default. Whether the images run is not checked here.
 */
class ComposeFileTest {
    private static Map<String, Object> services;
    private static Properties defaults;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        Path home = Path.of(System.getProperty("wordstream.home"));
        try (Reader in = Files.newBufferedReader(home.resolve("docker/compose.yaml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            services = (Map<String, Object>) compose.get("services");
        }
        defaults = new Properties();
        try (Reader in = Files.newBufferedReader(home.resolve("config/wordstream.properties"))) {
            defaults.load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        Map<String, Object> s = (Map<String, Object>) services.get(name);
        assertNotNull(s, "service " + name);
        return s;
    }

    @SuppressWarnings("unchecked")
    private static String env(String service, String name) {
        return String.valueOf(((Map<String, Object>) service(service).get("environment")).get(name));
    }

    @Test
    void hasKafkaInKraftModeAndASparkMasterWithScalableWorkers() {
        assertEquals(List.of("kafka", "spark-master", "spark-worker").stream().sorted().toList(),
                services.keySet().stream().sorted().toList(), "no ZooKeeper, nothing else");
        assertEquals("broker,controller", env("kafka", "KAFKA_PROCESS_ROLES"));
        assertFalse(service("spark-worker").containsKey("container_name"), "a fixed name would prevent --scale");
        assertTrue(String.valueOf(service("spark-worker").get("command")).contains("--webui-port 0"),
                "scaled workers on one host must not fight over a web UI port");
    }

    @Test
    void imagesAreThePinnedVersions() {
        assertEquals("apache/kafka:" + System.getProperty("kafka.version"), service("kafka").get("image"));
        String spark = "apache/spark:" + System.getProperty("spark.version") + "-scala2.12-java17-ubuntu";
        assertEquals(spark, service("spark-master").get("image"));
        assertEquals(spark, service("spark-worker").get("image"),
                "Java 17 executors: the job jar is compiled for Java 17");
    }

    @Test
    void portsMatchTheConsoleDefaultsAndListenOnLoopback() {
        String brokerPort = defaults.getProperty("broker-port");
        assertEquals("PLAINTEXT://127.0.0.1:" + brokerPort, env("kafka", "KAFKA_ADVERTISED_LISTENERS"));
        assertTrue(env("kafka", "KAFKA_LISTENERS").startsWith("PLAINTEXT://127.0.0.1:" + brokerPort + ","));
        String master = String.valueOf(service("spark-master").get("command"));
        assertTrue(master.contains("--host 127.0.0.1 --port 7077"), master);
        assertTrue(String.valueOf(service("spark-worker").get("command")).endsWith(" spark://127.0.0.1:7077"));
        for (String name : services.keySet()) {
            assertEquals("host", service(name).get("network_mode"), name + " shares the host's loopback");
        }
        for (String name : List.of("spark-master", "spark-worker")) {
            assertEquals("127.0.0.1", env(name, "SPARK_LOCAL_IP"), name);
        }
    }

    @Test
    void workersShareTheConsoleDataDirAtTheSamePath() {
        assertEquals(List.of("${WORDSTREAM_DATA_DIR:?export WORDSTREAM_DATA_DIR, the console's data dir}"
                        + ":${WORDSTREAM_DATA_DIR}"),
                service("spark-worker").get("volumes"));
    }

    @Test
    void theReadmeCommandDrivesThisCompose() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("wordstream.home")).resolve("README.md"));
        assertTrue(readme.contains("docker compose -f docker/compose.yaml up -d --scale spark-worker=2"));
        assertTrue(readme.contains("./wordstream run --bootstrap-server 127.0.0.1:" + defaults.getProperty(
                "broker-port") + " --master spark://127.0.0.1:7077"));
    }
}

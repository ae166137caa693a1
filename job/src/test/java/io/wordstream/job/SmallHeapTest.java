package io.wordstream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's launch lowers the margin Spark keeps out of its memory pool to 68 MB (console launch/JobMemory), so
 * Spark's own floor for the heap falls from 450 MiB to 102 MiB. Under that floor Spark still refuses to start, and
 * the job says so in one line, its last word in the log, which the console shows.
 */
class SmallHeapTest {
    /** The margin the console's launch gives the driver ({@code spark.testing.reservedMemory}). */
    private static final String LAUNCH_MARGIN = Long.toString(68L * 1024 * 1024);

    @TempDir
    Path dir;

    @Test
    void aHeapUnderSparksFloorForTheMarginIsRefusedInOneLine() throws Exception {
        Path logConfig = Path.of("..", "config", "log4j2-job.properties").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(logConfig), "the job's log configuration at " + logConfig);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx96m"));
        // The --add-opens list Spark needs on Java 17, as this test JVM got it.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect")).forEach(command::add);
        command.addAll(List.of("-Dlog4j2.configurationFile=" + logConfig.toUri(),
                "-Dspark.master=local[1]", "-Dspark.ui.enabled=false", "-Dspark.driver.bindAddress=127.0.0.1",
                "-Dspark.testing.reservedMemory=" + LAUNCH_MARGIN,
                "-cp", System.getProperty("java.class.path"), WordStreamJob.class.getName(),
                // Nothing listens on port 9: the job must refuse before it tries Kafka.
                "--bootstrap-server", "127.0.0.1:9", "--checkpoint", dir.resolve("checkpoint").toString()));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process job = pb.start();
        try {
            assertTrue(job.waitFor(90, TimeUnit.SECONDS), "the job to end");
            String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
            List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
            assertEquals(2, job.exitValue(), "a setting to change: " + err);
            assertEquals(1, lines.size(), "one line: " + err);
            assertTrue(lines.get(0).matches("wordstream job: Spark did not start: .*System memory \\d+ must be at least"
                    + " 106954752\\. .*--driver-memory.*"), lines.get(0));
        } finally {
            job.destroyForcibly();
        }
    }
}

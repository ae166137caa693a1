package io.wordstream.console.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkJobConfTest {
    private static final Map<String, String> OURS = new LinkedHashMap<>(Map.of(
            "spark.driver.extraJavaOptions", "-Xms512m -XX:+AlwaysPreTouch",
            "spark.ui.enabled", "false"));

    @Test
    void theOperatorsDriverOptionsComeAfterOursInsteadOfReplacingThem() {
        Map<String, String> conf = SparkJob.withOperatorConf(OURS,
                Map.of("spark.driver.extraJavaOptions", "-Dwordstream.trace=1 -XX:+UseParallelGC"));
        assertEquals("-Xms512m -XX:+AlwaysPreTouch -Dwordstream.trace=1 -XX:+UseParallelGC",
                conf.get("spark.driver.extraJavaOptions"));
    }

    @Test
    void anyOtherSettingOfTheOperatorWins() {
        Map<String, String> conf = SparkJob.withOperatorConf(OURS,
                Map.of("spark.ui.enabled", "true", "spark.sql.shuffle.partitions", "4"));
        assertEquals("true", conf.get("spark.ui.enabled"));
        assertEquals("4", conf.get("spark.sql.shuffle.partitions"));
        assertEquals("-Xms512m -XX:+AlwaysPreTouch", conf.get("spark.driver.extraJavaOptions"));
    }

    @Test
    void aDriverOptionWithASpaceIsQuotedForSparksOptionParser() {
        assertEquals("-Xms512m", SparkJob.quoted("-Xms512m"));
        assertEquals("\"-XX:SharedArchiveFile=/opt/word stream/cds/driver-1.jsa\"",
                SparkJob.quoted("-XX:SharedArchiveFile=/opt/word stream/cds/driver-1.jsa"));
        assertEquals("\"-Dx=a \\\"b\\\" c\\\\d\"", SparkJob.quoted("-Dx=a \"b\" c\\d"));
    }

    @Test
    void aMappedArchiveStaysWhereItWasRecordedAndARecordingDriverIsLeftAlone(@TempDir Path dir) throws IOException {
        Assumptions.assumeFalse("off".equalsIgnoreCase(System.getenv(ClassDataArchive.SWITCH)));
        Path cache = dir.resolve("cds");
        List<Path> classpath = List.of(Files.writeString(dir.resolve("a.jar"), "a"));
        List<String> recording = SparkJob.archiveOptions(ClassDataArchive.of(cache, "driver", classpath));
        assertTrue(recording.contains("-XX:+RecordDynamicDumpInfo"), recording.toString());
        assertFalse(recording.stream().anyMatch(o -> o.startsWith("-XX:ArchiveRelocationMode")), recording.toString());

        Files.writeString(cache.resolve("driver-" + ClassDataArchive.fingerprint(classpath) + ".jsa"), "classes");
        List<String> mapping = SparkJob.archiveOptions(ClassDataArchive.of(cache, "driver", classpath));
        assertTrue(mapping.stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile=")), mapping.toString());
        assertEquals(SparkJob.DRIVER_ARCHIVE_IN_PLACE, mapping.subList(mapping.size() - 2, mapping.size()));
    }
}

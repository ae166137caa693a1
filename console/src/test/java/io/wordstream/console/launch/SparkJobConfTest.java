package io.wordstream.console.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
    void onlyLocalMastersRunTheirExecutorInTheDriversJvm() {
        assertTrue(SparkJob.executorsInDriver("local"));
        assertTrue(SparkJob.executorsInDriver("local[2]"));
        assertTrue(SparkJob.executorsInDriver("local[*]"));
        assertFalse(SparkJob.executorsInDriver("local-cluster[2,1,1024]"));
        assertFalse(SparkJob.executorsInDriver("spark://127.0.0.1:7077"));
    }
}

package io.wordstream.console.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallTest {
    @TempDir
    Path dir;

    @Test
    void aSparkHomeFromTheEnvironmentWinsOverTheAssembledOne() throws IOException {
        Path realSpark = dir.resolve("spark-3.5.7-bin-hadoop3");
        Files.createDirectories(realSpark.resolve("bin"));
        Files.createFile(realSpark.resolve("bin/spark-submit"));
        assertEquals(realSpark, new Install(dir, Optional.of(realSpark)).sparkHome());
    }

    @Test
    void withoutSparkHomeTheAssembledOneIsUsed() throws IOException {
        Path assembled = dir.resolve("spark-home/target/spark-home");
        Files.createDirectories(assembled.resolve("bin"));
        Files.createFile(assembled.resolve("bin/spark-submit"));
        assertEquals(assembled, new Install(dir).sparkHome());
    }

    @Test
    void aSparkHomeWithoutSparkSubmitIsNamed() {
        UserError e = assertThrows(UserError.class,
                () -> new Install(dir, Optional.of(dir.resolve("not-spark"))).sparkHome());
        assertTrue(e.getMessage().startsWith("spark-submit of SPARK_HOME is missing at " + dir.resolve(
                "not-spark/bin/spark-submit")), e.getMessage());
    }

    @Test
    void missingBuildArtifactsSayHowToBuildThem() {
        UserError e = assertThrows(UserError.class, () -> new Install(dir).jobJar());
        assertTrue(e.getMessage().contains("build it with 'mvn -B -DskipTests package'"), e.getMessage());
    }
}

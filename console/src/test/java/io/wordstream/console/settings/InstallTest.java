package io.wordstream.console.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.errors.UserError;
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

    @Test
    void aReleaseFindsItsPartsUnderLib() throws IOException {
        Path jars = Files.createDirectories(dir.resolve("lib/jars"));
        Files.createFile(jars.resolve("kafka.jar"));
        Files.createSymbolicLink(Files.createDirectories(dir.resolve("lib/broker")).resolve("kafka.jar"),
                Path.of("../jars/kafka.jar"));
        Files.createDirectories(dir.resolve("spark-home/bin"));
        Files.createDirectories(dir.resolve("spark-home/jars"));
        Files.createFile(dir.resolve("spark-home/bin/spark-submit"));
        Install install = new Install(dir);
        assertTrue(install.release());
        assertEquals(dir.resolve("lib/broker"), install.brokerLib());
        assertEquals(dir.resolve("spark-home"), install.sparkHome());
        assertEquals(dir.resolve("bin/wordstream"), install.launcher());
        UserError noJob = assertThrows(UserError.class, install::jobJar);
        assertTrue(noJob.getMessage().startsWith("this install is missing lib/job/wordstream-job.jar"),
                noJob.getMessage());
    }

    @Test
    void aReleaseMissingAJarNamesIt() throws IOException {
        Files.createDirectories(dir.resolve("lib/jars"));
        Files.createSymbolicLink(Files.createDirectories(dir.resolve("lib/broker")).resolve("kafka_2.13-4.4.0.jar"),
                Path.of("../jars/kafka_2.13-4.4.0.jar"));
        UserError e = assertThrows(UserError.class, () -> new Install(dir).brokerLib());
        assertEquals("this install is missing lib/broker/kafka_2.13-4.4.0.jar (a jar of lib/broker): unpack the"
                + " release archive again", e.getMessage());
    }

    @Test
    void aSourceTreeIsNoRelease() {
        assertFalse(new Install(dir).release());
        assertEquals(dir.resolve("wordstream"), new Install(dir).launcher());
    }

    @Test
    void aReleaseNamesABadSparkHomeByItsPath() throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Path notSpark = dir.getParent().resolve("not-spark");
        UserError e = assertThrows(UserError.class, () -> new Install(dir, Optional.of(notSpark)).sparkHome());
        assertTrue(e.getMessage().startsWith("spark-submit of SPARK_HOME is missing at "
                + notSpark.resolve("bin/spark-submit")), e.getMessage());
    }
}

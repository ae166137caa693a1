package io.wordstream.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The release archive's compose file: the source tree's, building from the unpacked release instead. */
class ReleaseComposeTest {
    private static final Path SOURCE = Path.of(System.getProperty("wordstream.home"), "docker", "compose.yaml");

    @Test
    void onlyTheBuildsContextAndStageChange() throws IOException {
        String source = Files.readString(SOURCE);
        String release = ReleaseCompose.of(source);
        assertTrue(release.contains(ReleaseCompose.RELEASE_CONTEXT) && release.contains(ReleaseCompose.RELEASE_STAGE),
                release);
        assertEquals(source, release.replace(ReleaseCompose.RELEASE_CONTEXT, ReleaseCompose.SOURCE_CONTEXT)
                .replace(ReleaseCompose.RELEASE_STAGE, ReleaseCompose.SOURCE_STAGE));
    }

    @Test
    void aComposeFileWithoutTheBuildLinesFailsTheBuildSayingWhichLines() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ReleaseCompose.of("services: {}\n"));
        assertTrue(e.getMessage().startsWith("docker/compose.yaml must hold these lines once"), e.getMessage());
    }
}

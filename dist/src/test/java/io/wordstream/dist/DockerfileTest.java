package io.wordstream.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * docker/Dockerfile, checked without a Docker engine: a Java 17 base, the archive of this build unpacked into the
 * image, {@code bin/wordstream} as the entry point.
 */
class DockerfileTest {
    private static final String VERSION = System.getProperty("wordstream.version");

    private final List<String> lines = read(Path.of(System.getProperty("wordstream.home"), "docker", "Dockerfile"));

    @Test
    void itBuildsOnAJava17RuntimeFromTheStageItsSourceNames() {
        assertEquals(List.of("FROM eclipse-temurin:17-jre AS from-archive", "FROM eclipse-temurin:17-jre AS from-tree",
                "FROM from-${WORDSTREAM_SOURCE}"), instructions("FROM"));
    }

    @Test
    void itUnpacksTheArchiveOfThisBuildOrCopiesAnUnpackedRelease() {
        assertEquals(List.of("ARG WORDSTREAM_VERSION=" + VERSION, "ARG WORDSTREAM_SOURCE=archive",
                "ARG WORDSTREAM_VERSION", "ARG WORDSTREAM_VERSION", "ARG WORDSTREAM_VERSION"), instructions("ARG"),
                "the default version is the project's, so a plain docker build takes this build's archive");
        assertEquals(List.of("ADD wordstream-${WORDSTREAM_VERSION}.tar.gz /opt/"), instructions("ADD"),
                "ADD unpacks the archive (links included) to /opt/wordstream-VERSION");
        assertEquals(List.of("COPY . /opt/wordstream-${WORDSTREAM_VERSION}/"), instructions("COPY"),
                "from an unpacked release, the context is the release: the same directory ADD makes");
        assertEquals(List.of("RUN ln -s /opt/wordstream-${WORDSTREAM_VERSION} /opt/wordstream"), instructions("RUN"));
    }

    @Test
    void itsEntryPointIsTheReleasesLauncher() {
        assertEquals(List.of("ENTRYPOINT [\"/opt/wordstream/bin/wordstream\"]"), instructions("ENTRYPOINT"),
                "exec form, so the container's arguments are wordstream's and SIGTERM reaches it");
        Optional<String> cmd = instructions("CMD").stream().findFirst();
        assertEquals(Optional.of("CMD [\"--help\"]"), cmd);
    }

    private List<String> instructions(String keyword) {
        return lines.stream().map(String::strip).filter(l -> l.startsWith(keyword + " ")).toList();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}

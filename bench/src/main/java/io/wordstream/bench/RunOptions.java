package io.wordstream.bench;

import io.wordstream.common.Durations;
import io.wordstream.console.launch.Scratch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options 'bench' and 'soak' share: the generated text, how long a system may take, and where it works. */
public final class RunOptions {
    @Option(names = "--seed", defaultValue = "42",
            description = "seed of the generated text (default ${DEFAULT-VALUE})")
    public long seed;

    @Option(names = "--vocabulary", defaultValue = "4000",
            description = "distinct words of the generated text (default ${DEFAULT-VALUE})")
    public int vocabulary;

    @Option(names = "--timeout", defaultValue = "180s",
            description = "longest wait for a system to start or catch up (default ${DEFAULT-VALUE})")
    String timeout;

    @Option(names = "--work-dir", description = "where the systems keep their data (default: a new temporary"
            + " directory, deleted afterwards)")
    Path workDir;

    /** The --timeout; throws IllegalArgumentException for a bad one. */
    public Duration timeout() {
        return Durations.parse(timeout);
    }

    /** --work-dir, kept afterwards, or a new temporary directory named {@code prefix...}, deleted when closed. */
    public WorkDir workDir(String prefix) throws IOException {
        Path work = workDir == null ? Files.createTempDirectory(prefix) : workDir.toAbsolutePath();
        Files.createDirectories(work);
        return new WorkDir(work, workDir == null);
    }

    /**
     * Where a run keeps its data.
     *
     * @param path      the directory
     * @param temporary whether it is deleted when closed
     */
    public record WorkDir(Path path, boolean temporary) implements AutoCloseable {
        @Override
        public void close() {
            if (temporary) {
                Scratch.deleteTree(path);
            }
        }
    }
}

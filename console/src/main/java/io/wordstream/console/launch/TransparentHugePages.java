package io.wordstream.console.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Transparent huge pages for the driver's heap, where the kernel gives them on request: the driver touches its whole
 * heap at start, and touching it in 2 MB pages instead of 4 KB ones shortens its start (docs/benchmarks.md). Where
 * the kernel has them off the JVM would only warn, so the option is left out.
 */
final class TransparentHugePages {
    private static final Path MODE = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    static final String JVM_OPTION = "-XX:+UseTransparentHugePages";

    private TransparentHugePages() {
    }

    /** The JVM option, when this kernel's mode gives huge pages to a JVM that asks. */
    static Optional<String> jvmOption() {
        try {
            return jvmOption(Files.readString(MODE));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** @param mode the kernel's setting as its file shows it, the chosen one in brackets: "always [madvise] never" */
    static Optional<String> jvmOption(String mode) {
        return mode.contains("[madvise]") || mode.contains("[always]") ? Optional.of(JVM_OPTION) : Optional.empty();
    }
}

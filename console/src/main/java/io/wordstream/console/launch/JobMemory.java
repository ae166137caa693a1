package io.wordstream.console.launch;

import java.util.Map;

/**
 * Lets the driver run on a heap under Spark's floor. Spark keeps 300 MB of any heap out of its memory pool as a
 * margin for objects it does not count, and refuses a heap under 1.5 times that (450 MiB). This job's live heap
 * stays far under it (its state, a few thousand counts per window, is the largest part), and a heap taken whole at
 * start is resident whole: a 68 MB margin lets the default heap be 288 MB with a 132 MB pool (docs/benchmarks.md,
 * "What changed in the job"). {@code --conf} may still set Spark's own margin back.
 */
final class JobMemory {
    /** The margin Spark keeps out of its pool; its name is Spark's, whose own tests set it the same way. */
    static final String RESERVED = "spark.testing.reservedMemory";
    static final long RESERVED_BYTES = 68L * 1024 * 1024;

    private JobMemory() {
    }

    static Map<String, String> conf() {
        return Map.of(RESERVED, Long.toString(RESERVED_BYTES));
    }
}

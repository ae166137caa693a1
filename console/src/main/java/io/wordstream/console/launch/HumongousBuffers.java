package io.wordstream.console.launch;

import java.util.Map;

/**
 * Keeps the buffers Spark allocates in every micro-batch out of G1's humongous path. G1 gives an object of half a heap
 * region or more regions of its own in the old generation, and each such allocation can start a young collection and
 * a marking cycle. Spark serializes each task's result into a 1 MiB buffer and each broadcast (a stage's task, the
 * state store's Hadoop configuration) into one of {@code spark.broadcast.blockSize}, 4 MiB by default: in the driver's
 * small heap, whose regions G1 makes 1 MiB, every one was humongous, and they started most of its young collections
 * (docs/benchmarks.md). With 4 MiB regions and 256 KiB broadcast blocks they are ordinary young objects.
 * {@code --conf} may set either back.
 */
final class HumongousBuffers {
    static final String BROADCAST_BLOCK_SIZE = "spark.broadcast.blockSize";
    static final long BROADCAST_BLOCK_BYTES = 256L * 1024;
    /** The chunk Spark's executor serializes a task's result into ({@code ChunkedByteBuffer}'s chunk size). */
    static final long TASK_RESULT_BUFFER_BYTES = 1024L * 1024;
    static final long REGION_BYTES = 4L * 1024 * 1024;
    /** The driver's G1 region size. */
    static final String REGION_OPTION = "-XX:G1HeapRegionSize=" + REGION_BYTES / (1024 * 1024) + "m";

    private HumongousBuffers() {
    }

    static Map<String, String> conf() {
        return Map.of(BROADCAST_BLOCK_SIZE, BROADCAST_BLOCK_BYTES / 1024 + "k");
    }
}

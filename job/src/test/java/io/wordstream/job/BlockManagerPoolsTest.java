package io.wordstream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.junit.jupiter.api.Test;

class BlockManagerPoolsTest {
    private static final String POOL_THREADS = "block-manager-";

    @Test
    void aDriverRemovingManyBroadcastsKeepsAFewBlockManagerThreads() throws InterruptedException {
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(LocalSpark.session().sparkContext());
        // The driver's block manager master and its own block manager's endpoint (the local executor shares it).
        assertEquals(2, BlockManagerPools.cap(SparkEnv.get(), 3));
        for (int i = 0; i < 40; i++) {
            Broadcast<Integer> offset = spark.broadcast(i);
            assertEquals(List.of(i + 1, i + 2), spark.parallelize(List.of(1, 2), 2).map(x -> x + offset.value())
                    .collect());
            // Removed at once, as Spark's cleaner removes a batch's broadcasts: through both endpoints' pools.
            offset.destroy();
        }
        // Uncapped, each removal starts a thread until 100 per pool, and idle ones stay for a minute.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (poolThreads() > 6 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertTrue(poolThreads() <= 6, poolThreads() + " block manager threads");
    }

    private static long poolThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(POOL_THREADS)).count();
    }

    @Test
    void theSettingIsANumberOfThreadsOrZero() {
        assertEquals(BlockManagerPools.DEFAULT_THREADS, BlockManagerPools.threads(new SparkConf(false)));
        assertEquals(0, BlockManagerPools.threads(new SparkConf(false).set(BlockManagerPools.THREADS, "0")));
        assertEquals(8, BlockManagerPools.threads(new SparkConf(false).set(BlockManagerPools.THREADS, " 8")));
        for (String bad : List.of("four", "-1", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BlockManagerPools.threads(new SparkConf(false).set(BlockManagerPools.THREADS, bad)));
            assertEquals(BlockManagerPools.THREADS + " must be a number of threads (0 for Spark's own pools), not '"
                    + bad + "'", e.getMessage());
        }
    }
}

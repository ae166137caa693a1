package io.wordstream.job;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the thread pools of the block manager's endpoints in this JVM. Spark makes each with a core size of 100 and no
 * setting, and a pool starts a thread for every task submitted until it has its core size: a driver that cleans a few
 * broadcasts per micro-batch holds 200 idle threads within seconds, with their stacks (docs/benchmarks-history.md).
 * Their tasks (removing blocks, and asking the block managers to) never wait on each other, so a few threads serve
 * them; the idle ones still end after Spark's keep-alive.
 *
 * <p>The pools are private fields of Spark's endpoints, reached by reflection through the RPC environment's
 * dispatcher. Where a Spark version has them elsewhere, nothing is capped and the job runs as Spark made it.
 */
final class BlockManagerPools {
    /** Threads per pool; 0 leaves Spark's pools as they are. */
    static final String THREADS = "spark.wordstream.job.blockManagerThreads";
    static final int DEFAULT_THREADS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(BlockManagerPools.class);
    private static final String ENDPOINTS = "org.apache.spark.storage.BlockManager";

    private BlockManagerPools() {
    }

    /** The threads per pool {@code conf} asks for, or the default. */
    static int threads(SparkConf conf) {
        String value = conf.get(THREADS, Integer.toString(DEFAULT_THREADS)).strip();
        try {
            int threads = Integer.parseInt(value);
            if (threads >= 0) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException(THREADS + " must be a number of threads (0 for Spark's own pools), not '"
                + value + "'");
    }

    /** Caps the pools to {@code threads} each; returns how many pools it capped. */
    static int cap(SparkEnv env, int threads) {
        if (threads <= 0) {
            return 0;
        }
        try {
            Object dispatcher = field(env.rpcEnv(), "dispatcher");
            int capped = 0;
            for (Object endpoint : ((Map<?, ?>) field(dispatcher, "endpointRefs")).keySet()) {
                if (endpoint.getClass().getName().startsWith(ENDPOINTS)) {
                    capped += capPools(endpoint, threads);
                }
            }
            return capped;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("the block manager's thread pools are left as Spark made them: {}", e.toString());
            return 0;
        }
    }

    private static int capPools(Object endpoint, int threads) throws IllegalAccessException {
        int capped = 0;
        for (Field f : endpoint.getClass().getDeclaredFields()) {
            if (ThreadPoolExecutor.class.isAssignableFrom(f.getType())) {
                f.setAccessible(true);
                ThreadPoolExecutor pool = (ThreadPoolExecutor) f.get(endpoint);
                if (pool.getCorePoolSize() > threads) {
                    // Core first (the maximum may not go under it); a maximum under the threads alive ends the extra.
                    pool.setCorePoolSize(threads);
                    pool.setMaximumPoolSize(threads);
                }
                capped++;
            }
        }
        return capped;
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field f = owner.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
    }
}

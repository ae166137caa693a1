package io.wordstream.job;

import java.lang.reflect.Field;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets where each setting of the SparkContext's Hadoop configuration came from ({@code core-default.xml},
 * "programmatically"), keeping every setting. Each stateful operator broadcasts a copy of that configuration in every
 * micro-batch, and Hadoop writes each setting's sources gzipped, with a compressor of its own per setting: a sixth of
 * the query thread's CPU at a steady 100 sentences/s (docs/benchmarks-history.md). Only Hadoop's configuration dumps
 * read the sources.
 *
 * <p>The record is a private field of Hadoop's {@link Configuration}, reached by reflection. Where a Hadoop version
 * keeps it otherwise, the configuration stays as it was.
 */
final class HadoopConfSources {
    /** Whether the job forgets the sources; false keeps Hadoop's record. */
    static final String FORGET = "spark.wordstream.job.forgetHadoopConfSources";
    private static final Logger LOG = LoggerFactory.getLogger(HadoopConfSources.class);

    private HadoopConfSources() {
    }

    /** Whether {@code conf} asks to forget the sources (the default). */
    static boolean wanted(SparkConf conf) {
        String value = conf.get(FORGET, "true");
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(FORGET + " must be true or false, not '" + value + "'");
        };
    }

    /** Forgets the sources of {@code hadoop}'s settings; returns how many settings had some. */
    static int forget(Configuration hadoop) {
        // Loads the settings first: a configuration that loads them later records their sources again.
        hadoop.size();
        try {
            Field field = Configuration.class.getDeclaredField("updatingResource");
            field.setAccessible(true);
            Map<?, ?> sources = (Map<?, ?>) field.get(hadoop);
            if (sources == null) {
                return 0;
            }
            int forgotten = sources.size();
            sources.clear();
            return forgotten;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("the Hadoop configuration keeps its settings' sources: {}", e.toString());
            return 0;
        }
    }
}

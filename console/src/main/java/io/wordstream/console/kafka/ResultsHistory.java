package io.wordstream.console.kafka;

import io.wordstream.common.PipelineSettings;
import io.wordstream.console.settings.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far back the console's history reaches: what the results topic must keep, and where a reader of it starts,
 * so that a pipeline that has run for weeks starts a console as fast as a new one.
 */
public final class ResultsHistory {
    /** Windows the console keeps: an hour of the default ten-second windows. */
    public static final int WINDOWS = 360;
    /** Kafka deletes whole segments only: short ones let old rows go soon after the retention has passed. */
    private static final Duration MIN_SEGMENT = Duration.ofMinutes(1);
    private static final Duration MAX_SEGMENT = Duration.ofDays(7);

    private ResultsHistory() {
    }

    /**
     * The time the console's windows cover: {@value #WINDOWS} slides, plus one window and the watermark during which
     * the oldest of them may still be updated.
     */
    public static Duration span(PipelineSettings pipeline) {
        return pipeline.slide().multipliedBy(WINDOWS).plus(pipeline.window()).plus(pipeline.watermark());
    }

    /** How long the results topic keeps rows: the operator's choice, else the console's span. */
    public static Duration retention(Settings settings) {
        return settings.resultsRetention().orElse(span(settings.pipeline()));
    }

    /**
     * The oldest write time of a row the console keeps, at {@code now}: rows are written at their window's start or
     * later, so nothing written before this belongs to a window the console shows.
     */
    public static Instant oldestKept(PipelineSettings pipeline, Instant now) {
        return now.minus(span(pipeline));
    }

    /** The results topic's settings: compacted on (window, dimension, key), and rows older than the retention go. */
    public static Map<String, String> topicConfigs(Settings settings) {
        Duration retention = retention(settings);
        Duration segment = retention.dividedBy(4);
        segment = segment.compareTo(MIN_SEGMENT) < 0 ? MIN_SEGMENT
                : segment.compareTo(MAX_SEGMENT) > 0 ? MAX_SEGMENT : segment;
        Map<String, String> c = new LinkedHashMap<>();
        c.put("cleanup.policy", "compact,delete");
        c.put("retention.ms", Long.toString(retention.toMillis()));
        c.put("segment.ms", Long.toString(segment.toMillis()));
        return c;
    }
}

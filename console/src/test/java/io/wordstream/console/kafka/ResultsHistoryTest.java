package io.wordstream.console.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wordstream.common.PipelineSettings;
import io.wordstream.common.TokenizerMode;
import io.wordstream.console.settings.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the results topic keeps and where a console starts reading it, from the window settings. */
class ResultsHistoryTest {
    @Test
    void theDefaultRetentionCoversThe360WindowsTheirLengthAndTheWatermark() {
        Settings s = Settings.builder().build();
        assertEquals(Duration.ofSeconds(3620), ResultsHistory.span(s.pipeline()));
        assertEquals(Map.of("cleanup.policy", "compact,delete", "retention.ms", "3620000", "segment.ms", "905000"),
                ResultsHistory.topicConfigs(s));
        assertEquals(Instant.parse("2026-11-23T11:59:40Z"),
                ResultsHistory.oldestKept(s.pipeline(), Instant.parse("2026-11-23T13:00:00Z")));
    }

    @Test
    void slidingWindowsKeep360SlidesAndTheOperatorsRetentionWins() {
        PipelineSettings sliding = new PipelineSettings(Duration.ofSeconds(60), Duration.ofSeconds(5),
                Duration.ofSeconds(30), List.of("S"), List.of(6), TokenizerMode.UNICODE, "resumo");
        assertEquals(Duration.ofSeconds(360 * 5 + 60 + 30), ResultsHistory.span(sliding));
        Settings week = Settings.builder().pipeline(sliding).resultsRetention(Optional.of(Duration.ofDays(60)))
                .build();
        assertEquals(Map.of("cleanup.policy", "compact,delete", "retention.ms", Long.toString(Duration.ofDays(60)
                .toMillis()), "segment.ms", Long.toString(Duration.ofDays(7).toMillis())),
                ResultsHistory.topicConfigs(week));
        Settings short1 = Settings.builder().resultsRetention(Optional.of(Duration.ofSeconds(30))).build();
        assertEquals("60000", ResultsHistory.topicConfigs(short1).get("segment.ms"));
    }

    @Test
    void thePlanGivesTheResultsTopicTheBoundedSettings() {
        Settings s = Settings.builder().build();
        TopicPlan.Topic results = TopicPlan.of(s, 3).get(s.resultsTopic());
        assertEquals(Map.of("min.insync.replicas", "2", "cleanup.policy", "compact,delete", "retention.ms", "3620000",
                "segment.ms", "905000"), results.configs());
    }
}

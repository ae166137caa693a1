package io.wordstream.console.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/grafana-dashboard.json queries only what /metrics serves, and shows all of it. */
class GrafanaDashboardTest {
    private static final Path DASHBOARD = Path.of(System.getProperty("wordstream.home"), "docs",
            "grafana-dashboard.json");
    private static final Pattern NAME = Pattern.compile("\\bwordstream_[a-z_]+");

    @Test
    void everyMetricTheDashboardQueriesIsServedAndEveryServedFamilyIsShown() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Set<String> queried = new TreeSet<>();
        int targets = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                targets++;
                Matcher m = NAME.matcher(target.path("expr").asText());
                while (m.find()) {
                    queried.add(m.group());
                }
            }
        }
        assertTrue(targets > 10, "the dashboard has its panels: " + targets);
        Set<String> served = new TreeSet<>();
        PipelineMetricsTest.text(PipelineMetricsTest.everythingFed()).lines().filter(l -> !l.startsWith("#"))
                .forEach(l -> served.add(l.split("[{ ]", 2)[0]));
        Set<String> unknown = new TreeSet<>(queried);
        unknown.removeAll(served);
        assertEquals(Set.of(), unknown, "queried but not served; served: " + served);
        Set<String> unshown = new TreeSet<>(PipelineMetricsTest.FAMILIES);
        unshown.removeIf(f -> queried.stream().anyMatch(q -> q.startsWith(f)));
        assertEquals(Set.of(), unshown, "served but on no panel");
    }
}

package io.wordstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.bench.curve.BatchProfile;
import io.wordstream.bench.curve.RateStep;
import io.wordstream.bench.measure.Latency;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SummaryTest {
    private static RateStep step(int rate, double p50, double p99) {
        return new RateStep(rate, rate, rate * 12.0, new Latency(100, p50, p99, p99, p99, p99), 0, 0, true, 0,
                BatchProfile.EMPTY);
    }

    private static SubjectResult system(String name, double firstRow, double p50, double p99, double wps) {
        List<RateStep> curve = List.of(step(100, p50, p99), step(1_000, p50 * 2, p99 * 2));
        return new SubjectResult(name, Optional.empty(), Optional.of(firstRow), curve.get(0).latency(), 0, curve,
                List.of(wps), Map.of("driver", 600L * 1024 * 1024), Optional.empty());
    }

    private static Run run(int i, double wsFirstRow, double wsP50, double ksP50, double broker) {
        return new Run(i, "00:0" + i, broker, List.of(system(Report.WORDSTREAM, wsFirstRow, wsP50, 300, 900),
                system(Report.KSTREAMS, 2.0, ksP50, 200, 300)));
    }

    private static Map<String, String> pairs(String line) {
        return Arrays.stream(line.substring("RESULT ".length()).split(" ")).map(kv -> kv.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    }

    @Test
    void eachFigureIsTheMedianOfTheRepetitionsAndEachRatioIsTakenWithinARepetition() {
        Summary s = new Summary(List.of(run(1, 8, 150, 100, 3.0), run(2, 4, 300, 300, 9.0), run(3, 6, 200, 250, 4.0)));
        Map<String, String> kv = pairs(s.resultLine());
        assertEquals("6.0", kv.get("startup_s"));
        assertEquals("200", kv.get("latency_p50_ms"));
        // Ratios 1.50, 1.00 and 0.80: their median, not the ratio of the medians (200 / 250 = 0.80).
        assertEquals("1.00", kv.get("latency_p50_kstreams_ratio"));
        assertEquals("3.00", kv.get("startup_kstreams_ratio"));
        assertEquals("4.0", kv.get("broker_start_s"));
        assertEquals("3.00", kv.get("kstreams_ratio"));
        assertEquals("3", kv.get("repeat"));
        assertEquals("exactly_once_v2", kv.get("kstreams_guarantee"));
        for (String key : RunFigures.KEYS) {
            assertTrue(kv.containsKey(key), key);
        }
    }

    @Test
    void theTableGivesTheMedianAndTheRangeOfEachSystemsFigure() {
        String table = new Summary(List.of(run(1, 8, 150, 100, 3.0), run(2, 4, 300, 300, 9.0),
                run(3, 6, 200, 250, 4.0))).table();
        String firstRow = table.lines().filter(l -> l.startsWith("first row s")).findFirst().orElseThrow();
        assertTrue(firstRow.contains("6.0 [4.0-8.0]"), table);
        String p50 = table.lines().filter(l -> l.startsWith("p50 ms")).findFirst().orElseThrow();
        assertTrue(p50.contains("200 [150-300]") && p50.contains("250 [100-300]"), table);
        assertTrue(table.contains("broker start s") && table.contains("4.0 [3.0-9.0]"), table);
    }

    @Test
    void theMedianCurveHasEachRatesMedianP99() {
        List<SubjectResult> curves = new Summary(List.of(run(1, 8, 150, 100, 3.0), run(2, 4, 300, 300, 9.0),
                run(3, 6, 200, 250, 4.0))).medianCurves();
        SubjectResult ws = curves.get(0);
        assertEquals(Report.WORDSTREAM, ws.name());
        assertEquals(200, ws.curve().get(0).latency().p50());
        assertEquals(400, ws.curve().get(1).latency().p50());
    }

    @Test
    void aFigureMissingFromEveryRepetitionIsNan() {
        Map<String, String> kv = pairs(new Summary(List.of(run(1, 8, 150, 100, 3.0))).resultLine());
        assertEquals("nan", kv.get("seed_ratio"));
        assertEquals("nan", kv.get("rss_console_mb"));
        assertEquals("1", kv.get("repeat"));
    }
}

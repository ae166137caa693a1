package io.wordstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.bench.curve.BatchProfile;
import io.wordstream.bench.curve.RateStep;
import io.wordstream.bench.measure.Latency;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static final long MB = 1024 * 1024;

    private static Latency latency(double p50, double p99) {
        return new Latency(100, p50, p99, p99, p99, p99);
    }

    /** A step that kept up with the given p50 and p99 (12 words a sentence, no backlog growth). */
    private static RateStep step(int rate, double p50, double p99) {
        return new RateStep(rate, rate, rate * 12.0, latency(p50, p99), 0, 0, true, 0, BatchProfile.EMPTY);
    }

    private static SubjectResult result(String name, List<Double> wps, List<RateStep> curve,
                                        Optional<String> failure) {
        Latency first = curve.isEmpty() ? Latency.EMPTY : curve.get(0).latency();
        return new SubjectResult(name, Optional.of(8.0), Optional.of(9.5), first, 0, curve, wps,
                Map.of("console", 100 * MB, "broker", 300 * MB, "driver", 700 * MB), failure);
    }

    /** The RESULT line of one repetition of these results. */
    private static Map<String, String> resultOf(SubjectResult... results) {
        return pairs(new Summary(List.of(new Run(1, "00:00", 3.2, List.of(results)))).resultLine());
    }

    private static Map<String, String> pairs(String line) {
        assertTrue(line.startsWith("RESULT "), line);
        return Arrays.stream(line.substring(7).split(" ")).map(kv -> kv.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1], (a, b) -> a, LinkedHashMap::new));
    }

    @Test
    void ratiosAreWordstreamsMedianThroughputOverEachOthers() {
        Map<String, String> kv = resultOf(
                result(Report.WORDSTREAM, List.of(300.0, 100.0, 200.0), List.of(step(100, 200, 300)),
                        Optional.empty()),
                result(Report.ORIGINAL, List.of(50.0), List.of(), Optional.empty()),
                result(Report.KSTREAMS, List.of(80.0, 120.0, 100.0), List.of(), Optional.empty()),
                result(Report.LIMIT, List.of(1000.0), List.of(), Optional.empty()));
        assertEquals("200", kv.get("throughput_wps"));
        assertEquals("4.00", kv.get("seed_ratio"));
        assertEquals("2.00", kv.get("kstreams_ratio"));
        assertEquals("0.20", kv.get("limit_ratio"));
        assertEquals("200", kv.get("latency_p50_ms"));
        assertEquals("300", kv.get("latency_p99_ms"));
        assertEquals("9.5", kv.get("startup_s"));
        assertEquals("700", kv.get("rss_driver_mb"));
        assertEquals("3.2", kv.get("broker_start_s"));
        assertEquals("1.00", kv.get("startup_kstreams_ratio"));
        assertEquals("exactly_once_v2", kv.get("kstreams_guarantee"));
        assertEquals("1", kv.get("repeat"));
    }

    @Test
    void sustainableAndLatencyRatiosAreWordstreamsOverTheOthers() {
        RateStep fell = new RateStep(50_000, 50_000, 600_000, latency(3000, 9000), 0, 200_000, true, 2_000_000,
                BatchProfile.EMPTY);
        List<SubjectResult> results = List.of(
                result(Report.WORDSTREAM, List.of(200.0), List.of(step(100, 150, 300), step(1_000, 160, 320),
                        step(10_000, 200, 450), step(50_000, 400, 1_900)), Optional.empty()),
                result(Report.ORIGINAL, List.of(50.0), List.of(step(100, 500, 900), step(1_000, 600, 1200)),
                        Optional.empty()),
                result(Report.KSTREAMS, List.of(100.0), List.of(step(100, 100, 200), step(1_000, 110, 400),
                        step(10_000, 150, 300), fell), Optional.empty()));
        Report r = new Report(results);
        Map<String, String> kv = resultOf(results.toArray(SubjectResult[]::new));
        assertEquals("50000", kv.get("sustainable_sps"));
        assertEquals("5.00", kv.get("sustainable_kstreams_ratio"));
        assertEquals("50.00", kv.get("sustainable_seed_ratio"));
        assertEquals("10000", kv.get("p99_bounded_sps"));
        assertEquals("1.00", kv.get("p99_bounded_kstreams_ratio"));
        assertEquals("1.50", kv.get("latency_p50_kstreams_ratio"));
        assertEquals("1.50", kv.get("latency_p99_kstreams_ratio"));
        // From 1,000/s up: 320/400, 450/300 and 1900/9000; the worst is 1.5.
        assertEquals("1.50", kv.get("curve_p99_kstreams_ratio_max"));
        String table = r.curveTable();
        assertTrue(table.contains("Kafka Streams            sustainable: 10,000 sentences/s; p99 <= 1 s up to:"
                + " 10,000 sentences/s"), table);
        assertTrue(table.contains("backlog grows"), table);
        assertTrue(table.contains("original design          sustainable: 1,000 sentences/s; p99 <= 1 s up to: 100"
                + " sentences/s"), table);
        assertTrue(table.contains("wordstream               sustainable: 50,000 sentences/s; p99 <= 1 s up to:"
                + " 10,000 sentences/s"), table);
    }

    @Test
    void withoutACurveTheNewKeysAreNan() {
        Map<String, String> kv = resultOf(result(Report.WORDSTREAM, List.of(200.0), List.of(), Optional.empty()));
        for (String key : List.of("sustainable_sps", "sustainable_kstreams_ratio", "sustainable_seed_ratio",
                "p99_bounded_sps", "p99_bounded_kstreams_ratio", "latency_p50_kstreams_ratio",
                "latency_p99_kstreams_ratio", "curve_p99_kstreams_ratio_max", "startup_kstreams_ratio")) {
            assertEquals("nan", kv.get(key), key);
        }
    }

    @Test
    void aSystemNotMeasuredGivesNanAndItsFailureIsInTheTable() {
        Report r = new Report(List.of(
                result(Report.WORDSTREAM, List.of(200.0), List.of(), Optional.empty()),
                result(Report.KSTREAMS, List.of(), List.of(), Optional.of("did not catch up within 180 s"))));
        Map<String, String> kv = resultOf(r.results().toArray(SubjectResult[]::new));
        assertEquals("nan", kv.get("kstreams_ratio"));
        assertEquals("nan", kv.get("seed_ratio"));
        assertTrue(r.table().contains("Kafka Streams failed: did not catch up within 180 s"), r.table());
    }

    @Test
    void theBatchTableHasAMedianPerPhaseForTheSystemsThatReportOne() {
        BatchProfile profile = BatchProfile.of(List.of(Map.of("addBatch", 100L, "triggerExecution", 200L),
                Map.of("addBatch", 300L, "triggerExecution", 400L)));
        RateStep s = new RateStep(100, 100, 1200, latency(150, 300), 0, 0, true, 0, profile);
        String table = new Report(List.of(result(Report.WORDSTREAM, List.of(), List.of(s), Optional.empty()),
                result(Report.KSTREAMS, List.of(), List.of(step(100, 100, 200)), Optional.empty()))).batchTable();
        String row = table.lines().filter(l -> l.startsWith("      100")).findFirst().orElseThrow();
        List<String> cells = Arrays.asList(row.strip().split(" +"));
        // rate, batches, latestOffset, queryPlanning, getBatch, addBatch, walCommit, commitOffsets, triggerExecution,
        // then the whole batch's p95 and max
        assertEquals(List.of("100", "2", "-", "-", "-", "200", "-", "-", "300", "400", "400"), cells, table);
        assertTrue(!table.contains("Kafka Streams"), table);
    }

    @Test
    void theTextPlotPutsEachP99InItsRowAndColumn() {
        String plot = new Report(List.of(
                result(Report.WORDSTREAM, List.of(), List.of(step(100, 150, 300), step(1_000, 160, 1_500)),
                        Optional.empty()),
                result(Report.KSTREAMS, List.of(), List.of(step(100, 100, 40)), Optional.empty()))).curvePlot();
        List<String> lines = plot.lines().toList();
        String row500 = lines.stream().filter(l -> l.startsWith("  500 ms")).findFirst().orElseThrow();
        String row2s = lines.stream().filter(l -> l.startsWith("     2 s")).findFirst().orElseThrow();
        String row50 = lines.stream().filter(l -> l.startsWith("   50 ms")).findFirst().orElseThrow();
        // Columns: 100/s in characters 10-17, 1k/s in 18-25.
        assertEquals("W", row500.substring(10, 18).strip(), plot);
        assertEquals("W", row2s.substring(18, 26).strip(), plot);
        assertEquals("K", row50.substring(10, 18).strip(), plot);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("     1 s |----")), plot);
    }
}

package io.wordstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.bench.measure.Percentiles;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static final long MB = 1024 * 1024;

    private static SubjectResult result(String name, List<Double> wps, Optional<String> failure) {
        return new SubjectResult(name, Optional.of(8.0), Optional.of(9.5),
                Percentiles.summarize(List.of(100.0, 200.0, 300.0)), 0, wps,
                Map.of("console", 100 * MB, "broker", 300 * MB, "driver", 700 * MB), failure);
    }

    private static Map<String, String> pairs(String line) {
        assertTrue(line.startsWith("RESULT "), line);
        return Arrays.stream(line.substring(7).split(" ")).map(kv -> kv.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1], (a, b) -> a, LinkedHashMap::new));
    }

    @Test
    void ratiosAreWordstreamsMedianThroughputOverEachOthers() {
        Report r = new Report(List.of(
                result(Report.WORDSTREAM, List.of(300.0, 100.0, 200.0), Optional.empty()),
                result(Report.ORIGINAL, List.of(50.0), Optional.empty()),
                result(Report.KSTREAMS, List.of(80.0, 120.0, 100.0), Optional.empty()),
                result(Report.LIMIT, List.of(1000.0), Optional.empty())));
        Map<String, String> kv = pairs(r.resultLine());
        assertEquals("200", kv.get("throughput_wps"));
        assertEquals("4.00", kv.get("seed_ratio"));
        assertEquals("2.00", kv.get("kstreams_ratio"));
        assertEquals("0.20", kv.get("limit_ratio"));
        assertEquals("200", kv.get("latency_p50_ms"));
        assertEquals("300", kv.get("latency_p99_ms"));
        assertEquals("9.5", kv.get("startup_s"));
        assertEquals("700", kv.get("rss_driver_mb"));
        assertTrue(kv.keySet().containsAll(List.of("latency_p50_ms", "latency_p99_ms", "throughput_wps",
                "seed_ratio", "kstreams_ratio", "limit_ratio", "startup_s")));
    }

    @Test
    void aSystemNotMeasuredGivesNanAndItsFailureIsInTheTable() {
        Report r = new Report(List.of(
                result(Report.WORDSTREAM, List.of(200.0), Optional.empty()),
                result(Report.KSTREAMS, List.of(), Optional.of("did not catch up within 180 s"))));
        Map<String, String> kv = pairs(r.resultLine());
        assertEquals("nan", kv.get("kstreams_ratio"));
        assertEquals("nan", kv.get("seed_ratio"));
        assertTrue(r.table().contains("Kafka Streams failed: did not catch up within 180 s"), r.table());
    }
}

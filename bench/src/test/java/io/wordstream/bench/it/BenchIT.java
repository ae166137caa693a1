package io.wordstream.bench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.launch.ChildProcesses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./wordstream bench} for real, on a small load: every system starts, every burst is counted exactly (the
 * benchmark fails a system whose results do not add up to what was sent), the RESULT line has every figure, and
 * nothing is left running. No figure is compared with a threshold: timing belongs to the benchmark, not the tests.
 */
class BenchIT {
    private static final Path HOME = Path.of(System.getProperty("wordstream.home", "..")).toAbsolutePath().normalize();

    @TempDir
    Path work;

    private Process bench;

    @AfterEach
    void stopWhatIsLeft() {
        if (bench != null) {
            List<ProcessHandle> tree = new ArrayList<>(bench.descendants().toList());
            ChildProcesses.stop(bench.toHandle(), Duration.ofSeconds(30));
            tree.forEach(p -> ChildProcesses.stop(p, Duration.ofSeconds(10)));
        }
    }

    @Test
    void everySystemIsMeasuredOnTheSameDataTwiceAndNothingIsLeft() throws Exception {
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        Path plot = work.resolve("curve.png");
        ProcessBuilder pb = new ProcessBuilder(HOME.resolve("wordstream").toString(), "bench", "--quick",
                "--warmup", "2s", "--latency-time", "3s", "--rate", "50", "--burst-words", "30000",
                "--rates", "1000", "--step-time", "2s", "--plot", plot.toString(), "--repeat", "2",
                "--timeout", "120s", "--work-dir", work.resolve("systems").toString())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // Maven built everything this test runs; a build inside a test would replace jars under it.
        pb.environment().put("WORDSTREAM_NO_BUILD", "1");
        bench = pb.start();
        assertTrue(bench.waitFor(8, TimeUnit.MINUTES), "the benchmark did not finish: " + read(err));
        assertEquals(0, bench.exitValue(), read(out) + read(err));

        List<String> lines = Files.readAllLines(out);
        String result = lines.get(lines.size() - 1);
        assertTrue(result.startsWith("RESULT "), result);
        Map<String, String> kv = Arrays.stream(result.substring(7).split(" ")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
        assertEquals("exactly_once_v2", kv.get("kstreams_guarantee"), result);
        assertEquals("2", kv.get("repeat"), result);
        for (String key : List.of("latency_p50_ms", "latency_p99_ms", "throughput_wps", "seed_ratio",
                "kstreams_ratio", "limit_ratio", "startup_s", "startup_kstreams_ratio", "broker_start_s",
                "rss_console_mb", "rss_broker_mb", "rss_driver_mb")) {
            assertTrue(kv.containsKey(key), key + " missing from " + result);
            double v = Double.parseDouble(kv.get(key));
            assertTrue(v > 0, key + " = " + v + " in " + result);
        }
        // Ratios may be nan (a system with no sustainable rate at this tiny load); each must still be there.
        for (String key : List.of("latency_p999_ms", "sustainable_sps", "sustainable_kstreams_ratio",
                "sustainable_seed_ratio", "p99_bounded_sps", "p99_bounded_kstreams_ratio",
                "latency_p50_kstreams_ratio", "latency_p99_kstreams_ratio", "curve_p99_kstreams_ratio_max")) {
            assertTrue(kv.containsKey(key), key + " missing from " + result);
            String value = kv.get(key);
            assertTrue(value.equals("nan") || Double.parseDouble(value) > 0, key + " = " + value + " in " + result);
        }
        String table = read(out);
        assertTrue(table.contains("repetition 2 of 2") && table.contains("summary of 2 repetitions"), table);
        for (String system : List.of("wordstream", "original design", "Kafka Streams", "Kafka Streams (ALOS)",
                "plain consumer (limit)")) {
            assertTrue(table.contains(system), system + " missing from\n" + table);
            assertTrue(table.contains(String.format(Locale.ROOT, "%-24s sustainable: ", system)),
                    system + "'s curve missing from\n" + table);
            // The curve's first step is the latency phase's rate: every system has a row of it.
            String firstStep = String.format(Locale.ROOT, "%-24s %9d ", system, 50);
            assertTrue(table.lines().anyMatch(l -> l.startsWith(firstStep)), table);
        }
        assertTrue(table.contains("p99 latency by rate"), table);
        // Each repetition's broker served transactions, read back committed, before its first system started.
        Pattern warmed = Pattern.compile("bench: broker warmed up before any system: ([1-9][0-9,]*) transactions,"
                + " ([1-9][0-9,]*) records read back committed");
        assertEquals(2, read(err).lines().filter(l -> warmed.matcher(l).find()).count(), read(err));
        byte[] png = Files.readAllBytes(plot);
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "not a PNG: " + plot);
        assertTrue(!table.contains("failed:"), table);
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("")
                .contains(work.toString())), "a process of the benchmark's work dir is still running");
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }
}

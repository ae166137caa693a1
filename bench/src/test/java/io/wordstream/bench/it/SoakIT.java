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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short {@code ./wordstream soak} for real: two-second windows, so twelve of them pass in the time of two and a
 * half ten-second ones. Every sentence carries a word of its own, so the job's state would grow by the rate every
 * window if the watermark did not drop expired windows: over twelve windows, the last third would hold about 1.6
 * times the middle third's rows. The state must stay flat; memory is reported, not judged. Twelve, not nine: the
 * first third is the job's start-up, and on a loaded machine its first batches took until the fifth two-second
 * window to reach a steady state (seen in CI: the middle third of nine then held part of the start-up).
 */
class SoakIT {
    private static final Path HOME = Path.of(System.getProperty("wordstream.home", "..")).toAbsolutePath().normalize();

    @TempDir
    Path work;

    private Process soak;

    @AfterEach
    void stopWhatIsLeft() {
        if (soak != null) {
            List<ProcessHandle> tree = new ArrayList<>(soak.descendants().toList());
            ChildProcesses.stop(soak.toHandle(), Duration.ofSeconds(30));
            tree.forEach(p -> ChildProcesses.stop(p, Duration.ofSeconds(10)));
        }
    }

    @Test
    void stateStaysFlatOnceWindowsExpireAndNothingIsLeft() throws Exception {
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(HOME.resolve("wordstream").toString(), "soak", "--windows", "12",
                "--window", "2s", "--rate", "50", "--work-dir", work.resolve("pipeline").toString())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().put("WORDSTREAM_NO_BUILD", "1");
        soak = pb.start();
        assertTrue(soak.waitFor(5, TimeUnit.MINUTES), "the soak did not finish: " + read(err));
        assertEquals(0, soak.exitValue(), read(out) + read(err));

        List<String> lines = Files.readAllLines(out);
        String result = lines.get(lines.size() - 1);
        assertTrue(result.startsWith("RESULT "), result);
        Map<String, String> kv = Arrays.stream(result.substring(7).split(" ")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
        assertEquals("12", kv.get("soak_windows"), result);
        assertTrue(Long.parseLong(kv.get("state_rows_middle")) > 0, "the job reported its state: " + result);
        double growth = Double.parseDouble(kv.get("state_growth"));
        assertTrue(growth <= 1.25, "state rows grew " + growth + "x:\n" + read(out));
        for (String process : List.of("console", "broker", "driver")) {
            assertTrue(Double.parseDouble(kv.get("rss_" + process + "_growth")) > 0, process + ": " + result);
        }
        assertEquals(12, lines.stream().filter(l -> l.matches("\\s+\\d+\\s+[\\d,]+\\s+([\\d,]+|-)\\s.*")).count(),
                read(out));
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("")
                .contains(work.toString())), "a process of the soak's work dir is still running");
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }
}

package io.wordstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.testsupport.DocCommand;
import io.wordstream.testsupport.DocCommandCheck;
import io.wordstream.testsupport.DocCommands;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {
    private static final Path HOME = Path.of(System.getProperty("wordstream.home", "..")).toAbsolutePath().normalize();

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BenchCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOneLineError(Run r, String mentions) {
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("wordstream bench: "), r.err());
        assertTrue(r.err().contains(mentions), r.err());
        assertEquals("", r.out());
    }

    @Test
    void anUnknownSystemIsOneLine() {
        assertOneLineError(run("--systems", "wordstream,flink"), "flink");
    }

    @Test
    void aZeroRateIsOneLine() {
        assertOneLineError(run("--rate", "0"), "--rate");
    }

    @Test
    void aBadDurationIsOneLine() {
        assertOneLineError(run("--latency-time", "soon"), "soon");
    }

    @Test
    void aZeroCurveRateIsOneLine() {
        assertOneLineError(run("--rates", "1000,0"), "--rates");
    }

    @Test
    void aCurveStepUnderASecondIsOneLine() {
        assertOneLineError(run("--step-time", "0s"), "--step-time");
    }

    @Test
    void negativeWarmupBurstsAreOneLine() {
        assertOneLineError(run("--warmup-bursts", "-1"), "--warmup-bursts");
    }

    @Test
    void securedWithoutWordstreamIsOneLine() {
        assertOneLineError(run("--secured", "--systems", "kstreams"), "--secured");
    }

    @Test
    void securedWithFailoverIsOneLine() {
        assertOneLineError(run("--secured", "--failover"), "--failover");
    }

    @Test
    void anUnreadableFileIsOneLine() {
        assertOneLineError(run("--file", "/nonexistent/text.txt"), "/nonexistent/text.txt");
    }

    @Test
    void quickPlanIsSmallerThanTheFullOne() {
        BenchCommand quick = new BenchCommand(System.out, System.err);
        new CommandLine(quick).parseArgs("--quick");
        BenchCommand full = new BenchCommand(System.out, System.err);
        new CommandLine(full).parseArgs();
        assertTrue(quick.plan().burstWords() < full.plan().burstWords());
        assertTrue(quick.plan().latencyTime().compareTo(full.plan().latencyTime()) < 0);
        assertEquals(1_000_000, full.plan().burstWords());
        assertTrue(quick.plan().warmupBursts() < full.plan().warmupBursts());
        assertTrue(quick.plan().rates().size() < full.plan().rates().size());
        assertTrue(quick.plan().stepTime().compareTo(full.plan().stepTime()) < 0);
    }

    @Test
    void helpListsTheOptions() {
        Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--quick") && r.out().contains("--file") && r.out().contains("RESULT"), r.out());
    }

    /** The console's DocCommandLinesTest checks every other command line of the docs; bench's options live here. */
    @Test
    void everyBenchLineOfTheDocsParses() {
        List<DocCommand> lines = DocCommands.in(HOME).stream().filter(c -> c.launcherCommand().equals("bench"))
                .toList();
        assertTrue(lines.size() >= 5, "the docs' bench lines were found: " + lines);
        List<String> problems = DocCommandCheck.problems(lines, c -> c.args().subList(1, c.args().size()),
                () -> new CommandLine(new BenchCommand(System.out, System.err)));
        assertTrue(problems.isEmpty(), "bench lines in the docs that bench would refuse:\n"
                + String.join("\n", problems));
    }
}

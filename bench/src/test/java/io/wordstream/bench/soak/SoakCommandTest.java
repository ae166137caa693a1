package io.wordstream.bench.soak;

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

class SoakCommandTest {
    private static final Path HOME = Path.of(System.getProperty("wordstream.home", "..")).toAbsolutePath().normalize();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SoakCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void badArgumentsGetOneLineAndStatusTwo() {
        assertEquals(2, run("--windows", "2"));
        assertEquals("wordstream soak: --windows must be at least 3, --rate and --vocabulary at least 1, --window at"
                + " least 1s\n", err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, run("--window", "soon"));
        assertEquals(1, err.toString(StandardCharsets.UTF_8).lines().count());
        assertEquals(true, err.toString(StandardCharsets.UTF_8).startsWith("wordstream soak: "));
        err.reset();
        assertEquals(2, run("--colour", "red"));
        assertEquals("wordstream soak: Unknown options: '--colour', 'red' (see ./wordstream soak --help)\n",
                err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    /** The console's DocCommandLinesTest checks every other command line of the docs; soak's options live here. */
    @Test
    void everySoakLineOfTheDocsParses() {
        List<DocCommand> lines = DocCommands.in(HOME).stream().filter(c -> c.launcherCommand().equals("soak"))
                .toList();
        assertTrue(lines.size() >= 2, "the docs' soak lines were found: " + lines);
        List<String> problems = DocCommandCheck.problems(lines, c -> c.args().subList(1, c.args().size()),
                () -> new CommandLine(new SoakCommand(System.out, System.err)));
        assertTrue(problems.isEmpty(), "soak lines in the docs that soak would refuse:\n"
                + String.join("\n", problems));
    }
}

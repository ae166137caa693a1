package io.wordstream.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SoakCommandTest {
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
}

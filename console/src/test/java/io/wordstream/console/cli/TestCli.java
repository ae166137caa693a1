package io.wordstream.console.cli;

import java.io.PrintWriter;
import java.util.Map;

/** For tests in other packages: the command line with no configured defaults, printing where the test says. */
public final class TestCli {
    private TestCli() {
    }

    /** Runs {@code args} as the console's process does, and returns the exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return Cli.create(new ConfigDefaults(Map.of()), out, err, args).execute(args);
    }
}

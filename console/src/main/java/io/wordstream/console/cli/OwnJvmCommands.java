package io.wordstream.console.cli;

import io.wordstream.console.errors.UserError;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Commands the launcher runs in a JVM of their own (the benchmark's module holds Kafka Streams and the load
 * generator): listed here so that {@code wordstream --help} shows them, answered here only when called past the
 * launcher.
 */
final class OwnJvmCommands {
    private OwnJvmCommands() {
    }

    @Command(name = "bench", description = "Measure wordstream against the original design, Kafka Streams and a"
            + " plain consumer in one run (--quick: under two minutes). 'wordstream bench --help' lists its options.")
    static final class Bench extends NotHere {
    }

    @Command(name = "soak", description = "Run the pipeline for many windows at a steady rate and report whether its"
            + " state and memory stay flat. 'wordstream soak --help' lists its options.")
    static final class Soak extends NotHere {
    }

    /** A command that only names itself here: the launcher runs it in a JVM of its own. */
    abstract static class NotHere implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw notHere(spec.name());
        }
    }

    private static UserError notHere(String name) {
        return new UserError("'" + name + "' runs in a JVM of its own: start it with the wordstream launcher"
                + " ('wordstream " + name + "'), not with the console's main class");
    }
}

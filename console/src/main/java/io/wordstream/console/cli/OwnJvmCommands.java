package io.wordstream.console.cli;

import io.wordstream.console.UserError;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

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
    static final class Bench implements Callable<Integer> {
        @Override
        public Integer call() {
            throw notHere("bench");
        }
    }

    @Command(name = "soak", description = "Run the pipeline for many windows at a steady rate and report whether its"
            + " state and memory stay flat. 'wordstream soak --help' lists its options.")
    static final class Soak implements Callable<Integer> {
        @Override
        public Integer call() {
            throw notHere("soak");
        }
    }

    private static UserError notHere(String name) {
        return new UserError("'" + name + "' runs in a JVM of its own: start it with the wordstream launcher"
                + " ('wordstream " + name + "'), not with the console's main class");
    }
}

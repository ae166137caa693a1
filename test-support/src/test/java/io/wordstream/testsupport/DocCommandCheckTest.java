package io.wordstream.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class DocCommandCheckTest {
    @Command(name = "tool", mixinStandardHelpOptions = true, subcommands = Serve.class)
    static final class Tool implements Runnable {
        @Override
        public void run() {
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true)
    static final class Serve implements Runnable {
        @Option(names = "--port")
        int port;

        @Option(names = "--host", required = true)
        String host;

        @Option(names = "--verbose")
        boolean verbose;

        @Override
        public void run() {
        }
    }

    private static Optional<String> problem(String... args) {
        return DocCommandCheck.problem(() -> new CommandLine(new Tool()), List.of(args));
    }

    @Test
    void realCommandsAndOptionsPass() {
        assertEquals(Optional.empty(), problem());
        assertEquals(Optional.empty(), problem("serve", "--host", "h", "--port", "9092", "--verbose"));
        assertEquals(Optional.empty(), problem("serve", "--port=9092"), "a required option left out: named in passing");
        assertEquals(Optional.empty(), problem("serve", "--help"));
    }

    @Test
    void placeholdersPass() {
        assertEquals(Optional.empty(), problem("serve", "--port", "PORT", "--host", "ADDR"));
        assertEquals(Optional.empty(), problem("COMMAND", "--help"));
        assertEquals(Optional.empty(), problem("serve", "--verbose", "..."));
        assertEquals(Optional.empty(), problem("serve", "--port", "$PORT"));
    }

    @Test
    void anUnknownOptionOrCommandIsNamed() {
        assertEquals(Optional.of("Unknown option: '--ports' (did you mean --port?)"), problem("serve", "--ports", "1"));
        assertEquals(Optional.of("Unmatched argument at index 0: 'serv' (did you mean serve?)"), problem("serv"));
        assertEquals(Optional.of("Unmatched argument at index 0: 'nosuch'"), problem("nosuch", "--help"));
        assertEquals(Optional.of("Unknown option: '--nope'"), problem("serve", "--port", "N", "--nope"),
                "read on past a placeholder value");
    }

    @Test
    void aMissingOrWrongValueIsNamed() {
        assertEquals(Optional.empty(), problem("serve", "--host", "h", "--port"), "the option named, last");
        assertEquals(Optional.of("Expected parameter for option '--port' but found '--verbose'"),
                problem("serve", "--port", "--verbose"));
        assertEquals(Optional.of("Invalid value for option '--port': 'many' is not an int"),
                problem("serve", "--port", "many"));
    }

    @Test
    void placeholderWordsAreCapitalsEllipsesVariablesAndGlobs() {
        for (String w : List.of("N", "COMMAND", "spark://A:7077", "DATA_DIR/x", "...", "[TEXT...]", "$HOME/x",
                "*.md")) {
            assertTrue(DocCommandCheck.isPlaceholder(w), w);
        }
        for (String w : List.of("10s", "Spark streams words", "ops@example.org", "2026-11-29T17:00Z", "local[2]")) {
            assertFalse(DocCommandCheck.isPlaceholder(w), w);
        }
    }
}

package io.wordstream.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.testsupport.DocCommand;
import io.wordstream.testsupport.DocCommandCheck;
import io.wordstream.testsupport.DocCommands;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every wordstream command line of README.md and docs/*.md is a real command with real options: each is parsed with
 * the console's own picocli model, as {@code Main} would, and not run. What counts as a command line, and which
 * placeholders pass, is said in {@link DocCommands} and {@link DocCommandCheck}. {@code bench} and {@code soak} run
 * in the bench module's JVM, with options the console does not know: BenchCommandTest and SoakCommandTest check
 * their lines with the bench module's models.
 */
class DocCommandLinesTest {
    private static final Path HOME = Path.of(System.getProperty("wordstream.home"));
    private static final Set<String> OWN_JVM = Set.of("bench", "soak");

    private static List<String> problems(Path home) {
        List<DocCommand> console = DocCommands.in(home).stream()
                .filter(c -> !OWN_JVM.contains(c.launcherCommand())).toList();
        return DocCommandCheck.problems(console, c -> List.of(Cli.arguments(c.args().toArray(new String[0]), false)),
                DocCommandLinesTest::model);
    }

    private static CommandLine model() {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        return Cli.create(new ConfigDefaults(Map.of()), nowhere, nowhere);
    }

    @Test
    void everyCommandLineOfTheDocsParses() {
        List<DocCommand> all = DocCommands.in(HOME);
        assertTrue(all.size() >= 60, "the docs' command lines were found: " + all.size());
        List<String> problems = problems(HOME);
        assertTrue(problems.isEmpty(), "command lines in the docs that wordstream would refuse:\n"
                + String.join("\n", problems));
    }

    @Test
    void aMadeUpOptionOrCommandIsNamedWithItsFileAndLine(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("README.md"), "# x\n```bash\n./wordstream run \\\n  --made-up 3\n```\n");
        Files.createDirectories(home.resolve("docs"));
        Files.writeString(home.resolve("docs/a.md"), "Then `wordstream sendd hello` and `wordstream --windw 5s`.\n");
        List<String> problems = problems(home);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("README.md:3: `./wordstream run --made-up 3`: Unknown option:"
                + " '--made-up'"), problems.get(0));
        assertTrue(problems.get(1).startsWith("docs/a.md:1: `wordstream sendd hello`: Unmatched argument at index 0:"
                + " 'sendd' (did you mean send"), problems.get(1));
        assertEquals("docs/a.md:1: `wordstream --windw 5s`: Unknown option: '--windw' (did you mean --window?)",
                problems.get(2));
    }
}

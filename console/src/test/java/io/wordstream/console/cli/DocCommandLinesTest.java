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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * README's option tables: every option a row of "Options of run and console" names is an option of run or of the
     * console, and every option a row of "Options of send and watch" names is one of that row's command.
     */
    @Test
    void everyOptionOfTheReadmeTablesIsOneOfItsCommand() throws Exception {
        CommandLine root = model();
        Pattern option = Pattern.compile("`(--[a-z0-9-]+)");
        List<String> lines = Files.readAllLines(HOME.resolve("README.md"));
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (int n = 0; n < lines.size(); n++) {
            String[] cells = lines.get(n).split("(?<!\\\\)\\|");
            String first = cells.length > 2 ? cells[1].strip() : "";
            List<String> commands = first.startsWith("`--") ? List.of("run", "console")
                    : first.matches("`(send|watch)`") ? List.of(first.replace("`", "")) : List.of();
            Matcher m = option.matcher(first.startsWith("`--") ? first : commands.isEmpty() ? "" : cells[2]);
            while (m.find()) {
                checked++;
                String name = m.group(1);
                if (commands.stream().allMatch(c -> root.getSubcommands().get(c).getCommandSpec().findOption(name)
                        == null)) {
                    wrong.add("README.md:" + (n + 1) + ": " + name + " is not an option of "
                            + String.join(" or ", commands));
                }
            }
        }
        assertTrue(checked >= 40, "the options of README's tables were found: " + checked);
        assertEquals(List.of(), wrong);
    }
}

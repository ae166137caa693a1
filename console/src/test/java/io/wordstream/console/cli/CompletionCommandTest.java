package io.wordstream.console.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script, sourced by a real bash and asked what a Tab completes, as bash asks it. */
class CompletionCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.create(new ConfigDefaults(Map.of()), new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }

    /** What the script offers for the words typed so far, the last one being completed, one per line. */
    private List<String> complete(Path script, String... words) throws IOException, InterruptedException {
        String typed = String.join(" ", words);
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w).append('\'');
        }
        String bash = "source '" + script + "'\n"
                + "complete -p wordstream > /dev/null || exit 3\n"
                + "COMP_WORDS=(" + array + " ); COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE='" + typed + "'; COMP_POINT=${#COMP_LINE}\n"
                + "$(complete -p wordstream | sed -E 's/.*-F ([^ ]+).*/\\1/') wordstream\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Path errors = dir.resolve("bash.err");
        Process p = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", bash)
                .redirectError(errors.toFile()).start();
        String answer = new String(p.getInputStream().readAllBytes(), UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), answer + Files.readString(errors));
        // Called here, not from a Tab, the script's compopt says so; bash says nothing else.
        assertTrue(Files.readAllLines(errors).stream().allMatch(l -> l.endsWith(
                "compopt: not currently executing completion function")), Files.readString(errors));
        return answer.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private Path script(String shell) throws IOException {
        out.getBuffer().setLength(0);
        assertEquals(0, run("completion", shell), err.toString());
        return Files.writeString(dir.resolve("wordstream." + shell), out.toString());
    }

    @Test
    void bashCompletesACommandAndAnOptionOfIt() throws Exception {
        Path script = script("bash");
        assertEquals(List.of("run"), complete(script, "wordstream", "ru"));
        assertEquals(List.of("watch", "worker"), complete(script, "wordstream", "w").stream().sorted().toList());
        assertEquals(List.of("--broker-port"), complete(script, "wordstream", "run", "--broker-p"));
        assertTrue(complete(script, "wordstream", "worker", "--").contains("--cores"));
        assertEquals(List.of("bash"), complete(script, "wordstream", "completion", "b"));
    }

    @Test
    void theZshScriptIsTheSameScriptWhichLoadsZshsBashCompletion() throws Exception {
        String bash = Files.readString(script("bash"));
        String zsh = Files.readString(script("zsh"));
        assertTrue(zsh.endsWith(bash), "one script for both shells");
        assertTrue(zsh.contains("autoload -U +X bashcompinit && bashcompinit"), zsh);
        assertEquals(List.of("--broker-port"), complete(script("zsh"), "wordstream", "run", "--broker-p"),
                "bash reads it too");
    }

    @Test
    void anotherShellIsNamedInOneLine() {
        assertEquals(2, run("completion", "fish"));
        assertEquals("wordstream completion: completion takes bash or zsh, not 'fish' (see 'wordstream completion"
                + " --help')", err.toString().strip());
    }
}

package io.wordstream.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocCommandsTest {
    private static List<String> found(String... markdown) {
        return DocCommands.in("doc.md", List.of(markdown)).stream().map(c -> c.line() + " " + c.args()).toList();
    }

    @Test
    void inlineCodeThatStartsWithTheProgramIsACommandAndAMessageIsNot() {
        assertEquals(List.of("1 [run, --window, 20s]", "1 []", "2 [report, --format, csv]"), found(
                "Run `./wordstream run --window 20s`, or `wordstream` alone; `wordstream send: line 3` is a message.",
                "| `wordstream report --format csv\\|json` | a pipe in a table | `--no-program` |"));
    }

    @Test
    void shellBlocksAreReadLikeAShellWouldUnmarkedOnesForTheSourceLauncherAndOthersNot() {
        assertEquals(List.of("3 [broker, --new-cluster-id]", "4 [send]", "5 [run, --bootstrap-server, A:9092,"
                        + " --master, spark://A:7077]", "7 [watch, --json]", "7 [--version]",
                "8 [send, two words, it's]", "15 [watch]"),
                found("text",
                        "```bash",
                        "export ID=\"$(./wordstream broker --new-cluster-id)\"   # a comment: ./wordstream --nope",
                        "echo hi | ./wordstream send > out.txt 2>&1",
                        "./wordstream run --bootstrap-server A:9092 \\",
                        "  --master spark://A:7077",
                        "WORDSTREAM_BROKER_PORT=9093 bin/wordstream watch --json"
                                + " && wordstream-1/bin/wordstream --version",
                        "wordstream send \"two words\" 'it'\\''s' &",
                        "```",
                        "```properties",
                        "from=wordstream <reports@example.org>",
                        "```",
                        "```",
                        "wordstream          12.3      15.7   (output)",
                        "./wordstream watch",
                        "```",
                        "```text",
                        "wordstream run --not-read",
                        "```"));
    }

    @Test
    void aContinuedLineIsOneCommandAtTheLineItStartsOn() {
        assertEquals(List.of(new DocCommand("doc.md", 2, "./wordstream run --window 20s --slide 5s",
                        List.of("run", "--window", "20s", "--slide", "5s"))),
                DocCommands.in("doc.md", List.of("```bash", "./wordstream run \\", "    --window 20s  \\",
                        "  --slide 5s", "```")));
    }

    @Test
    void anAnglePlaceholderIsOneWordAndADataDirIsNotTheProgram() {
        assertEquals(List.of("1 [report, --output, DATA_DIR/r.pdf]", "2 [run, --data-dir, /var/lib/wordstream]"),
                found("`wordstream report --output <data-dir>/r.pdf`",
                        "`./wordstream run --data-dir /var/lib/wordstream`"));
    }
}

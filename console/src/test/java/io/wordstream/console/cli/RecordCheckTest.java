package io.wordstream.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lines 'send' refuses are those the job would reject: JSON without the text field, or not JSON at all. */
class RecordCheckTest {
    @Test
    void sentencesAndJsonWithTheTextFieldPass() {
        assertEquals(Optional.empty(), RecordCheck.problem("plain words { and braces }", "resumo"));
        assertEquals(Optional.empty(), RecordCheck.problem("  {\"resumo\": \"Sentenças em português\"}", "resumo"));
        assertEquals(Optional.empty(), RecordCheck.problem("{\"text\": \"x\", \"n\": 1}", "text"));
    }

    @Test
    void jsonTheJobWouldRejectIsNamed() {
        assertEquals(Optional.of("it starts with '{' but is not valid JSON"),
                RecordCheck.problem("{\"resumo\": \"unterminated", "resumo"));
        assertEquals(Optional.of("the JSON object has no string field \"resumo\""),
                RecordCheck.problem("{\"summary\": \"wrong field\"}", "resumo"));
        assertEquals(Optional.of("the JSON object has no string field \"resumo\""),
                RecordCheck.problem("{\"resumo\": 42}", "resumo"));
        assertEquals(Optional.of("the JSON field \"resumo\" is blank"),
                RecordCheck.problem("{\"resumo\": \"  \"}", "resumo"));
    }
}

package io.wordstream.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.common.JobConfig;
import io.wordstream.console.errors.UserError;
import io.wordstream.console.settings.Settings;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResetConfirmationTest {
    private final StringWriter prompt = new StringWriter();

    private static Settings settings(JobConfig.Source source) {
        return Settings.builder().dataDir(Path.of("/data")).source(source).build();
    }

    private static InputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private void confirm(String answer) {
        ResetConfirmation.require(settings(JobConfig.Source.KAFKA), input(answer), new PrintWriter(prompt));
    }

    @Test
    void yesGoesOnAfterNamingWhatIsDeleted() {
        confirm("yes\n");
        assertTrue(prompt.toString().startsWith("wordstream: --reset deletes the checkpoint /data/checkpoint and the"
                + " results topic 'wordcounts' on 127.0.0.1:9092;"), prompt.toString());
        confirm(" YES \n");
    }

    @Test
    void anythingElseDeletesNothing() {
        for (String answer : List.of("no\n", "y\n", "\n", "")) {
            UserError e = assertThrows(UserError.class, () -> confirm(answer), answer);
            assertEquals("nothing was reset or deleted: --reset goes on only when yes is typed", e.getMessage());
        }
    }

    @Test
    void theSocketSourceHasNothingToReset() {
        UserError e = assertThrows(UserError.class, () -> ResetConfirmation.require(
                settings(JobConfig.Source.SOCKET), input("yes\n"), new PrintWriter(prompt)));
        assertTrue(e.getMessage().startsWith("--reset has nothing to reset with --source socket"), e.getMessage());
        assertEquals("", prompt.toString(), "no question asked");
    }

    @Test
    void theAnswerIsReadWithoutTakingTheLinesAfterIt() {
        InputStream in = input("yes\nthe next line\n");
        assertEquals("yes", ResetConfirmation.readLine(in));
        assertEquals("the next line", ResetConfirmation.readLine(in));
        assertEquals(null, ResetConfirmation.readLine(in));
    }
}

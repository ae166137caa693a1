package io.wordstream.console.cli;

import io.wordstream.common.JobConfig;
import io.wordstream.console.errors.UserError;
import io.wordstream.console.settings.Settings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** {@code --reset} deletes counts: it names what it deletes and goes on only when the operator types yes. */
final class ResetConfirmation {
    private ResetConfirmation() {
    }

    /**
     * Asks on {@code err} and reads one line of {@code in}.
     *
     * @throws UserError when the answer is not yes, or the socket source (whose checkpoint lasts one run) is used
     */
    static void require(Settings settings, InputStream in, PrintWriter err) {
        if (settings.source() != JobConfig.Source.KAFKA) {
            throw new UserError("--reset has nothing to reset with --source socket: its checkpoint lasts one run;"
                    + " leave --reset out");
        }
        err.print("wordstream: --reset deletes the checkpoint " + settings.checkpointDir() + " and the results topic '"
                + settings.resultsTopic() + "' on " + settings.bootstrap() + "; the input topics stay and are counted"
                + " again from their start. Type yes to go on: ");
        err.flush();
        String answer = readLine(in);
        if (answer == null || !answer.trim().equalsIgnoreCase("yes")) {
            throw new UserError("nothing was reset or deleted: --reset goes on only when yes is typed");
        }
    }

    /** One line, read byte by byte so that nothing after it is taken from whoever reads standard input next. */
    static String readLine(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
                }
                line.write(b);
            }
        } catch (IOException e) {
            return null;
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}

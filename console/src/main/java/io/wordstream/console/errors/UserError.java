package io.wordstream.console.errors;

/**
 * A problem the operator can fix, with a message that says what is wrong and what to do. The CLI prints the
 * message as one line and exits with status 2; it never shows a stack trace for it.
 */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }
}

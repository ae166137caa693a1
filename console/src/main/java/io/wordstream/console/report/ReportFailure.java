package io.wordstream.console.report;

/** A report could not be read or sent for a reason outside the operator's input; the message is one line. */
public class ReportFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReportFailure(String message) {
        super(message);
    }

    public ReportFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.wordstream.console.errors;

/**
 * The pipeline itself failed (the job did not start in time, failed, or kept ending; the broker did not come
 * back; a report could not be read or mailed): nothing the operator typed was wrong. The CLI prints the message as
 * one line and exits with status 1.
 */
public class PipelineFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PipelineFailure(String message) {
        super(message);
    }

    public PipelineFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.wordstream.console.gateway;

/** A request the gateway refuses, with the HTTP status and the one-line reason it answers with. */
final class HttpProblem extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    HttpProblem(int status, String reason) {
        super(reason);
        this.status = status;
    }

    int status() {
        return status;
    }
}

package io.wordstream.console.report;

import io.wordstream.console.errors.PipelineFailure;

/** A mail was not sent; the message is one line naming the server and the reason. */
public class MailFailure extends PipelineFailure {
    private static final long serialVersionUID = 1L;
    private final boolean loginRefused;

    public MailFailure(String message, boolean loginRefused, Throwable cause) {
        super(message, cause);
        this.loginRefused = loginRefused;
    }

    /** True when the server refused the login: the operator's mail settings need a change. */
    public boolean loginRefused() {
        return loginRefused;
    }
}

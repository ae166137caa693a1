package io.wordstream.console.session;

/** Receives a {@link Supervisor}'s events, in order per source, from the supervisor's and the clients' threads. */
@FunctionalInterface
public interface SessionListener {
    void onEvent(SessionEvent event);
}

package io.wordstream.console.session;

/** Receives a {@link Supervisor}'s events; called from the supervisor's and the clients' threads, in order per source. */
@FunctionalInterface
public interface SessionListener {
    void onEvent(SessionEvent event);
}

package io.wordstream.console.session;

import io.wordstream.console.launch.LineServer;
import io.wordstream.console.launch.LocalCluster;

/**
 * What a screen drives: a pipeline's session, whether it owns the processes ({@link Supervisor}) or only follows
 * the topics of one that runs elsewhere ({@link AttachedSession}). Progress arrives as {@link SessionEvent}s.
 */
public interface Session {
    /** Starts the session; returns at once. */
    Session start();

    /** Asks for the job to be launched again from its checkpoint. */
    void restartJob();

    /** Stops what the session owns and returns once it is stopped; safe to call twice. */
    void stop();

    /** The socket served for the socket source, or null. */
    LineServer lineServer();

    /** How the session has ended so far. */
    Supervisor.Outcome outcome();

    /** Asks for one more worker of the local cluster; a session that started none has nothing to add to. */
    default void addWorker() {
        // no local cluster
    }

    /** Asks for the local cluster's newest worker to stop; a session that started none has nothing to stop. */
    default void stopWorker() {
        // no local cluster
    }

    /** The local Spark cluster this session started, or null. */
    default LocalCluster cluster() {
        return null;
    }
}

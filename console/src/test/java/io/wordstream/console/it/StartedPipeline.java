package io.wordstream.console.it;

import io.wordstream.console.launch.BrokerProcess;
import io.wordstream.console.launch.LineServer;
import io.wordstream.console.launch.LocalCluster;
import io.wordstream.console.session.SessionEvent;
import io.wordstream.console.session.Supervisor;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

/** A pipeline started through the supervisor, as 'run' starts it, for tests that need its handles. */
final class StartedPipeline implements AutoCloseable {
    private final Supervisor supervisor;
    private final String readyLine;
    private final List<String> steps;

    private StartedPipeline(Supervisor supervisor, String readyLine, List<String> steps) {
        this.supervisor = supervisor;
        this.readyLine = readyLine;
        this.steps = steps;
    }

    /**
     * Starts the pipeline and returns once it is ready.
     *
     * @throws RuntimeException the start's failure, as 'run' would report it
     */
    static StartedPipeline start(Settings settings) throws InterruptedException {
        List<String> steps = new CopyOnWriteArrayList<>();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Supervisor supervisor = new Supervisor(settings, Install.current(), event -> {
            if (event instanceof SessionEvent.Step || event instanceof SessionEvent.Stopped) {
                steps.add(event.line());
            } else if (event instanceof SessionEvent.Ready) {
                ready.complete(event.line());
            } else if (event instanceof SessionEvent.StartFailed) {
                ready.complete(null);
            }
        }, false, false);
        supervisor.start();
        try {
            String line = ready.get();
            if (line == null) {
                supervisor.stop();
                throw supervisor.outcome().failure();
            }
            return new StartedPipeline(supervisor, line, steps);
        } catch (ExecutionException e) {
            supervisor.stop();
            throw new IllegalStateException(e.getCause());
        }
    }

    String readyLine() {
        return readyLine;
    }

    /** The lines of the start-up and shutdown steps, in order. */
    List<String> steps() {
        return steps;
    }

    Settings settings() {
        return supervisor.settings();
    }

    Supervisor supervisor() {
        return supervisor;
    }

    BrokerProcess broker() {
        return supervisor.broker();
    }

    ProcessHandle driver() {
        return supervisor.job().current().driver().orElseThrow();
    }

    String appId() {
        return supervisor.job().current().appId();
    }

    LocalCluster cluster() {
        return supervisor.cluster();
    }

    LineServer lineServer() {
        return supervisor.lineServer();
    }

    @Override
    public void close() {
        supervisor.stop();
    }
}

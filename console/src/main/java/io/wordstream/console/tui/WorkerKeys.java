package io.wordstream.console.tui;

import io.wordstream.console.model.PipelineStatus;

/**
 * The keys-mode keys {@code w} and {@code W}: add a worker to the local cluster, or stop its newest one. They say
 * on the feedback line why nothing happens: no local cluster, a pipeline not running, or the last worker.
 */
final class WorkerKeys {
    private WorkerKeys() {
    }

    static void add(PipelineStatus status, ViewState view, ConsoleController.Backend backend) {
        if (refused(status, view)) {
            return;
        }
        view.say(ViewState.Tone.INFO, "adding a Spark worker (now " + status.workers() + ")...");
        backend.addWorker();
    }

    static void stop(PipelineStatus status, ViewState view, ConsoleController.Backend backend) {
        if (refused(status, view)) {
            return;
        }
        if (status.workers() <= 1) {
            view.say(ViewState.Tone.WARN, "the last Spark worker stays: the job needs one (press w to add a worker)");
            return;
        }
        view.say(ViewState.Tone.INFO, "stopping the newest of " + status.workers() + " Spark workers...");
        backend.stopWorker();
    }

    private static boolean refused(PipelineStatus status, ViewState view) {
        if (status.workers() < 0) {
            view.say(ViewState.Tone.WARN, "w and W add and stop Spark workers only under --local-cluster N");
            return true;
        }
        if (status.phase() != PipelineStatus.Phase.RUNNING) {
            view.say(ViewState.Tone.WARN, "the pipeline is not running: no worker is added or stopped now");
            return true;
        }
        return false;
    }
}

package io.wordstream.console.tui;

import io.wordstream.common.PipelineSettings;
import io.wordstream.console.model.ClusterState;
import io.wordstream.console.model.PipelineStatus;
import io.wordstream.console.model.WindowCounts;
import java.util.List;

/**
 * Everything one drawing of the screen shows, read on the UI thread.
 *
 * @param counts        the window counts
 * @param status        the pipeline's state and metrics
 * @param view          the operator's choices and input
 * @param pipeline      what the job counts, for the letters and lengths to show even at zero
 * @param logs          the log pane's sources, each a name and its last lines (empty when the pane is hidden)
 * @param historyLoaded true once the results topic's history has been read
 * @param now           {@code System.nanoTime()} of this drawing, for spinners and elapsed times
 * @param cluster       the cluster under the pipeline, for the cluster view and the status area
 * @param help          the help's lines, shown while {@link ViewState#help} is set
 */
record Frame(WindowCounts counts, PipelineStatus status, ViewState view, PipelineSettings pipeline,
             List<LogSource> logs, boolean historyLoaded, long now, ClusterState cluster,
             List<HelpView.Entry> help) {
    /** A log file's name and its last lines. */
    record LogSource(String name, List<String> lines) {
    }
}

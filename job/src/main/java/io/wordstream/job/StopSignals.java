package io.wordstream.job;

import io.wordstream.common.JobConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tells the job when to stop cleanly: when its stop file appears (the console's way to ask), or when the process
 * it watches has ended (so a console killed with SIGKILL does not leave a driver behind).
 */
final class StopSignals {
    private final Optional<Path> stopFile;
    private final long watchPid;

    StopSignals(JobConfig config) {
        this.stopFile = config.stopFileIfAny().map(Path::of);
        this.watchPid = config.watchPid();
    }

    /** Why the job should stop now, or empty to keep running. */
    Optional<String> reason() {
        if (stopFile.isPresent() && Files.exists(stopFile.get())) {
            return Optional.of("stop requested through " + stopFile.get());
        }
        if (watchPid > 0 && ProcessHandle.of(watchPid).map(p -> !p.isAlive()).orElse(true)) {
            return Optional.of("process " + watchPid + " that launched the job has ended");
        }
        return Optional.empty();
    }
}

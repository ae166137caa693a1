package io.wordstream.console.launch;

import io.wordstream.console.errors.UserError;
import io.wordstream.console.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Keeps a checkpoint and the settings its counts were made with together: refuses a mismatch, deletes both. */
public final class CheckpointGuard {
    private CheckpointGuard() {
    }

    /**
     * Refuses to resume a checkpoint made with other counting settings: Spark would carry on without a word and
     * mix the two in the same windows.
     */
    public static void requireFits(Settings settings) {
        Path checkpoint = settings.checkpointDir();
        CheckpointSettings.recorded(settings.dataDir(), checkpoint)
                .flatMap(recorded -> recorded.firstDifference(CheckpointSettings.of(settings)))
                .ifPresent(difference -> {
                    throw new UserError("the checkpoint in " + checkpoint + " was made with " + difference
                            + ": start with those settings to keep counting where it stopped, or add --reset to"
                            + " count again from the start (it asks before deleting anything)");
                });
    }

    /** Deletes the checkpoint and the settings recorded beside it, saying what it deleted. */
    public static void delete(Settings settings, Consumer<String> step) {
        Path checkpoint = settings.checkpointDir();
        if (Files.exists(checkpoint)) {
            Scratch.deleteTree(checkpoint);
            step.accept("deleted the checkpoint " + checkpoint);
        }
        Path recorded = settings.dataDir().resolve(CheckpointSettings.FILE);
        try {
            Files.deleteIfExists(recorded);
        } catch (IOException e) {
            throw new UserError("cannot delete " + recorded + ": " + e.getMessage());
        }
    }

    /** Records the settings of a checkpoint whose job has completed a batch with them. */
    public static void record(Settings settings) {
        CheckpointSettings.of(settings).write(settings.dataDir());
    }
}

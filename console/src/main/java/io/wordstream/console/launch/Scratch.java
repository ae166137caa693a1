package io.wordstream.console.launch;

import io.wordstream.console.errors.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Removes scratch directories of the console's own making; never used on anything that holds user data. */
public final class Scratch {
    private Scratch() {
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UserError("cannot clear " + dir + ": " + e.getMessage());
        }
    }
}

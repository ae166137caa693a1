package io.wordstream.common;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JVM for ClassDataRecordingTest: records when asked, as the broker and the driver do, and exits on a file. It
 * loads {@link Unlinked} without linking it, as a verifier loads the classes it checks against.
 */
final class RecordingJvm {
    private RecordingJvm() {
    }

    public static void main(String[] args) throws Exception {
        Class.forName(Unlinked.class.getName(), false, RecordingJvm.class.getClassLoader());
        ClassDataRecording.recordWhenAsked();
        Path stop = Path.of(args[0]);
        while (!Files.exists(stop)) {
            Thread.sleep(50);
        }
    }

    /** Loaded, never used: its initialiser must not run, and the archive must hold it. */
    static final class Unlinked {
        static {
            System.out.println("Unlinked was initialised");
        }

        private Unlinked() {
        }
    }
}

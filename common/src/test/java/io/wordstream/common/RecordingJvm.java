package io.wordstream.common;

import java.nio.file.Files;
import java.nio.file.Path;

/** A JVM for ClassDataRecordingTest: records when asked, as the broker and the driver do, and exits on a file. */
final class RecordingJvm {
    private RecordingJvm() {
    }

    public static void main(String[] args) throws Exception {
        ClassDataRecording.recordWhenAsked();
        Path stop = Path.of(args[0]);
        while (!Files.exists(stop)) {
            Thread.sleep(50);
        }
    }
}

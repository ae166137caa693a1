package io.wordstream.console.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessesTest {
    @Test
    void oneJvmRecordingItsArchiveIsNamedInTheSingular() {
        assertEquals("the Spark driver records its JVM class data for faster starts (first run after a build: a"
                + " pause of a few seconds)", Processes.recordingStep(List.of("the Spark driver")));
    }

    @Test
    void severalJvmsRecordingTheirArchivesAreNamedTogether() {
        assertEquals("the Kafka broker and the Spark driver record their JVM class data for faster starts (first run"
                + " after a build: a pause of a few seconds)",
                Processes.recordingStep(List.of("the Kafka broker", "the Spark driver")));
    }
}

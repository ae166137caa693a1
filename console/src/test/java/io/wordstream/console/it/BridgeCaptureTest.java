package io.wordstream.console.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BridgeCaptureTest {
    @TempDir
    Path dir;

    @Test
    void findsTextsAnywhereInALargeFileAlsoAcrossItsPieces() throws Exception {
        byte[] bytes = new byte[3 << 20];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 251);
        }
        // One text across the first piece's end (1 MiB), one near the file's end, one nowhere.
        put(bytes, (1 << 20) - 3, "spark");
        put(bytes, bytes.length - 7, "kafka");
        Path file = Files.write(dir.resolve("capture.pcap"), bytes);
        assertEquals(Set.of("spark", "kafka"), BridgeCapture.occurring(file, List.of("spark", "kafka", "broker")));
    }

    @Test
    void findsNothingInAFileWithoutTheTexts() throws Exception {
        Path file = Files.writeString(dir.resolve("capture.pcap"), "spar k kaf ka");
        assertEquals(Set.of(), BridgeCapture.occurring(file, List.of("spark", "kafka")));
    }

    private static void put(byte[] bytes, int at, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(t, 0, bytes, at, t.length);
    }
}

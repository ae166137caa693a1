package io.wordstream.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Resident memory of a process as the kernel keeps it: the peak (VmHWM), which no sampling can miss, and the
 * current size (VmRSS), to follow over time.
 */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    public static OptionalLong peakRssBytes(long pid) {
        try {
            return parseHwm(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    public static OptionalLong currentRssBytes(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc", Long.toString(pid), "status")), "VmRSS:");
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Sets the process's peak back to its current resident size (Linux's {@code clear_refs} value 5), so that
     * {@link #peakRssBytes} then holds the peak of what follows. Does nothing where that is not possible.
     */
    public static void resetPeak(long pid) {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // Not permitted or not Linux: the peak stays the process's whole life's.
        }
    }

    static OptionalLong parseHwm(String status) {
        return parse(status, "VmHWM:");
    }

    static OptionalLong parse(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field)) {
                String kb = line.substring(field.length()).replace("kB", "").strip();
                return OptionalLong.of(Long.parseLong(kb) * 1024);
            }
        }
        return OptionalLong.empty();
    }
}

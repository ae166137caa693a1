package io.wordstream.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Peak resident memory of a process, as the kernel keeps it (VmHWM): no sampling can miss the peak. */
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

    static OptionalLong parseHwm(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                String kb = line.substring("VmHWM:".length()).replace("kB", "").strip();
                return OptionalLong.of(Long.parseLong(kb) * 1024);
            }
        }
        return OptionalLong.empty();
    }
}

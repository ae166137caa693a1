package io.wordstream.console.it;

import io.wordstream.testsupport.Poll;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A packet capture of a bridge by the real tcpdump, every byte of every frame ({@code -s 0}), written as it comes
 * ({@code -U}); then parts of it picked with a tcpdump filter, and searched for texts that must not be in them.
 */
final class BridgeCapture implements AutoCloseable {
    private final Process tcpdump;
    private final Path file;
    private final Path log;

    private BridgeCapture(Process tcpdump, Path file, Path log) {
        this.tcpdump = tcpdump;
        this.file = file;
        this.log = log;
    }

    /** Starts capturing {@code bridge} into {@code file}, and returns once tcpdump listens. */
    static BridgeCapture start(String bridge, Path file) throws IOException {
        Path log = file.resolveSibling(file.getFileName() + ".log");
        // -Z root: tcpdump would otherwise drop to its own user, who cannot write into the test's directory.
        Process p = new ProcessBuilder("tcpdump", "-i", bridge, "-n", "-s", "0", "-U", "-Z", "root", "-w",
                file.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        BridgeCapture capture = new BridgeCapture(p, file, log);
        try {
            Poll.until(Duration.ofSeconds(20), capture::said, s -> s.contains("listening on")
                    || !p.isAlive(), "tcpdump to listen on " + bridge);
        } catch (AssertionError e) {
            capture.close();
            throw e;
        }
        if (!p.isAlive()) {
            throw new IOException("tcpdump did not start: " + capture.said());
        }
        return capture;
    }

    /** Stops the capture (tcpdump writes out what it holds on SIGTERM) and returns the file. */
    Path stop() throws IOException, InterruptedException {
        tcpdump.destroy();
        if (!tcpdump.waitFor(30, TimeUnit.SECONDS)) {
            tcpdump.destroyForcibly();
            throw new IOException("tcpdump did not stop: " + said());
        }
        return file;
    }

    /** The packets of the capture that {@code filter} (tcpdump's own syntax) selects, in a capture file of theirs. */
    Path select(String name, String filter) throws IOException, InterruptedException {
        Path out = file.resolveSibling(name + ".pcap");
        Process p = new ProcessBuilder("tcpdump", "-n", "-r", file.toString(), "-w", out.toString(), filter)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("tcpdump could not read " + file + " with filter " + filter);
        }
        return out;
    }

    /** Which of {@code texts} occur in {@code file}'s bytes, read in pieces (a capture can outgrow the heap). */
    static Set<String> occurring(Path file, List<String> texts) throws IOException {
        List<byte[]> needles = new ArrayList<>();
        int longest = 1;
        for (String t : texts) {
            byte[] b = t.getBytes(StandardCharsets.UTF_8);
            needles.add(b);
            longest = Math.max(longest, b.length);
        }
        Set<String> found = new LinkedHashSet<>();
        byte[] window = new byte[(1 << 20) + longest];
        int kept = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(window, kept, window.length - kept)) > 0) {
                int filled = kept + n;
                for (int i = 0; i < needles.size(); i++) {
                    if (indexOf(window, filled, needles.get(i)) >= 0) {
                        found.add(texts.get(i));
                    }
                }
                // The tail stays for the next piece, so a text across two pieces is still found.
                kept = Math.min(longest - 1, filled);
                System.arraycopy(window, filled - kept, window, 0, kept);
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, int length, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private String said() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        tcpdump.destroyForcibly();
    }
}

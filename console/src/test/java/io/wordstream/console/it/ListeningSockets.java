package io.wordstream.console.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The TCP sockets some processes listen on, as the kernel lists them (/proc/PID/fd and /proc/net/tcp, tcp6). */
final class ListeningSockets {
    private ListeningSockets() {
    }

    /** One listening socket: its local address in the kernel's hex form and its port. */
    record Listener(String hexAddress, int port) {
        boolean loopback() {
            return hexAddress.equals("0100007F") // 127.0.0.1
                    || hexAddress.equals("00000000000000000000000001000000") // ::1
                    || hexAddress.equals("0000000000000000FFFF00000100007F"); // ::ffff:127.0.0.1
        }
    }

    static List<Listener> of(List<ProcessHandle> processes) throws IOException {
        Set<String> inodes = new HashSet<>();
        for (ProcessHandle p : processes) {
            Path fds = Path.of("/proc", Long.toString(p.pid()), "fd");
            try (Stream<Path> links = Files.list(fds)) {
                for (Path fd : links.toList()) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(target.substring(8, target.length() - 1));
                        }
                    } catch (IOException ignored) {
                        // closed meanwhile
                    }
                }
            } catch (IOException ignored) {
                // the process ended meanwhile
            }
        }
        List<Listener> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                // f[1] local address:port, f[3] state (0A: listening), f[9] inode
                if (f.length > 9 && f[3].equals("0A") && inodes.contains(f[9])) {
                    String[] local = f[1].split(":");
                    listening.add(new Listener(local[0], Integer.parseInt(local[1], 16)));
                }
            }
        }
        return listening;
    }
}

package io.wordstream.console.launch;

import io.wordstream.console.errors.UserError;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Port checks done before starting a listener, so a busy port is reported in words rather than in a log. */
public final class Ports {
    private Ports() {
    }

    /** Fails with a message naming the way out when {@code port} on {@code host} is taken. */
    public static void requireFree(String host, int port, String whatToDo) {
        if (port < 1 || port > 65535) {
            throw new UserError("port " + port + " is not a TCP port (1-65535); " + whatToDo);
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new UserError("port " + port + " on " + host + " is already in use; " + whatToDo);
        }
    }

    /** True when {@code port} on {@code host} can be bound now. */
    public static boolean isFree(String host, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port that was free a moment ago on {@code host}. */
    public static int freePort(String host) {
        return freePorts(host, 1, Set.of()).get(0);
    }

    /**
     * {@code count} distinct ports that were free a moment ago, none of them in {@code taken}. They are held open
     * together while chosen: asked one at a time, the system may hand out the same port twice.
     */
    public static List<Integer> freePorts(String host, int count, Set<Integer> taken) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            while (ports.size() < count) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host));
                held.add(s);
                if (!taken.contains(s.getLocalPort())) {
                    ports.add(s.getLocalPort());
                }
            }
            return ports;
        } catch (IOException e) {
            throw new UserError("no free TCP port on " + host + ": " + e.getMessage());
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // released anyway when the process ends
                }
            }
        }
    }
}

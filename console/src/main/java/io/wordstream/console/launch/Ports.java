package io.wordstream.console.launch;

import io.wordstream.console.UserError;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

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

    /** A port that was free a moment ago on {@code host}. */
    public static int freePort(String host) {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UserError("no free TCP port on " + host + ": " + e.getMessage());
        }
    }
}

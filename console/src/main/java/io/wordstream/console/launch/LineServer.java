package io.wordstream.console.launch;

import io.wordstream.common.HostPort;
import io.wordstream.console.errors.UserError;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server on 127.0.0.1 that sends lines to whoever connects, as {@code nc -lk} does for the original: the
 * socket source of the Spark job connects here, so typed sentences reach the job without netcat. Lines sent while
 * nobody is connected wait (up to {@value #BACKLOG} of them) for the first connection.
 */
public final class LineServer implements AutoCloseable {
    static final int BACKLOG = 10_000;

    private final ServerSocket server;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final Deque<String> waiting = new ArrayDeque<>();
    private final Thread acceptor;

    private LineServer(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, "line-server");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    public static LineServer start() {
        try {
            return new LineServer(new ServerSocket(0, 8, InetAddress.getByAddress(new byte[] {127, 0, 0, 1})));
        } catch (IOException e) {
            throw new UserError("cannot serve a socket on 127.0.0.1: " + e.getMessage());
        }
    }

    public HostPort address() {
        return new HostPort("127.0.0.1", server.getLocalPort());
    }

    /** Sends one line to every connected client, or keeps it for the first one; newlines inside are spaces. */
    @SuppressWarnings("ModifyCollectionInEnhancedForLoop") // clients is copy-on-write: the loop sees a snapshot
    public synchronized void send(String line) {
        String clean = line.replace('\r', ' ').replace('\n', ' ');
        if (clients.isEmpty()) {
            if (waiting.size() >= BACKLOG) {
                waiting.removeFirst();
            }
            waiting.addLast(clean);
            return;
        }
        byte[] bytes = (clean + "\n").getBytes(StandardCharsets.UTF_8);
        for (Socket c : clients) {
            try {
                OutputStream out = c.getOutputStream();
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                clients.remove(c);
                closeQuietly(c);
            }
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket c = server.accept();
                synchronized (this) {
                    clients.add(c);
                    while (!waiting.isEmpty()) {
                        send(waiting.removeFirst());
                    }
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    public int connections() {
        return clients.size();
    }

    @Override
    public void close() {
        closeQuietly(server);
        clients.forEach(LineServer::closeQuietly);
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}

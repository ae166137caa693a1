package io.wordstream.console.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.wordstream.console.errors.UserError;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Serves a registry at {@code /metrics} in Prometheus' text format, with the Prometheus client's own HTTP server, on
 * the address the operator chose (loopback unless told otherwise).
 */
public final class MetricsEndpoint implements AutoCloseable {
    /** The JDK HTTP server's limits, which the client's server would set for the whole JVM (the gateway's too). */
    private static final String[] SERVER_LIMITS = {"sun.net.httpserver.maxReqTime", "sun.net.httpserver.maxRspTime"};

    private final HTTPServer server;
    private final ExecutorService threads;
    private final String host;

    private MetricsEndpoint(HTTPServer server, ExecutorService threads, String host) {
        this.server = server;
        this.threads = threads;
        this.host = host;
    }

    /**
     * Starts serving at once.
     *
     * @param host an address of this host; {@code 127.0.0.1} unless the operator named another
     * @param port the TCP port; 0 takes any free one
     * @throws UserError when the address is not one of this host's or the port is taken
     */
    public static MetricsEndpoint start(String host, int port, PrometheusRegistry registry) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--metrics-port takes a TCP port (1-65535, or 0 for any free one),"
                    + " got " + port);
        }
        // Left unset, the client's server would cut every long answer of this JVM's HTTP servers after 600 s: the
        // gateway's event streams included. -1 is the JDK's own "no limit".
        for (String limit : SERVER_LIMITS) {
            if (System.getProperty(limit) == null) {
                System.setProperty(limit, "-1");
            }
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UserError("--metrics-host " + host + " is not an address of this host; give one of its"
                    + " addresses, or leave it out for 127.0.0.1");
        }
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "metrics-http");
            t.setDaemon(true);
            return t;
        });
        try {
            HTTPServer server = HTTPServer.builder().inetAddress(address).port(port).registry(registry)
                    .executorService(threads).buildAndStart();
            return new MetricsEndpoint(server, threads, host);
        } catch (BindException e) {
            threads.shutdownNow();
            throw new UserError("cannot serve metrics on " + host + ":" + port + " (" + e.getMessage()
                    + "); choose another --metrics-port or --metrics-host");
        } catch (IOException e) {
            threads.shutdownNow();
            throw new UserError("cannot serve metrics on " + host + ":" + port + ": " + e.getMessage());
        }
    }

    /** Where Prometheus scrapes, {@code http://HOST:PORT/metrics}. */
    public URI uri() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + server.getPort() + "/metrics");
    }

    @Override
    public void close() {
        server.close();
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.wordstream.netns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Hosts made on this machine as Linux network namespaces on one bridge, for a test or a drill: each host has its own
 * address in a private /24 picked here and assigned by this class (never an address it did not make), and the root
 * namespace reaches them through the bridge's address. A process started {@linkplain #on on a host} shares the
 * filesystem, so a directory is a path every host reaches, like an NFS mount. Names are unique per run; {@link #close}
 * kills every process in them and removes everything, also after a failure. Needs root and {@code ip} (iproute2).
 */
public final class NetworkHosts implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String prefix;
    private final String subnet;
    private final int count;
    private final List<String> made = new ArrayList<>();
    private boolean bridgeMade;

    private NetworkHosts(String prefix, String subnet, int count) {
        this.prefix = prefix;
        this.subnet = subnet;
        this.count = count;
    }

    /** True when this process may make namespaces: root, with {@code ip} on the path. */
    public static boolean available() {
        try {
            return "0".equals(output(List.of("id", "-u")).strip()) && run(List.of("ip", "-V")) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Makes {@code count} hosts, numbered from 1, on a new bridge. */
    public static NetworkHosts create(int count) throws IOException {
        // ws + 5 hex digits: short enough for the 15-character limit of interface names, unique per run.
        String prefix = "ws" + String.format(Locale.ROOT, "%05x", RANDOM.nextInt(1 << 20));
        String subnet = freeSubnet();
        NetworkHosts hosts = new NetworkHosts(prefix, subnet, count);
        try {
            hosts.make();
            return hosts;
        } catch (IOException | RuntimeException e) {
            hosts.close();
            throw e;
        }
    }

    /** A 10.x.y.0/24 that no interface of this machine has an address in. */
    private static String freeSubnet() throws IOException {
        String addresses = output(List.of("ip", "-o", "-4", "address"));
        for (int attempt = 0; attempt < 100; attempt++) {
            String candidate = "10." + (200 + RANDOM.nextInt(50)) + "." + RANDOM.nextInt(256);
            if (!addresses.contains(" " + candidate + ".")) {
                return candidate;
            }
        }
        throw new IOException("no free 10.x.y.0/24 found for the test's hosts");
    }

    private void make() throws IOException {
        String bridge = prefix + "br";
        exec("ip", "link", "add", bridge, "type", "bridge");
        bridgeMade = true;
        exec("ip", "address", "add", rootAddress() + "/24", "dev", bridge);
        exec("ip", "link", "set", bridge, "up");
        for (int host = 1; host <= count; host++) {
            String ns = namespace(host);
            exec("ip", "netns", "add", ns);
            made.add(ns);
            String outside = outside(host);
            String inside = prefix + "p" + host;
            exec("ip", "link", "add", outside, "type", "veth", "peer", "name", inside);
            exec("ip", "link", "set", outside, "master", bridge);
            exec("ip", "link", "set", outside, "up");
            exec("ip", "link", "set", inside, "netns", ns);
            exec("ip", "-n", ns, "address", "add", address(host) + "/24", "dev", inside);
            exec("ip", "-n", ns, "link", "set", inside, "up");
            exec("ip", "-n", ns, "link", "set", "lo", "up");
        }
    }

    public String namespace(int host) {
        return prefix + "h" + host;
    }

    /** Host {@code host}'s address. */
    public String address(int host) {
        return subnet + "." + (1 + host);
    }

    /** The root namespace's address on the bridge: where processes not in any host run. */
    public String rootAddress() {
        return subnet + ".1";
    }

    /** The hosts' bridge, in the root namespace: a capture of it sees every packet between the hosts. */
    public String bridge() {
        return prefix + "br";
    }

    /** {@code command} as run on host {@code host}. */
    public List<String> on(int host, List<String> command) {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", namespace(host)));
        c.addAll(command);
        return c;
    }

    /** Every process running on host {@code host}. */
    public List<ProcessHandle> processes(int host) throws IOException {
        List<ProcessHandle> ps = new ArrayList<>();
        for (String line : output(List.of("ip", "netns", "pids", namespace(host))).split("\\s+")) {
            if (!line.isBlank()) {
                ProcessHandle.of(Long.parseLong(line.strip())).ifPresent(ps::add);
            }
        }
        return ps;
    }

    /** Loses host {@code host}: SIGKILL to every process on it, waiting until they are gone. */
    public void killEverything(int host) throws IOException {
        List<ProcessHandle> ps = processes(host);
        ps.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : ps) {
            p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> p).join();
        }
    }

    /**
     * Cuts host {@code host} off the bridge, as a machine that loses power: nothing it sends leaves it and nothing
     * reaches it, so its peers see no FIN or RST, only silence (then "no route to host" once their neighbour entry
     * for it expires). Its processes keep running until killed; {@link #reconnect} undoes it.
     */
    public void disconnect(int host) throws IOException {
        exec("ip", "link", "set", outside(host), "down");
    }

    /** Plugs host {@code host} back into the bridge. */
    public void reconnect(int host) throws IOException {
        exec("ip", "link", "set", outside(host), "up");
    }

    /** How many hosts there are, numbered from 1. */
    public int count() {
        return count;
    }

    /** The veth end on the bridge, in the root namespace. */
    private String outside(int host) {
        return prefix + "v" + host;
    }

    /** Kills whatever still runs on the hosts, removes the namespaces (their veths go with them) and the bridge. */
    @Override
    public void close() {
        for (int host = 1; host <= made.size(); host++) {
            try {
                killEverything(host);
            } catch (IOException | RuntimeException ignored) {
                // Removing the namespace below is what matters.
            }
        }
        for (String ns : made) {
            quietly("ip", "netns", "delete", ns);
        }
        // A veth whose peer never reached its namespace is still here.
        for (int host = 1; host <= count; host++) {
            quietly("ip", "link", "delete", outside(host));
        }
        if (bridgeMade) {
            quietly("ip", "link", "delete", prefix + "br");
        }
    }

    private static void exec(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (waitFor(p) != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + said.strip());
        }
    }

    private static void quietly(String... command) {
        try {
            run(List.of(command));
        } catch (IOException ignored) {
            // best effort: the rest is still removed
        }
    }

    private static int run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return waitFor(p);
    }

    private static String output(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        waitFor(p);
        return out;
    }

    private static int waitFor(Process p) throws IOException {
        try {
            if (!p.waitFor(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + p.info().commandLine().orElse("ip"));
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}

package io.wordstream.console.security;

import io.wordstream.console.errors.UserError;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one decision of how a command's links are secured. With a certs dir, they all are. Without one, a command
 * whose addresses are all on loopback runs as it always has; one that binds to or dials another address refuses to
 * start unless the operator said {@code --insecure}, which earns one warning line.
 */
public final class SecureMode {
    private SecureMode() {
    }

    /** What a link carries: a Kafka you secure yourself ({@code --kafka-config} with SSL) counts as secured. */
    public enum Link {
        KAFKA, SPARK, HTTP
    }

    /**
     * An address a command binds to or connects to.
     *
     * @param host   the address or host name
     * @param link   what goes over it
     * @param option the option that named it, for the messages
     */
    public record Endpoint(String host, Link link, String option) {
        @Override
        public String toString() {
            return host + " (" + option + ")";
        }
    }

    /**
     * What the operator asked for.
     *
     * @param certsDir             {@code --certs-dir}
     * @param insecure             {@code --insecure}
     * @param endpoints            every address the command binds to or connects to
     * @param kafkaSecuredByConfig the operator's own Kafka client file asks for TLS (SSL or SASL_SSL)
     * @param needs                what the command needs of a certs dir
     */
    public record Request(Optional<Path> certsDir, boolean insecure, List<Endpoint> endpoints,
                          boolean kafkaSecuredByConfig, CertsDir.Needs needs) {
        public Request {
            endpoints = List.copyOf(endpoints);
        }
    }

    /** The decision, and the warning line to print when it is to run in the clear. */
    public record Decision(ClusterSecurity security, Optional<String> warning) {
    }

    /** Decides; a refusal is one line naming the addresses and the two ways out. */
    public static Decision decide(Request request, Instant now) {
        if (request.certsDir().isPresent()) {
            if (request.insecure()) {
                throw new UserError("--certs-dir and --insecure contradict each other; give one of them");
            }
            return new Decision(ClusterSecurity.certs(CertsDir.read(request.certsDir().get(), request.needs(), now)),
                    Optional.empty());
        }
        List<Endpoint> exposed = request.endpoints().stream()
                .filter(e -> !(e.link() == Link.KAFKA && request.kafkaSecuredByConfig()))
                .filter(e -> !isLoopback(e.host()))
                .distinct()
                .toList();
        if (exposed.isEmpty()) {
            return new Decision(ClusterSecurity.loopback(), Optional.empty());
        }
        String named = exposed.stream().map(Endpoint::toString).collect(Collectors.joining(", "));
        if (!request.insecure()) {
            throw new UserError(named + (exposed.size() == 1 ? " is" : " are") + " off loopback, where anyone who"
                    + " reaches it gets in: give --certs-dir DIR (made with 'wordstream certs create-ca', see"
                    + " docs/security.md), or --insecure to run in the clear");
        }
        return new Decision(ClusterSecurity.insecure(), Optional.of("warning: --insecure: the links of " + named
                + " are neither encrypted nor authenticated; anyone who reaches them can read the counts and run"
                + " code on the workers"));
    }

    /** True for an address (or a name) of the loopback interface; a name that does not resolve is not. */
    public static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

package io.wordstream.console.roles;

import io.wordstream.console.errors.UserError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The voters of a KRaft quorum as {@code --controllers} lists them ({@code 1@A:9093,2@B:9093,3@C:9093}): every
 * node of the cluster, this one included, each with the address of its controller listener.
 *
 * @param voters the nodes, in the order given
 */
public record Controllers(List<Voter> voters) {
    private static final Pattern VOTER = Pattern.compile("(\\d+)@([^@:,\\s]+):(\\d{1,5})");

    /** One quorum member: its node id and controller address. */
    public record Voter(int id, String host, int port) {
        @Override
        public String toString() {
            return id + "@" + host + ":" + port;
        }
    }

    public Controllers {
        voters = List.copyOf(voters);
    }

    /** Parses {@code ID@HOST:PORT,...}; a malformed entry or a node id given twice is a bad option value. */
    public static Controllers parse(String text) {
        List<Voter> voters = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        for (String part : text.split(",", -1)) {
            Matcher m = VOTER.matcher(part.strip());
            if (!m.matches() || Integer.parseInt(m.group(3)) < 1 || Integer.parseInt(m.group(3)) > 65535) {
                throw new IllegalArgumentException("--controllers: '" + part.strip() + "' is not ID@HOST:PORT"
                        + " (for example 1@10.0.0.1:9093,2@10.0.0.2:9093,3@10.0.0.3:9093)");
            }
            Voter v = new Voter(Integer.parseInt(m.group(1)), m.group(2), Integer.parseInt(m.group(3)));
            if (!ids.add(v.id())) {
                throw new IllegalArgumentException("--controllers names node " + v.id() + " twice; give each node"
                        + " its own id");
            }
            voters.add(v);
        }
        return new Controllers(voters);
    }

    /** Fails with one line unless this node ({@code nodeId} at {@code host:controllerPort}) is one of the voters. */
    public void requireMember(int nodeId, String host, int controllerPort) {
        Voter self = voters.stream().filter(v -> v.id() == nodeId).findFirst().orElseThrow(() -> new UserError(
                "--controllers " + this + " does not include this node (--node-id " + nodeId + "); list every"
                        + " node as ID@HOST:PORT, this one as " + nodeId + "@" + host + ":" + controllerPort));
        if (!self.host().equals(host) || self.port() != controllerPort) {
            throw new UserError("--controllers gives node " + nodeId + " as " + self + ", but this node's controller"
                    + " listens on " + host + ":" + controllerPort + " (--host, --controller-port); make them agree");
        }
    }

    @Override
    public String toString() {
        return voters.stream().map(Voter::toString).collect(Collectors.joining(","));
    }
}

package io.wordstream.console.cli;

import io.wordstream.console.security.CertsTool;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wordstream certs}: the cluster CA, node and client certificates, as CockroachDB makes them. */
@Command(name = "certs", mixinStandardHelpOptions = true,
        description = {"Make the certificates that secure a cluster, into one --certs-dir of PEM files: ca.crt and"
                + " spark.secret for every host, node.crt and node.key for one host, client.NAME.crt and"
                + " client.NAME.key for a client. The CA's key stays at --ca-key, off the hosts.",
                "Copy the dir to each host and start every command there with --certs-dir DIR (docs/security.md)."})
final class CertsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every certs subcommand that writes takes. */
    static class Dir {
        @Option(names = "--certs-dir", paramLabel = "DIR", required = true,
                description = "The directory of the certificates (made mode 700).")
        Path certsDir;

        @Option(names = "--overwrite", description = "Replace files that exist (a host's new certificate).")
        boolean overwrite;

        CertsTool tool() {
            return new CertsTool(certsDir, overwrite);
        }
    }

    /** What a certificate signed by the CA takes besides the dir. */
    static final class Signing extends Dir {
        @Option(names = "--ca-key", paramLabel = "FILE", required = true, description = "The CA's key.")
        Path caKey;
    }

    @Command(name = "create-ca", mixinStandardHelpOptions = true,
            description = "Make the cluster's CA: ca.crt and the cluster's Spark secret in --certs-dir, the CA's key"
                    + " at --ca-key only.")
    int createCa(@Mixin Dir dir, @Option(names = "--ca-key", paramLabel = "FILE", required = true,
            description = "Where the CA's key goes (mode 600), outside --certs-dir.") Path caKey) {
        return print(dir.tool().createCa(caKey, Instant.now()));
    }

    @Command(name = "create-node", mixinStandardHelpOptions = true,
            description = "Make a host's node.crt and node.key, signed by the CA, naming each address and host"
                    + " name given: the host's listeners present it, and it is the host's identity towards the"
                    + " others.")
    int createNode(@Mixin Signing signing, @Parameters(paramLabel = "ADDR", arity = "1..*",
            description = "The host's addresses and names (127.0.0.1 for the embedded broker of 'run').")
            List<String> names) {
        return print(signing.tool().createNode(signing.caKey, names, Instant.now()));
    }

    @Command(name = "create-client", mixinStandardHelpOptions = true,
            description = "Make client.NAME.crt and client.NAME.key, signed by the CA: who a console, 'send' or"
                    + " 'watch' is to the brokers. A command uses the one client certificate of its --certs-dir, or"
                    + " the host's node.crt when there is none.")
    int createClient(@Mixin Signing signing,
                     @Parameters(paramLabel = "NAME", description = "The client's name: letters, digits, '.', '_'"
                             + " and '-'.") String name) {
        return print(signing.tool().createClient(signing.caKey, name, Instant.now()));
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Show each file of --certs-dir: certificates with their subject, names and expiry, keys"
                    + " and the secret with their mode.")
    int list(@Option(names = "--certs-dir", paramLabel = "DIR", required = true, description = "The certs dir.")
             Path certsDir) {
        return print(new CertsTool(certsDir, false).list());
    }

    private int print(List<String> lines) {
        PrintWriter out = spec.commandLine().getOut();
        lines.forEach(out::println);
        out.flush();
        return 0;
    }
}

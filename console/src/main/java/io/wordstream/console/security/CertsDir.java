package io.wordstream.console.security;

import io.wordstream.console.errors.UserError;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.util.IPAddress;

/**
 * Reads a certs dir once and checks what a command needs of it: each problem is one line that names the file and
 * the fix (another CA, expired, a node certificate that does not name this host, a key others can read, a missing
 * file). Nothing else reads a certs dir.
 */
public final class CertsDir {
    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final Path dir;
    private final Instant now;

    private CertsDir(Path dir, Instant now) {
        this.dir = dir;
        this.now = now;
    }

    /** An address this host's node certificate must name, and the option it came from, for the message. */
    public record HostName(String address, String option) {
    }

    /**
     * What a command needs of its certs dir.
     *
     * @param node        the addresses a node certificate must name; empty for a command that serves nothing
     * @param needsNode   whether the node certificate and key must be there
     * @param client      whether the command is a Kafka client (a client certificate, or the node's)
     * @param sparkSecret whether the command runs or talks to Spark
     */
    public record Needs(List<HostName> node, boolean needsNode, boolean client, boolean sparkSecret) {
        public Needs {
            node = List.copyOf(node);
        }

        public static Needs clientOnly() {
            return new Needs(List.of(), false, true, false);
        }
    }

    /** Reads and checks what {@code needs} asks of {@code dir}, as of {@code now}. */
    public static ClusterCredentials read(Path dir, Needs needs, Instant now) {
        return new CertsDir(dir.toAbsolutePath().normalize(), now).read(needs);
    }

    private ClusterCredentials read(Needs needs) {
        if (!Files.isDirectory(dir)) {
            throw new UserError("--certs-dir " + dir + " is not a directory; make one with 'wordstream certs"
                    + " create-ca --certs-dir " + dir + " --ca-key FILE', or copy the cluster's certs dir there");
        }
        Path caFile = dir.resolve(CertFiles.CA_CERT);
        X509Certificate ca = certificate(caFile, "copy the cluster's ca.crt there (made by 'wordstream certs"
                + " create-ca')");
        requireCurrent(caFile, ca, "the cluster needs a new CA and new certificates");
        Optional<TlsIdentity> node = Optional.empty();
        if (needs.needsNode() || !needs.node().isEmpty()) {
            TlsIdentity n = identity(CertFiles.NODE_CERT, ca, createNode(needs.node()));
            requireNames(n, needs.node());
            node = Optional.of(n);
        }
        Optional<TlsIdentity> client = Optional.empty();
        if (needs.client()) {
            client = Optional.of(clientIdentity(ca, node));
        }
        Optional<String> secret = needs.sparkSecret() ? Optional.of(sparkSecret()) : Optional.empty();
        return new ClusterCredentials(dir, ca, node, client, secret);
    }

    /** The one client certificate in the dir; without one, this host's node certificate; several are refused. */
    private TlsIdentity clientIdentity(X509Certificate ca, Optional<TlsIdentity> node) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "client.*.crt")) {
            files.forEach(f -> {
                String file = f.getFileName().toString();
                names.add(file.substring("client.".length(), file.length() - ".crt".length()));
            });
        } catch (IOException e) {
            throw new UserError("cannot list " + dir + " (" + e.getMessage() + "); check --certs-dir");
        }
        names.sort(null);
        if (names.size() > 1) {
            throw new UserError(dir + " holds client certificates for " + String.join(", ", names) + "; keep one"
                    + " client.NAME.crt and its key per certs dir: a command uses the one it finds");
        }
        if (names.size() == 1) {
            return identity(CertFiles.clientCert(names.get(0)), ca, "wordstream certs create-client --certs-dir "
                    + dir + " --ca-key FILE " + names.get(0));
        }
        if (node.isPresent()) {
            return node.get();
        }
        if (Files.exists(dir.resolve(CertFiles.NODE_CERT))) {
            return identity(CertFiles.NODE_CERT, ca, createNode(List.of()));
        }
        throw new UserError(dir + " holds no client certificate (client.NAME.crt) nor node.crt; make one with"
                + " 'wordstream certs create-client --certs-dir " + dir + " --ca-key FILE NAME'");
    }

    /** The command that makes this host's node certificate. */
    private String createNode(List<HostName> names) {
        String addresses = names.isEmpty() ? "ADDR..." : String.join(" ", names.stream().map(HostName::address)
                .toList());
        return "wordstream certs create-node --certs-dir " + dir + " --ca-key FILE " + addresses;
    }

    /**
     * A certificate signed by {@code ca}, current, with its key beside it, owner-only and matching.
     *
     * @param command the command that makes the certificate, for the messages
     */
    private TlsIdentity identity(String certName, X509Certificate ca, String command) {
        Path certFile = dir.resolve(certName);
        X509Certificate cert = certificate(certFile, "make it with '" + command + "'");
        try {
            cert.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new UserError(certFile + " was not signed by the CA in " + dir.resolve(CertFiles.CA_CERT)
                    + "; make it again with '" + command + "' and this cluster's CA key, or copy this cluster's"
                    + " ca.crt");
        }
        requireCurrent(certFile, cert, "make a new one with '" + command + "'");
        Path keyFile = dir.resolve(CertFiles.keyOf(certName));
        PrivateKey key = privateKey(keyFile, "copy it beside " + certName + ": the two were made together");
        if (!matches(key, cert)) {
            throw new UserError(keyFile + " is not the key of " + certFile + "; copy the key made with it, or make"
                    + " both again with '" + command + "'");
        }
        return new TlsIdentity(certFile, keyFile, cert, key);
    }

    private void requireNames(TlsIdentity node, List<HostName> required) {
        for (HostName h : required) {
            if (isWildcard(h.address())) {
                continue;
            }
            boolean named = node.names().stream().anyMatch(n -> sameName(n, h.address()));
            if (!named) {
                List<String> names = node.names();
                throw new UserError(node.certFile() + " names " + (names.isEmpty() ? "no address" : String.join(", ",
                        names)) + " but not " + h.address() + " (" + h.option() + "); make this host's with '"
                        + createNode(required) + "'");
            }
        }
    }

    private static boolean isWildcard(String address) {
        return address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]");
    }

    /** An IP name equals an address literal by value (::1 is 0:0:0:0:0:0:0:1); a DNS name by its letters. */
    static boolean sameName(String name, String address) {
        if (IPAddress.isValid(name) && IPAddress.isValid(address)) {
            try {
                return InetAddress.getByName(name).equals(InetAddress.getByName(address));
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return name.equalsIgnoreCase(address);
    }

    private void requireCurrent(Path file, X509Certificate cert, String renew) {
        if (now.isAfter(cert.getNotAfter().toInstant())) {
            throw new UserError(file + " expired on " + cert.getNotAfter().toInstant() + "; " + renew
                    + " (docs/security.md, rotating a certificate)");
        }
        if (now.isBefore(cert.getNotBefore().toInstant())) {
            throw new UserError(file + " is valid only from " + cert.getNotBefore().toInstant() + "; check this"
                    + " host's clock");
        }
    }

    private X509Certificate certificate(Path file, String remake) {
        String text = read(file, remake);
        try {
            List<X509Certificate> certs = Pem.certificates(text);
            if (certs.isEmpty()) {
                throw new UserError(file + " holds no PEM certificate; " + remake);
            }
            return certs.get(0);
        } catch (IOException e) {
            throw new UserError(file + " is not a readable PEM certificate (" + e.getMessage() + "); " + remake);
        }
    }

    private PrivateKey privateKey(Path file, String copy) {
        requireOwnerOnly(file, copy);
        try (Reader in = new StringReader(read(file, copy))) {
            return Pem.privateKey(in);
        } catch (IOException e) {
            throw new UserError(file + ": " + e.getMessage() + "; convert it with 'openssl pkcs8 -topk8 -nocrypt"
                    + " -in " + file + " -out " + file + ".pk8' and move that over it");
        }
    }

    private String sparkSecret() {
        Path file = dir.resolve(CertFiles.SPARK_SECRET);
        String copy = "copy spark.secret from the certs dir that 'wordstream certs create-ca' made";
        requireOwnerOnly(file, copy);
        String secret = read(file, copy).strip();
        if (secret.length() < 16) {
            throw new UserError(file + " holds no secret of at least 16 characters; " + copy);
        }
        return secret;
    }

    /** A secret's file must exist and be readable by its owner only. */
    static void requireOwnerOnly(Path file, String copy) {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.stream().anyMatch(OTHERS::contains)) {
                throw new UserError(file + " can be read by others (mode " + PosixFilePermissions.toString(mode)
                        + "); chmod 600 " + file);
            }
        } catch (NoSuchFileException e) {
            throw new UserError(file + " is missing; " + copy);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + " (" + e.getMessage() + "); " + copy);
        }
    }

    private static String read(Path file, String fix) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new UserError(file + " is missing; " + fix);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + " (" + e.getMessage() + "); " + fix);
        }
    }

    /** True when {@code key} is the private half of {@code cert}'s public key: it signs what the certificate checks. */
    static boolean matches(PrivateKey key, X509Certificate cert) {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> null;
        };
        if (algorithm == null || !key.getAlgorithm().equals(cert.getPublicKey().getAlgorithm())) {
            return false;
        }
        try {
            byte[] probe = "wordstream key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}

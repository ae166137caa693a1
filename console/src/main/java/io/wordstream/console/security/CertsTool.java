package io.wordstream.console.security;

import io.wordstream.console.errors.UserError;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bouncycastle.util.IPAddress;

/**
 * What {@code wordstream certs} does, as CockroachDB's {@code cert} commands do it: one dir of PEM files to copy to
 * the hosts, the CA key kept apart at {@code --ca-key}, keys unencrypted and owner-only.
 */
public final class CertsTool {
    private static final Pattern DNS_NAME = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"
            + "(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final boolean overwrite;

    /**
     * @param dir       the certs dir
     * @param overwrite whether existing files may be replaced (a new certificate for a host, when rotating)
     */
    public CertsTool(Path dir, boolean overwrite) {
        this.dir = dir.toAbsolutePath().normalize();
        this.overwrite = overwrite;
    }

    /** Makes the CA ({@code ca.crt} in the dir, its key at {@code caKey}) and the cluster's Spark secret. */
    public List<String> createCa(Path caKey, Instant now) {
        Path key = caKey.toAbsolutePath().normalize();
        if (key.getParent() != null && key.getParent().equals(dir)) {
            throw new UserError("--ca-key " + key + " is inside --certs-dir, which is copied to every host; keep"
                    + " the CA key elsewhere (for example ~/wordstream-ca.key)");
        }
        refuseExisting(key, "--ca-key");
        refuseExisting(dir.resolve(CertFiles.CA_CERT), "--certs-dir");
        refuseExisting(dir.resolve(CertFiles.SPARK_SECRET), "--certs-dir");
        CertificateAuthority ca = CertificateAuthority.create(now, CertificateAuthority.CA_LIFETIME);
        CertFiles.ownerOnlyDir(dir);
        if (key.getParent() != null && !Files.isDirectory(key.getParent())) {
            CertFiles.ownerOnlyDir(key.getParent());
        }
        CertFiles.writeSecret(key, Pem.privateKey(ca.key()), overwrite);
        CertFiles.writePublic(dir.resolve(CertFiles.CA_CERT), Pem.certificate(ca.certificate()), overwrite);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        CertFiles.writeSecret(dir.resolve(CertFiles.SPARK_SECRET),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n", overwrite);
        return List.of("wrote " + dir.resolve(CertFiles.CA_CERT) + " (expires " + DAY.format(
                ca.certificate().getNotAfter().toInstant()) + ") and " + dir.resolve(CertFiles.SPARK_SECRET),
                "wrote the CA key " + key + ": keep it off the cluster's hosts; it signs their certificates");
    }

    /** Makes this dir's node certificate and key, naming {@code names}. */
    public List<String> createNode(Path caKey, List<String> names, Instant now) {
        if (names.isEmpty()) {
            throw new UserError("give the host's addresses and names, for example 'wordstream certs create-node"
                    + " --certs-dir " + dir + " --ca-key FILE 10.0.0.1 kafka1.example.com'");
        }
        for (String n : names) {
            if (!IPAddress.isValid(n) && !DNS_NAME.matcher(n).matches()) {
                throw new UserError("'" + n + "' is neither an IP address nor a host name; give addresses without"
                        + " ports (10.0.0.1, not 10.0.0.1:9092)");
            }
        }
        CertificateAuthority ca = authority(caKey);
        CertificateAuthority.Issued node = ca.issueNode(List.copyOf(names), now, CertificateAuthority.CERT_LIFETIME);
        write(CertFiles.NODE_CERT, node);
        return List.of("wrote " + dir.resolve(CertFiles.NODE_CERT) + " and " + dir.resolve(CertFiles.NODE_KEY)
                + " for " + String.join(", ", names) + " (expires " + DAY.format(
                node.certificate().getNotAfter().toInstant()) + ")");
    }

    /** Makes a client certificate and key for {@code name}. */
    public List<String> createClient(Path caKey, String name, Instant now) {
        if (!CertFiles.CLIENT_NAME.matcher(name).matches()) {
            throw new UserError("'" + name + "' cannot name a client: use letters, digits, '.', '_' and '-' (at most"
                    + " 64), for example 'operator'");
        }
        CertificateAuthority ca = authority(caKey);
        CertificateAuthority.Issued client = ca.issueClient(name, now, CertificateAuthority.CERT_LIFETIME);
        write(CertFiles.clientCert(name), client);
        return List.of("wrote " + dir.resolve(CertFiles.clientCert(name)) + " and "
                + dir.resolve(CertFiles.clientKey(name)) + " (expires " + DAY.format(
                client.certificate().getNotAfter().toInstant()) + ")");
    }

    /** Each file of the dir: certificates with their subject, names and expiry; keys and the secret with mode. */
    public List<String> list() {
        if (!Files.isDirectory(dir)) {
            throw new UserError("--certs-dir " + dir + " is not a directory; make one with 'wordstream certs"
                    + " create-ca --certs-dir " + dir + " --ca-key FILE'");
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> in = Files.newDirectoryStream(dir, p -> Files.isRegularFile(p)
                && !p.getFileName().toString().startsWith("."))) {
            in.forEach(files::add);
        } catch (IOException e) {
            throw new UserError("cannot list " + dir + " (" + e.getMessage() + ")");
        }
        files.sort(null);
        List<String> lines = new ArrayList<>();
        for (Path f : files) {
            lines.add(describe(f));
        }
        if (lines.isEmpty()) {
            lines.add(dir + " is empty; make the CA with 'wordstream certs create-ca --certs-dir " + dir
                    + " --ca-key FILE'");
        }
        return lines;
    }

    private String describe(Path file) {
        String name = file.getFileName().toString();
        String mode;
        try {
            mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        } catch (IOException e) {
            mode = "?";
        }
        if (name.endsWith(".key") || name.equals(CertFiles.SPARK_SECRET)) {
            return row(name, name.endsWith(".key") ? "key" : "secret", "mode " + mode);
        }
        if (!name.endsWith(".crt")) {
            return row(name, "other", "not a file wordstream uses");
        }
        try {
            List<X509Certificate> certs = Pem.certificates(Files.readString(file, StandardCharsets.US_ASCII));
            if (certs.isEmpty()) {
                return row(name, "?", "holds no PEM certificate");
            }
            X509Certificate c = certs.get(0);
            String kind = name.equals(CertFiles.CA_CERT) ? "CA" : name.equals(CertFiles.NODE_CERT) ? "node"
                    : "client";
            List<String> names = TlsIdentity.Names.alternatives(c);
            return row(name, kind, c.getSubjectX500Principal().getName() + (names.isEmpty() ? ""
                    : "  names " + String.join(", ", names)) + "  expires " + DAY.format(
                    c.getNotAfter().toInstant()));
        } catch (IOException e) {
            return row(name, "?", "not a readable certificate: " + e.getMessage());
        }
    }

    private static String row(String file, String kind, String detail) {
        return String.format(Locale.ROOT, "%-22s %-7s %s", file, kind, detail);
    }

    private void write(String certName, CertificateAuthority.Issued issued) {
        Path cert = dir.resolve(certName);
        Path key = dir.resolve(CertFiles.keyOf(certName));
        refuseExisting(cert, "--certs-dir");
        refuseExisting(key, "--certs-dir");
        // The key first: a certificate never stands beside a key that is not its own.
        CertFiles.writeSecret(key, Pem.privateKey(issued.key()), overwrite);
        CertFiles.writePublic(cert, Pem.certificate(issued.certificate()), overwrite);
    }

    private void refuseExisting(Path file, String option) {
        if (!overwrite && Files.exists(file)) {
            throw new UserError(file + " exists (" + option + "); pass --overwrite to replace it, or choose another"
                    + " " + option);
        }
    }

    /** The CA of this dir, with its key from {@code caKey}: owner-only, and the key of {@code ca.crt}. */
    private CertificateAuthority authority(Path caKey) {
        Path caCert = dir.resolve(CertFiles.CA_CERT);
        if (!Files.isRegularFile(caCert)) {
            throw new UserError(caCert + " is missing; make the CA first with 'wordstream certs create-ca"
                    + " --certs-dir " + dir + " --ca-key " + caKey + "'");
        }
        String copy = "give the key that 'wordstream certs create-ca' wrote for " + caCert;
        CertsDir.requireOwnerOnly(caKey, copy);
        X509Certificate certificate;
        PrivateKey key;
        try (Reader in = new StringReader(Files.readString(caKey, StandardCharsets.US_ASCII))) {
            certificate = Pem.certificates(Files.readString(caCert, StandardCharsets.US_ASCII)).stream().findFirst()
                    .orElseThrow(() -> new IOException(caCert + " holds no certificate"));
            key = Pem.privateKey(in);
        } catch (IOException e) {
            throw new UserError("cannot read the CA from " + caCert + " and " + caKey + " (" + e.getMessage()
                    + "); " + copy);
        }
        if (!CertsDir.matches(key, certificate)) {
            throw new UserError(caKey + " is not the key of " + caCert + "; " + copy);
        }
        return new CertificateAuthority(certificate, key);
    }
}

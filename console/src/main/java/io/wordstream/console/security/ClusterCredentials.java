package io.wordstream.console.security;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * What one command read from its certs dir, checked, once: the cluster CA, this host's node identity and the client
 * identity where the command needs them, and the Spark secret. Everything that secures a link is built from it.
 */
public final class ClusterCredentials {
    private final Path dir;
    private final X509Certificate ca;
    private final Optional<TlsIdentity> node;
    private final Optional<TlsIdentity> client;
    private final Optional<String> sparkSecret;

    ClusterCredentials(Path dir, X509Certificate ca, Optional<TlsIdentity> node, Optional<TlsIdentity> client,
                       Optional<String> sparkSecret) {
        this.dir = dir;
        this.ca = ca;
        this.node = node;
        this.client = client;
        this.sparkSecret = sparkSecret;
    }

    public Path dir() {
        return dir;
    }

    public Path caFile() {
        return dir.resolve(CertFiles.CA_CERT);
    }

    public X509Certificate ca() {
        return ca;
    }

    String caPem() {
        return Pem.certificate(ca);
    }

    /** This host's node certificate and key, where the command serves a listener. */
    public Optional<TlsIdentity> node() {
        return node;
    }

    /** Who this command is to the brokers: a client certificate, or on a cluster host its node certificate. */
    public TlsIdentity client() {
        return client.orElseThrow(() -> new IllegalStateException("no client identity was asked of " + dir));
    }

    public boolean hasClient() {
        return client.isPresent();
    }

    /** The Spark secret, where the command runs or talks to Spark. */
    Optional<String> sparkSecret() {
        return sparkSecret;
    }

    public boolean hasSparkSecret() {
        return sparkSecret.isPresent();
    }

    @Override
    public String toString() {
        return "ClusterCredentials[" + dir + "]";
    }
}

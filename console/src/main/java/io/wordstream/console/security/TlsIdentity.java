package io.wordstream.console.security;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A certificate and its key, read from a certs dir and checked: who a host or a client is on a TLS link. Its text
 * never leaves through {@link #toString}.
 */
public final class TlsIdentity {
    private final Path certFile;
    private final Path keyFile;
    private final X509Certificate certificate;
    private final PrivateKey key;

    TlsIdentity(Path certFile, Path keyFile, X509Certificate certificate, PrivateKey key) {
        this.certFile = certFile;
        this.keyFile = keyFile;
        this.certificate = certificate;
        this.key = key;
    }

    public Path certFile() {
        return certFile;
    }

    public Path keyFile() {
        return keyFile;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    PrivateKey key() {
        return key;
    }

    /** The certificate as PEM text. */
    String certificatePem() {
        return Pem.certificate(certificate);
    }

    /** The key as unencrypted PKCS#8 PEM text, the form Kafka's inline settings take. */
    String keyPem() {
        return Pem.privateKey(key);
    }

    /** The subject's common name: {@code node}, or a client's name. */
    public String commonName() {
        return Names.commonName(certificate);
    }

    /** The subject alternative names: addresses and host names. */
    public List<String> names() {
        return Names.alternatives(certificate);
    }

    @Override
    public String toString() {
        return "TlsIdentity[" + certFile + "]";
    }

    /** Reading the names of a certificate. */
    static final class Names {
        private static final int DNS = 2;
        private static final int IP = 7;

        private Names() {
        }

        static String commonName(X509Certificate c) {
            String dn = c.getSubjectX500Principal().getName();
            for (String part : dn.split(",")) {
                if (part.startsWith("CN=")) {
                    return part.substring(3);
                }
            }
            return dn;
        }

        static List<String> alternatives(X509Certificate c) {
            List<String> names = new ArrayList<>();
            try {
                Collection<List<?>> all = c.getSubjectAlternativeNames();
                if (all != null) {
                    for (List<?> entry : all) {
                        int type = (Integer) entry.get(0);
                        if (type == DNS || type == IP) {
                            names.add(String.valueOf(entry.get(1)));
                        }
                    }
                }
            } catch (CertificateParsingException e) {
                // A certificate whose names cannot be read names nothing.
            }
            return names;
        }
    }
}

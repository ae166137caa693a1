package io.wordstream.console.security;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** JDK TLS contexts made from a certs dir: the gateway's HTTPS server, and a client of a Spark UI served over TLS. */
public final class TlsContexts {
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private TlsContexts() {
    }

    /** A server that presents {@code identity} and asks nothing of its clients (the gateway's browsers). */
    public static SSLContext server(TlsIdentity identity) {
        return context(identity, null);
    }

    /** A client that presents its client identity and trusts servers of the cluster's CA only. */
    public static SSLContext client(ClusterCredentials credentials) {
        return context(credentials.client(), credentials);
    }

    /** A server that presents {@code identity} and asks its clients for a certificate of the cluster's CA. */
    public static SSLContext mutual(TlsIdentity identity, ClusterCredentials credentials) {
        return context(identity, credentials);
    }

    /** A client that trusts servers of the cluster's CA and has no certificate to show. */
    public static SSLContext trusting(ClusterCredentials credentials) {
        return context(null, credentials);
    }

    /** A key store holding {@code identity} under {@code password}, as JCA and Jetty take it. */
    static KeyStore keyStore(TlsIdentity identity, char[] password) throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot make an empty key store", e);
        }
        ks.setKeyEntry("wordstream", identity.key(), password, new Certificate[] {identity.certificate()});
        return ks;
    }

    /** A trust store holding the cluster's CA only. */
    static KeyStore trustStore(ClusterCredentials credentials) throws GeneralSecurityException {
        KeyStore ts = KeyStore.getInstance("PKCS12");
        try {
            ts.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot make an empty trust store", e);
        }
        ts.setCertificateEntry("wordstream-ca", credentials.ca());
        return ts;
    }

    private static SSLContext context(TlsIdentity identity, ClusterCredentials trust) {
        try {
            KeyManagerFactory keys = null;
            if (identity != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(keyStore(identity, IN_MEMORY), IN_MEMORY);
            }
            TrustManagerFactory trusted = null;
            if (trust != null) {
                trusted = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trusted.init(trustStore(trust));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trusted == null ? null
                    : trusted.getTrustManagers(),
                    new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a TLS context from " + (identity == null ? trust
                    : identity), e);
        }
    }
}

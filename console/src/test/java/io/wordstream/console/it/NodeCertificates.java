package io.wordstream.console.it;

import io.wordstream.console.security.CertFiles;
import io.wordstream.console.security.CertsDir;
import io.wordstream.console.security.TlsContexts;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A host's node certificate, as its certs dir holds it and as its servers present it to a client of the cluster. */
final class NodeCertificates {
    private NodeCertificates() {
    }

    /** The node certificate of {@code certsDir}. */
    static X509Certificate inDir(Path certsDir) throws Exception {
        try (InputStream in = Files.newInputStream(certsDir.resolve(CertFiles.NODE_CERT))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** The certificate the TLS server at {@code host:port} shows a client with the identity of {@code clientCerts}. */
    static X509Certificate presented(Path clientCerts, String host, int port) throws Exception {
        SSLContext tls = TlsContexts.client(CertsDir.read(clientCerts, CertsDir.Needs.clientOnly(), Instant.now()));
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(host, port)) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }
}

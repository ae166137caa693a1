package io.wordstream.console.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A certs dir as Kafka settings. Clients get the PEM text inline ({@code ssl.keystore.key},
 * {@code ssl.keystore.certificate.chain}, {@code ssl.truststore.certificates}): Kafka's password-type settings,
 * masked in its logs, which take the key and its certificate apart, as the certs dir keeps them (the file form,
 * {@code ssl.keystore.location}, wants both in one file). The broker JVM gets the files' paths and builds its own
 * listeners' settings from them.
 */
public final class KafkaTls {
    private KafkaTls() {
    }

    /**
     * Settings of a Kafka client that proves who it is with {@code identity} and trusts brokers of the cluster's CA
     * whose certificate names the address it dialled (hostname verification, Kafka's default, kept).
     */
    static Map<String, String> client(ClusterCredentials credentials, TlsIdentity identity) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("security.protocol", "SSL");
        s.put("ssl.endpoint.identification.algorithm", "https");
        s.put("ssl.keystore.type", "PEM");
        s.put("ssl.keystore.certificate.chain", identity.certificatePem());
        s.put("ssl.keystore.key", identity.keyPem());
        s.put("ssl.truststore.type", "PEM");
        s.put("ssl.truststore.certificates", credentials.caPem());
        return s;
    }

    /** The embedded broker's arguments: its CA, certificate and key files, by path only. */
    static List<String> brokerArguments(ClusterCredentials credentials, TlsIdentity node) {
        return List.of("--ssl-ca", credentials.caFile().toString(), "--ssl-cert", node.certFile().toString(),
                "--ssl-key", node.keyFile().toString());
    }
}

package io.wordstream.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * TLS on every listener of a node (clients, other brokers, the controller quorum), each requiring a certificate of
 * the cluster's CA: the node's certificate and key, and the CA, read from the PEM files the console checked and
 * named by path. Kafka takes them inline ({@code ssl.keystore.key} and friends, password-type settings that its
 * log masks), the PEM form that takes key and certificate as separate texts (its file form wants both in one file);
 * the settings file that holds them is owner-only.
 */
record BrokerTls(String ca, String certificate, String key) {
    /** The listener of clients and of the other brokers. */
    static final String LISTENER = "SSL";

    static BrokerTls read(Path ca, Path certificate, Path key) throws IOException {
        return new BrokerTls(Files.readString(ca, StandardCharsets.US_ASCII),
                Files.readString(certificate, StandardCharsets.US_ASCII),
                Files.readString(key, StandardCharsets.US_ASCII));
    }

    /** Replaces the plain listeners by TLS ones on the same ports; the controller's speaks TLS too. */
    void configure(Properties broker, String host, int port, int controllerPort) {
        broker.put("listeners", LISTENER + "://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        broker.put("advertised.listeners", LISTENER + "://" + host + ":" + port);
        broker.put("inter.broker.listener.name", LISTENER);
        broker.put("listener.security.protocol.map", LISTENER + ":SSL,CONTROLLER:SSL");
        // A client, a broker or a controller without a certificate of this CA is refused at the handshake.
        broker.put("ssl.client.auth", "required");
        // The node checks that a broker or controller it dials is the one its address names (Kafka's default).
        broker.put("ssl.endpoint.identification.algorithm", "https");
        broker.put("ssl.keystore.type", "PEM");
        broker.put("ssl.keystore.certificate.chain", certificate);
        broker.put("ssl.keystore.key", key);
        broker.put("ssl.truststore.type", "PEM");
        broker.put("ssl.truststore.certificates", ca);
    }

    @Override
    public String toString() {
        return "BrokerTls[PEM]";
    }
}

package io.wordstream.console.it;

import io.wordstream.console.security.Openssl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Kafka clients that a secured cluster must refuse: one without TLS, one over TLS without a certificate, one with a
 * certificate of another CA (made by openssl). The last two trust the cluster's CA, so only their own identity fails.
 */
final class KafkaStrangers {
    private KafkaStrangers() {
    }

    /**
     * @param member a client of the cluster, whose trust store the strangers copy
     * @param dir    where the other CA's files go
     */
    static List<Properties> of(Properties member, String address, Path dir) throws Exception {
        String bootstrap = member.getProperty("bootstrap.servers");
        Properties plain = new Properties();
        plain.put("bootstrap.servers", bootstrap);
        Properties noCertificate = new Properties();
        noCertificate.putAll(Map.of("bootstrap.servers", bootstrap, "security.protocol", "SSL", "ssl.truststore.type",
                "PEM", "ssl.truststore.certificates", member.getProperty("ssl.truststore.certificates")));
        Path foreign = Files.createDirectories(dir);
        Openssl.foreignCluster(foreign, address);
        Properties otherCa = new Properties();
        otherCa.putAll(noCertificate);
        otherCa.putAll(Map.of("ssl.keystore.type", "PEM", "ssl.keystore.certificate.chain",
                Files.readString(foreign.resolve("node.crt")), "ssl.keystore.key",
                Files.readString(foreign.resolve("node.key"))));
        return List.of(plain, noCertificate, otherCa);
    }
}

package io.wordstream.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientSecurityTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("client.properties"), text);
    }

    @Test
    void plainConnectionsNeedNoSecurity() throws IOException {
        assertEquals(Optional.empty(), ClientSecurity.from(file("client.id=x\n")));
    }

    @Test
    void aSaslPlainFileGivesItsUserAndABrokerListenerThatAcceptsIt() throws IOException {
        ClientSecurity s = ClientSecurity.from(file("security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n"
                + "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"ops\" password=\"s3cr3t\";\n")).orElseThrow();
        assertEquals(new ClientSecurity("ops", "s3cr3t"), s);
        assertFalse(s.toString().contains("s3cr3t"), "never printed");

        Path config = EmbeddedBroker.writeConfig(dir, "127.0.0.1", 9092, 9093, Optional.of(s));
        Properties p = new Properties();
        p.load(Files.newBufferedReader(config));
        assertEquals("SASL_PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093", p.getProperty("listeners"));
        assertEquals("SASL_PLAINTEXT", p.getProperty("inter.broker.listener.name"));
        assertTrue(p.getProperty("listener.name.sasl_plaintext.plain.sasl.jaas.config")
                .contains("username=\"ops\" password=\"s3cr3t\" user_ops=\"s3cr3t\";"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
    }

    @Test
    void otherProtocolsAndIncompleteFilesAreRefusedWithTheWayOut() throws IOException {
        IllegalArgumentException ssl = assertThrows(IllegalArgumentException.class,
                () -> ClientSecurity.from(file("security.protocol=SSL\n")));
        assertEquals("the embedded broker supports security.protocol=SASL_PLAINTEXT with sasl.mechanism=PLAIN, not"
                + " SSL; use --bootstrap-server with a Kafka configured for it", ssl.getMessage());
        IllegalArgumentException scram = assertThrows(IllegalArgumentException.class, () -> ClientSecurity.from(
                file("security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\n")));
        assertTrue(scram.getMessage().contains("not SASL_PLAINTEXT with SCRAM-SHA-512;"), scram.getMessage());
        IllegalArgumentException noUser = assertThrows(IllegalArgumentException.class, () -> ClientSecurity.from(
                file("security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n")));
        assertTrue(noUser.getMessage().startsWith("sasl.jaas.config in "), noUser.getMessage());
    }

    @Test
    void protocolAndMechanismAreReadAsKafkaReadsThemAndOddUsersAreRefused() throws IOException {
        assertEquals(Optional.empty(), ClientSecurity.from(file("security.protocol=plaintext\n")));
        assertEquals(Optional.of(new ClientSecurity("ops", "pw")), ClientSecurity.from(file(
                "security.protocol=sasl_plaintext\nsasl.mechanism=plain\nsasl.jaas.config=org.apache.kafka.common"
                        + ".security.plain.PlainLoginModule required username=\"ops\" password=\"pw\";\n")));
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class, () -> ClientSecurity.from(file(
                "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common"
                        + ".security.plain.PlainLoginModule required username=\"a@b\" password=\"pw\";\n")));
        assertTrue(odd.getMessage().startsWith("the embedded broker takes a SASL/PLAIN username of letters"),
                odd.getMessage());
    }
}

package io.wordstream.console.kafka;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class SentenceSenderTest {

    @Test
    void anOperatorsLongRequestTimeoutGetsADeliveryTimeoutThatCoversIt() {
        Properties p = new Properties();
        // Nothing listens there: a producer only connects when it first sends.
        p.put("bootstrap.servers", "127.0.0.1:1");
        p.put("request.timeout.ms", "300000");
        // Kafka refuses a delivery timeout below linger plus request timeout: 120 s would be refused.
        assertDoesNotThrow(() -> new SentenceSender(p, "sentences").close());
    }
}

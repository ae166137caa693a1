package io.wordstream.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaTimeoutsTest {

    @Test
    void theJobsClientsGiveUpOnADeadLeaderWithinSeconds() {
        assertEquals(Map.of("metadata.max.age.ms", "5000", "request.timeout.ms", "3000",
                "default.api.timeout.ms", "3000", "socket.connection.setup.timeout.ms", "3000",
                "socket.connection.setup.timeout.max.ms", "5000"), KafkaTimeouts.job(Map.of()));
        assertEquals(Map.of("fetchOffset.numRetries", "60", "fetchOffset.retryIntervalMs", "100"),
                KafkaTimeouts.offsetFetchRetries());
    }

    @Test
    void whatTheOperatorSetIsLeftOut() {
        assertEquals(Map.of("request.timeout.ms", "3000", "default.api.timeout.ms", "3000",
                "socket.connection.setup.timeout.ms", "3000"),
                KafkaTimeouts.job(Map.of("metadata.max.age.ms", "60000", "socket.connection.setup.timeout.max.ms",
                        "30000")));
    }

    @Test
    void theApiTimeoutStaysAtLeastTheRequestTimeoutWhicheverTheOperatorSet() {
        assertEquals("30000", KafkaTimeouts.job(Map.of("request.timeout.ms", "30000")).get("default.api.timeout.ms"));
        assertEquals("1000", KafkaTimeouts.job(Map.of("default.api.timeout.ms", "1000")).get("request.timeout.ms"));
        // Both set: the operator's, as they are; Kafka says what is wrong with them.
        assertEquals("5000", KafkaTimeouts.job(Map.of("default.api.timeout.ms", "1000", "request.timeout.ms",
                "2000")).get("metadata.max.age.ms"));
        assertNull(KafkaTimeouts.job(Map.of("default.api.timeout.ms", "1000", "request.timeout.ms",
                "2000")).get("request.timeout.ms"));
        assertEquals("10000", KafkaTimeouts.consoleConsumer(Map.of()).get("default.api.timeout.ms"));
        assertEquals("5000", KafkaTimeouts.consoleAdmin(Map.of()).get("default.api.timeout.ms"));
        assertEquals("5000", KafkaTimeouts.consoleAdmin(Map.of()).get("request.timeout.ms"));
    }

    @Test
    void aProducersDeliveryTimeoutCoversLingerAndRequestTimeout() {
        assertEquals(Map.of("metadata.max.age.ms", "5000", "request.timeout.ms", "5000",
                "socket.connection.setup.timeout.ms", "3000", "socket.connection.setup.timeout.max.ms", "5000",
                "delivery.timeout.ms", "120000"), KafkaTimeouts.consoleProducer(Map.of(), 5));
        assertEquals("300005", KafkaTimeouts.consoleProducer(Map.of("request.timeout.ms", "300000"), 5)
                .get("delivery.timeout.ms"));
        assertNull(KafkaTimeouts.consoleProducer(Map.of("delivery.timeout.ms", "60000"), 5)
                .get("delivery.timeout.ms"));
    }

    @Test
    void aSilentHostsConnectionIsGivenUpWithinSecondsAndTheOperatorsSetUpTimeoutKeepsMinAtMostMax() {
        assertEquals("3000", KafkaTimeouts.consoleConsumer(Map.of()).get("socket.connection.setup.timeout.ms"));
        assertEquals("5000", KafkaTimeouts.consoleAdmin(Map.of()).get("socket.connection.setup.timeout.max.ms"));
        assertEquals("10000", KafkaTimeouts.job(Map.of("socket.connection.setup.timeout.ms", "10000"))
                .get("socket.connection.setup.timeout.max.ms"));
        assertEquals("2000", KafkaTimeouts.job(Map.of("socket.connection.setup.timeout.max.ms", "2000"))
                .get("socket.connection.setup.timeout.ms"));
    }

    @Test
    void aTimeoutThatIsNotANumberNamesTheSettingAndTheFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KafkaTimeouts.job(Map.of("request.timeout.ms", "30s")));
        assertEquals("request.timeout.ms=30s in the Kafka client properties is not a number of milliseconds; fix it"
                + " in the file given to --kafka-config", e.getMessage());
    }
}

package io.wordstream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TopicWaitTest {
    private static Properties nobodyListening() throws IOException {
        Properties p = new Properties();
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            p.put("bootstrap.servers", "127.0.0.1:" + s.getLocalPort());
        }
        return p;
    }

    @Test
    void givesUpAfterTheTimeoutNamingTheMissingTopics() throws IOException {
        Properties kafka = nobodyListening();
        Optional<String> why = TopicWait.await(kafka, List.of("sentences"), Duration.ofSeconds(1), Optional::empty);
        assertEquals(Optional.of("topics [sentences] do not exist on Kafka at " + kafka.getProperty(
                "bootstrap.servers") + " after 1 s"), why);
    }

    @Test
    void aStopRequestEndsTheWait() throws IOException {
        Optional<String> why = TopicWait.await(nobodyListening(), List.of("sentences"), Duration.ofMinutes(5),
                () -> Optional.of("stop requested"));
        assertEquals(Optional.of("stop requested"), why);
    }
}

package io.wordstream.console.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wordstream.testsupport.Poll;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LineServerTest {
    @Test
    void linesSentBeforeAnyoneConnectsReachTheFirstClientThenLinesFlowLive() throws Exception {
        try (LineServer server = LineServer.start()) {
            assertEquals("127.0.0.1", server.address().host());
            server.send("before\nconnect");
            InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
            try (Socket client = new Socket(loopback, server.address().port());
                 BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                         StandardCharsets.UTF_8))) {
                client.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
                assertEquals("before connect", in.readLine(), "a line never splits into two records");
                Poll.until(Duration.ofSeconds(10), () -> server.connections() > 0, "the server to count the client");
                server.send("live");
                assertEquals("live", in.readLine());
            }
        }
    }
}

package io.wordstream.console.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {
    @Test
    void portsChosenTogetherAreDistinctAndAvoidTheTakenOnes() {
        int taken = Ports.freePort("127.0.0.1");
        for (int round = 0; round < 20; round++) {
            List<Integer> ports = Ports.freePorts("127.0.0.1", 6, Set.of(taken));
            assertEquals(6, new HashSet<>(ports).size(), "distinct: " + ports);
            assertFalse(ports.contains(taken), ports.toString());
        }
    }
}

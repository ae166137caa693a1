package io.wordstream.console.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wordstream.console.errors.UserError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading {@code --controllers} and finding this node among them. */
class ControllersTest {
    @Test
    void parsesEveryVoterInOrder() {
        Controllers c = Controllers.parse("1@10.0.0.1:9093, 2@10.0.0.2:9093,3@host-c:19093");
        assertEquals(List.of(new Controllers.Voter(1, "10.0.0.1", 9093), new Controllers.Voter(2, "10.0.0.2", 9093),
                new Controllers.Voter(3, "host-c", 19093)), c.voters());
        assertEquals("1@10.0.0.1:9093,2@10.0.0.2:9093,3@host-c:19093", c.toString());
        c.requireMember(3, "host-c", 19093);
    }

    @Test
    void refusesDuplicatesBadPortsAndEmptyEntries() {
        assertThrows(IllegalArgumentException.class, () -> Controllers.parse("1@a:9093,1@b:9093"));
        assertThrows(IllegalArgumentException.class, () -> Controllers.parse("1@a:70000"));
        assertThrows(IllegalArgumentException.class, () -> Controllers.parse("1@a:9093,"));
        assertThrows(IllegalArgumentException.class, () -> Controllers.parse("x@a:9093"));
    }

    @Test
    void thisNodeMustBeAVoterAtItsOwnAddress() {
        Controllers c = Controllers.parse("1@10.0.0.1:9093,2@10.0.0.2:9093");
        assertThrows(UserError.class, () -> c.requireMember(3, "10.0.0.3", 9093));
        assertThrows(UserError.class, () -> c.requireMember(2, "10.0.0.3", 9093));
        assertThrows(UserError.class, () -> c.requireMember(2, "10.0.0.2", 9094));
    }
}

package io.wordstream.console.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The key table: what the help lists is what the keys do, and no key means two things at once. */
class KeysTest {
    @Test
    void everyLineOfTheHelpHasTheBindingsItDescribes() {
        for (Keys.Line line : Keys.TABLE) {
            assertFalse(line.bindings().isEmpty(), line.keys() + " describes no key");
        }
        List<HelpView.Entry> help = Keys.help();
        assertEquals(List.of("While typing (the default)", "Always", "Keys mode"),
                help.stream().filter(e -> e.keys().isEmpty()).map(HelpView.Entry::text).toList(),
                "one heading per scope, Ctrl-C under Always with the other keys of both modes");
        assertEquals(Keys.TABLE.stream().filter(l -> !l.keys().isEmpty()).count() + 3, help.size());
    }

    @Test
    void noKeyHasTwoBindingsInOneScope() {
        List<KeyStroke> keys = new ArrayList<>();
        for (KeyType t : KeyType.values()) {
            if (t != KeyType.Character && t != KeyType.MouseEvent && t != KeyType.CursorLocation) {
                keys.add(new KeyStroke(t));
            }
        }
        for (char c = ' '; c <= '~'; c++) {
            keys.add(new KeyStroke(c, false, false));
            keys.add(new KeyStroke(c, true, false));
        }
        for (Keys.Scope scope : Keys.Scope.values()) {
            for (KeyStroke k : keys) {
                long bound = Keys.TABLE.stream().filter(l -> l.scope() == scope)
                        .flatMap(l -> l.bindings().stream()).filter(b -> b.key().test(k)).count();
                assertTrue(bound <= 1, k + " has " + bound + " bindings in " + scope);
            }
        }
    }
}

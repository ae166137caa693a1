package io.wordstream.console.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataPlaceTest {
    private static final Path INSTALL = Path.of("/opt/wordstream-1.0");
    private static final Path DATA = Path.of("/home/ann/.local/share/wordstream");

    @TempDir
    Path dir;

    @Test
    void aWritableInstallKeepsItsOwnArchives() {
        ClassDataPlace place = ClassDataPlace.choose(INSTALL.resolve("cds"), INSTALL, DATA, p -> true);
        assertEquals(Optional.of(INSTALL.resolve("cds")), place.dir());
        assertTrue(place.own());
        assertEquals("JVM class data archives are kept in the install (/opt/wordstream-1.0/cds)", place.summary());
    }

    @Test
    void aReadOnlyInstallKeepsThemInTheDataDirApartFromOtherInstalls() {
        ClassDataPlace place = ClassDataPlace.choose(INSTALL.resolve("cds"), INSTALL, DATA,
                p -> p.startsWith(DATA));
        Path fallback = place.dir().orElseThrow();
        assertFalse(place.own());
        assertEquals(DATA.resolve("cds"), fallback.getParent());
        assertTrue(place.summary().startsWith("the install at /opt/wordstream-1.0 is read-only: JVM class data"
                + " archives are kept in " + fallback), place.summary());
        Path other = Path.of("/opt/wordstream-1.1");
        assertNotEquals(fallback, ClassDataPlace.choose(other.resolve("cds"), other, DATA, p -> p.startsWith(DATA))
                .dir().orElseThrow());
    }

    @Test
    void withNowhereToWriteTheJvmsRunWithoutArchivesAndSaySo() {
        ClassDataPlace place = ClassDataPlace.choose(INSTALL.resolve("cds"), INSTALL, DATA, p -> false);
        assertFalse(place.dir().isPresent());
        assertTrue(place.summary().endsWith("JVMs start without class data archives (each start is slower)"),
                place.summary());
    }

    @Test
    void aFolderIsWritableOnlyWhenAFileCanBeMadeInIt() throws Exception {
        assertTrue(ClassDataPlace.writable(dir.resolve("cds")));
        Files.writeString(dir.resolve("file"), "x");
        assertFalse(ClassDataPlace.writable(dir.resolve("file/cds")));
    }
}

package io.wordstream.console.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransparentHugePagesTest {
    @Test
    void theDriverAsksForHugePagesWhereTheKernelGivesThemOnRequestOrAlways() {
        assertEquals(Optional.of(TransparentHugePages.JVM_OPTION),
                TransparentHugePages.jvmOption("always [madvise] never\n"));
        assertEquals(Optional.of(TransparentHugePages.JVM_OPTION),
                TransparentHugePages.jvmOption("[always] madvise never\n"));
    }

    @Test
    void notWhereTheKernelHasThemOff() {
        assertEquals(Optional.empty(), TransparentHugePages.jvmOption("always madvise [never]\n"));
        assertEquals(Optional.empty(), TransparentHugePages.jvmOption(""));
    }
}

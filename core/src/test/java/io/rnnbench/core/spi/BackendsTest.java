package io.rnnbench.core.spi;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The core alone has no backend on its class path (backend modules depend on it, not the other way). */
class BackendsTest {

    @Test
    void unknownNameSaysWhatIsOnTheClassPath() {
        assertTrue(Backends.names().isEmpty(), "core must not register a backend: " + Backends.names());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backends.byName("raw"));
        assertTrue(e.getMessage().contains("unknown backend 'raw'") && e.getMessage().contains("none"), e.getMessage());
    }

    @Test
    void gemmShapeMessagesNameBothOperands() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shapes.requireGemm(3, 4, Transpose.N, 5, 2, Transpose.N, 3, 2));
        assertEquals("gemm: op(A) [3, 4] · op(B) [5, 2]: inner dimensions differ", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Shapes.requireGemm(4, 3, Transpose.T, 4, 2, Transpose.N, 2, 2));
        assertEquals("gemm: op(A) [3, 4] · op(B) [4, 2] is [3, 2] but C is [2, 2]", e.getMessage());
    }
}

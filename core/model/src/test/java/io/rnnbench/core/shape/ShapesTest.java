package io.rnnbench.core.shape;

import io.rnnbench.core.spi.Transpose;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ShapesTest {

    @Test
    void gemmShapeMessagesNameBothOperands() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shapes.requireGemm(3, 4, Transpose.N, 5, 2, Transpose.N, 3, 2));
        assertEquals("gemm: op(A) [3, 4] · op(B) [5, 2]: inner dimensions differ", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Shapes.requireGemm(4, 3, Transpose.T, 4, 2, Transpose.N, 2, 2));
        assertEquals("gemm: op(A) [3, 4] · op(B) [4, 2] is [3, 2] but C is [2, 2]", e.getMessage());
    }
}

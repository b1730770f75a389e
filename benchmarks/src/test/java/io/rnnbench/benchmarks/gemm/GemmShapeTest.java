package io.rnnbench.benchmarks.gemm;

import io.rnnbench.core.spi.Transpose;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GemmShapeTest {

    /** m, k, n, op(A), op(B): the sizes the issue names, derived here from the medium, large and char presets. */
    @Test
    void theShapesAreTheModelsProducts() {
        assertShape(GemmShape.SQUARE_256, 256, 256, 256, Transpose.N, Transpose.N, "[256, 256]·[256, 256]");
        assertShape(GemmShape.SQUARE_512, 512, 512, 512, Transpose.N, Transpose.N, "[512, 512]·[512, 512]");
        assertShape(GemmShape.MEDIUM_RECURRENT, 32, 256, 1024, Transpose.N, Transpose.N, "[32, 256]·[256, 1024]");
        assertShape(GemmShape.MEDIUM_BACKWARD, 32, 1024, 256, Transpose.N, Transpose.N, "[32, 1024]·[1024, 256]");
        assertShape(GemmShape.MEDIUM_WEIGHT_GRADIENT, 256, 1600, 1024, Transpose.T, Transpose.N, "[1600, 256]ᵀ·[1600, 1024]");
        assertShape(GemmShape.LARGE_RECURRENT, 64, 512, 2048, Transpose.N, Transpose.N, "[64, 512]·[512, 2048]");
        assertShape(GemmShape.CHAR_RECURRENT, 1, 128, 512, Transpose.N, Transpose.N, "[1, 128]·[128, 512]");
    }

    @Test
    void theBenchmarksParameterListsEveryShapeInOrder() throws NoSuchFieldException {
        String[] values = GemmBenchmark.class.getField("gemm").getAnnotation(Param.class).value();

        assertEquals(GemmShape.ALL.stream().map(GemmShape::name).toList(), List.of(values));
    }

    @Test
    void shapesAreFoundByNameAndAnUnknownNameListsTheKnownOnes() {
        assertSame(GemmShape.MEDIUM_WEIGHT_GRADIENT, GemmShape.byName("medium-weight-gradient"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GemmShape.byName("medium"));
        assertTrue(e.getMessage().contains("unknown GEMM shape 'medium'") && e.getMessage().contains("large-recurrent"),
                e.getMessage());
    }

    private static void assertShape(GemmShape shape, int m, int k, int n, Transpose opA, Transpose opB, String stored) {
        assertEquals(List.of(m, k, n, opA, opB), List.of(shape.m(), shape.k(), shape.n(), shape.opA(), shape.opB()),
                shape.name());
        assertEquals(stored, shape.describe(), shape.name());
    }
}

package io.rnnbench.benchmarks.gemm;

import io.rnnbench.core.spi.Backends;
import io.rnnbench.core.spi.Transpose;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GemmAgreementTest {
    /** [3, 4]·[2, 4]ᵀ: C [3, 2]. */
    private static final GemmShape TINY = new GemmShape("tiny", "test", 3, 4, 2, Transpose.N, Transpose.T);
    private static final double[] A = gaussian(3 * 4, 1);
    private static final double[] B = gaussian(2 * 4, 2);

    @Test
    void everyRegisteredBackendAgreesWithRawInEveryTransposeCase() {
        for (Transpose opA : Transpose.values()) {
            for (Transpose opB : Transpose.values()) {
                GemmShape shape = new GemmShape("tiny-" + opA + opB, "test", 7, 300, 5, opA, opB);
                double[] a = gaussian(shape.m() * shape.k(), 1);
                double[] b = gaussian(shape.k() * shape.n(), 2);
                for (String backend : Backends.names()) {
                    double[] product = GemmAgreement.multiply(Backends.byName(backend), shape, a, b);
                    assertDoesNotThrow(() -> GemmAgreement.requireAgreement(shape, a, b, backend, product),
                            backend + " " + shape.name());
                }
            }
        }
    }

    @Test
    void aProductOffByMoreThanTheToleranceGetsNoNumber() {
        double[] product = rawProduct();
        product[5] += 1e-9; // C[2, 1]: far more than 1e−12 of four products of Gaussians

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GemmAgreement.requireAgreement(TINY, A, B, "broken", product));
        assertTrue(e.getMessage().startsWith("backend broken disagrees with raw on GEMM tiny [3, 4]·[2, 4]ᵀ")
                && e.getMessage().contains("C[2, 1]"), e.getMessage());
    }

    @Test
    void nanIsADisagreement() {
        double[] product = rawProduct();
        product[0] = Double.NaN;

        assertThrows(IllegalStateException.class, () -> GemmAgreement.requireAgreement(TINY, A, B, "nan", product));
    }

    @Test
    void aProductOfTheWrongSizeIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GemmAgreement.requireAgreement(TINY, A, B, "short", new double[5]));
        assertTrue(e.getMessage().contains("returned 5 entries"), e.getMessage());
    }

    private static double[] rawProduct() {
        return GemmAgreement.multiply(Backends.byName("raw"), TINY, A, B);
    }

    private static double[] gaussian(int length, long seed) {
        Random random = new Random(seed);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextGaussian();
        }
        return values;
    }
}

package io.rnnbench.backend.ojalgo;

import io.rnnbench.core.spi.Transpose;
import org.junit.jupiter.api.Test;
import org.ojalgo.OjAlgoUtils;
import org.ojalgo.matrix.store.R064Store;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What is particular to the ojAlgo backend: the row-major boundary of column-major stores, the four transpose cases
 * and β of its products, rows of the softmax strided through column-major storage, and the JVM-wide thread
 * setting; the whole SPI is held against {@code raw} by the conformance suite in {@code verification}.
 */
class OjalgoBackendTest {
    private static final double TOLERANCE = 1e-12;

    private final OjalgoBackend ojalgo = new OjalgoBackend("ojalgo", OjalgoThreads.ONE);

    @Test
    void theArrayBoundaryIsRowMajor() {
        R064Store a = ojalgo.fromArray(2, 3, new double[] {1, 2, 3, 4, 5, 6});
        assertEquals(3.0, a.doubleValue(0, 2));
        assertEquals(4.0, a.doubleValue(1, 0));
        assertClose("toArray", new double[] {1, 2, 3, 4, 5, 6}, ojalgo.toArray(a));
    }

    /** C [3, 5] = 0.7·op(A)·op(B) + β·C with k = 4, for every transpose case and β ∈ {0 over NaN, 1, −0.5}. */
    @Test
    void productsFollowTheirTransposeFlagsAlphaAndBeta() {
        int m = 3;
        int k = 4;
        int n = 5;
        Random random = new Random(19);
        double[] a = gaussian(random, m * k);
        double[] b = gaussian(random, k * n);
        double[] c0 = gaussian(random, m * n);
        for (Transpose opA : Transpose.values()) {
            for (Transpose opB : Transpose.values()) {
                for (double beta : new double[] {0.0, 1.0, -0.5}) {
                    double[] expected = new double[m * n];
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            double sum = 0;
                            for (int p = 0; p < k; p++) {
                                sum += (opA == Transpose.N ? a[i * k + p] : a[p * m + i])
                                        * (opB == Transpose.N ? b[p * n + j] : b[j * k + p]);
                            }
                            expected[i * n + j] = 0.7 * sum + (beta == 0.0 ? 0.0 : beta * c0[i * n + j]);
                        }
                    }
                    R064Store c = ojalgo.fromArray(m, n, c0);
                    if (beta == 0.0) {
                        ojalgo.fill(c, Double.NaN);
                    }
                    ojalgo.gemm(0.7, opA == Transpose.N ? ojalgo.fromArray(m, k, a) : ojalgo.fromArray(k, m, a), opA,
                            opB == Transpose.N ? ojalgo.fromArray(k, n, b) : ojalgo.fromArray(n, k, b), opB, beta, c);
                    assertClose("gemm " + opA + opB + " β = " + beta, expected, ojalgo.toArray(c));
                }
            }
        }
    }

    @Test
    void softmaxCrossEntropyReadsRowsAcrossColumnMajorStorage() {
        double[] z = {1, 2, 3, 0.5, -1, 0};
        R064Store logits = ojalgo.fromArray(2, 3, z);
        R064Store dz = ojalgo.zeros(2, 3);
        double loss = ojalgo.softmaxCrossEntropy(logits, new int[] {2, 0}, 1, dz);
        double row0 = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 3;
        double row1 = Math.log(Math.exp(0.5) + Math.exp(-1) + Math.exp(0)) - 0.5;
        assertEquals(row0 + row1, loss, TOLERANCE);
        double sum1 = Math.exp(0.5) + Math.exp(-1) + Math.exp(0);
        assertClose("dz row 1", new double[] {Math.exp(0.5) / sum1 - 1, Math.exp(-1) / sum1, Math.exp(0) / sum1},
                Arrays.copyOfRange(ojalgo.toArray(dz), 3, 6));
    }

    /** ojAlgo's thread count is JVM-wide: each backend installs its own before it works, whoever ran last. */
    @Test
    void eachBackendInstallsItsOwnThreadCount() {
        R064Store x = ojalgo.zeros(2, 2);
        OjalgoBackend mt = new OjalgoBackend("ojalgo-mt", OjalgoThreads.ALL);
        mt.scale(2, x);
        assertEquals(OjalgoThreads.ALL.threads(), OjAlgoUtils.ENVIRONMENT.threads);
        ojalgo.scale(2, x);
        assertEquals(1, OjAlgoUtils.ENVIRONMENT.threads);
        assertTrue(OjalgoThreads.ALL.threads() >= 1);
    }

    private static double[] gaussian(Random random, int n) {
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = random.nextGaussian();
        }
        return data;
    }

    private static void assertClose(String what, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(actual[i] - expected[i]) <= TOLERANCE * Math.max(1, Math.abs(expected[i])))) {
                fail(what + ": at " + i + " expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }
}

package io.rnnbench.backend.blas;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import io.rnnbench.core.spi.Transpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The row-major to column-major mapping of {@link BlasBackend}, on every BLAS that loads here, against textbook
 * loops; the rest of the SPI is held against {@code raw} by the conformance suite in {@code verification}.
 */
class BlasBackendTest {
    private static final double TOLERANCE = 1e-12;

    /** JavaBLAS always; NativeBLAS when a native library loads. */
    static List<BlasBackend> backends() {
        List<BlasBackend> backends = new ArrayList<>();
        backends.add(new BlasBackend("blas-java", JavaBLAS.getInstance()));
        if (new BlasNativeBackendProvider().unavailableReason().isEmpty()) {
            backends.add(new BlasBackend("blas-native", NativeBLAS.getInstance()));
        }
        return backends;
    }

    static List<Arguments> gemmCases() {
        List<Arguments> cases = new ArrayList<>();
        for (BlasBackend backend : backends()) {
            for (Transpose opA : Transpose.values()) {
                for (Transpose opB : Transpose.values()) {
                    for (double beta : new double[] {0.0, 1.0, -0.5}) {
                        cases.add(Arguments.of(backend, opA, opB, beta));
                    }
                }
            }
        }
        return cases;
    }

    /** C [3, 5] = 0.7·op(A)·op(B) + β·C with k = 4: three different dimensions, so a swapped one cannot pass. */
    @ParameterizedTest(name = "{0} {1}{2} β = {3}")
    @MethodSource("gemmCases")
    void gemmSwapsOperandsAndDimensionsForRowMajor(BlasBackend backend, Transpose opA, Transpose opB, double beta) {
        int m = 3;
        int k = 4;
        int n = 5;
        Random random = new Random(19);
        double[] a = gaussian(random, m * k); // op(A) [3, 4]; stored [4, 3] when opA = T
        double[] b = gaussian(random, k * n); // op(B) [4, 5]; stored [5, 4] when opB = T
        double[] c0 = gaussian(random, m * n); // [3, 5]
        double[] expected = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    double aip = opA == Transpose.N ? a[i * k + p] : a[p * m + i];
                    double bpj = opB == Transpose.N ? b[p * n + j] : b[j * k + p];
                    sum += aip * bpj;
                }
                expected[i * n + j] = 0.7 * sum + (beta == 0.0 ? 0.0 : beta * c0[i * n + j]);
            }
        }
        BlasMatrix c = backend.fromArray(m, n, c0);
        if (beta == 0.0) {
            backend.fill(c, Double.NaN); // β = 0 must not read C
        }
        backend.gemm(0.7, opA == Transpose.N ? backend.fromArray(m, k, a) : backend.fromArray(k, m, a), opA,
                opB == Transpose.N ? backend.fromArray(k, n, b) : backend.fromArray(n, k, b), opB, beta, c);
        assertClose(backend.name() + " gemm " + opA + opB, expected, backend.toArray(c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void copiesAndRowWiseAdditionsUseTheRightStrides(BlasBackend blas) {
        BlasMatrix a = blas.fromArray(2, 3, new double[] {1, 2, 3, 4, 5, 6});
        BlasMatrix t = blas.zeros(3, 2);
        blas.transpose(a, t);
        assertClose("transpose", new double[] {1, 4, 2, 5, 3, 6}, blas.toArray(t));
        BlasMatrix block = blas.zeros(2, 4);
        blas.copyBlock(a, 0, 1, block, 0, 2, 2, 2);
        assertClose("copyBlock", new double[] {0, 0, 2, 3, 0, 0, 5, 6}, blas.toArray(block));
        blas.addRowVector(blas.fromArray(1, 3, new double[] {10, 20, 30}), a);
        assertClose("addRowVector", new double[] {11, 22, 33, 14, 25, 36}, blas.toArray(a));
        BlasMatrix sums = blas.fromArray(1, 3, new double[] {1, 1, 1});
        blas.addColumnSums(a, sums);
        assertClose("addColumnSums", new double[] {26, 48, 70}, blas.toArray(sums));
        BlasMatrix table = blas.zeros(3, 3);
        blas.scatterAddRows(a, new int[] {2, 2}, table);
        assertClose("scatterAddRows", new double[] {0, 0, 0, 0, 0, 0, 25, 47, 69}, blas.toArray(table));
        BlasMatrix gathered = blas.zeros(2, 3);
        blas.gatherRows(table, new int[] {2, 0}, gathered);
        assertClose("gatherRows", new double[] {25, 47, 69, 0, 0, 0}, blas.toArray(gathered));
        assertEquals(1 + 4 + 9 + 16, blas.sumOfSquares(blas.fromArray(2, 2, new double[] {1, -2, 3, -4})));
    }

    @Test
    void gemmNamesBothShapesOnAMismatch() {
        BlasBackend blas = backends().get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> blas.gemm(1, blas.zeros(2, 3), Transpose.N, blas.zeros(2, 3), Transpose.N, 0, blas.zeros(2, 3)));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("inner dimensions differ"), e.getMessage());
    }

    /** The provider's answer is netlib's: available exactly when NativeBLAS loads, and otherwise says what to install. */
    @Test
    void nativeProviderIsAvailableExactlyWhenNetlibLoadsANativeBlas() {
        BLAS loaded;
        try {
            loaded = NativeBLAS.getInstance();
        } catch (RuntimeException e) {
            loaded = null;
        }
        var reason = new BlasNativeBackendProvider().unavailableReason();
        assertEquals(loaded == null, reason.isPresent(), "reason: " + reason);
        reason.ifPresent(r -> assertTrue(r.contains("libopenblas0") && r.contains(BlasNativeBackendProvider.LIB_PROPERTY), r));
    }

    @Test
    void openblasThreadsFollowItsVariablesInItsOrder() {
        assertEquals("3", BlasNativeBackendProvider.openblasThreads(Map.of("OMP_NUM_THREADS", "4", "OPENBLAS_NUM_THREADS", "3")));
        assertEquals("4", BlasNativeBackendProvider.openblasThreads(Map.of("OMP_NUM_THREADS", "4")));
        assertEquals(String.valueOf(Runtime.getRuntime().availableProcessors()),
                BlasNativeBackendProvider.openblasThreads(Map.of("OPENBLAS_NUM_THREADS", " ")));
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

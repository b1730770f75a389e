package io.rnnbench.backend.raw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rnnbench.core.spi.Transpose;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The blocked, packed GEMM against a naive triple loop, for all four transpose cases, several α and β (β = 0
 * over a C full of NaN, which must be ignored), and shapes that hit every edge of the blocking: 1, odd, primes,
 * and one less, equal and one more than the tile height {@value GemmKernel#ROWS}, the k unroll
 * {@value GemmKernel#DEPTH}, the panel width NC = {@value GemmKernel#WIDTH} and depth KC = {@value RawGemm#DEPTH_BLOCK}.
 *
 * <p>Tolerance: |got − want| ≤ 1e−12·(1 + Σ<sub>p</sub>|α·op(A)<sub>ip</sub>·op(B)<sub>pj</sub>| + |β·C<sub>ij</sub>|).
 * Both sides add the same k ≤ 1025 products in different orders (the kernel with one rounding per fused
 * multiply-add), so each is within about k·2<sup>−53</sup> ≈ 1.1e−13 of the exact sum relative to that sum of
 * magnitudes; 1e−12 leaves margin for that and is still far below one missing, doubled or misplaced product
 * (of the order of the sum divided by k).
 */
class RawGemmTest {
    private static final double TOLERANCE = 1e-12;
    private static final long SEED = 20240611L;

    private final RawBackend backend = new RawBackend();
    private final Random random = new Random(SEED);

    @Test
    void smallShapesEveryTransposeAlphaBeta() {
        int[] sizes = {1, 2, 3, 4, 5, 7, 8, 9, 13};
        double[][] alphaBeta = {{1, 0}, {-0.7, 0}, {1, 1}, {0.3, -1.5}, {2, 0.5}};
        for (Transpose opA : Transpose.values()) {
            for (Transpose opB : Transpose.values()) {
                for (int m : sizes) {
                    for (int n : sizes) {
                        for (int k : sizes) {
                            for (double[] ab : alphaBeta) {
                                check(opA, opB, m, n, k, ab[0], ab[1]);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void blockBoundariesEveryTranspose() {
        int nc = GemmKernel.WIDTH;
        int kc = RawGemm.DEPTH_BLOCK;
        int[] ms = {1, 3, 4, 5, 31, 37};
        int[] ns = {1, 11, nc - 1, nc, nc + 1, 2 * nc + 3};
        int[] ks = {1, 2, 3, kc - 1, kc, kc + 1, 2 * kc, 4 * kc + 1};
        for (Transpose opA : Transpose.values()) {
            for (Transpose opB : Transpose.values()) {
                for (int m : ms) {
                    for (int n : ns) {
                        for (int k : ks) {
                            if ((long) m * n * k <= 3_000_000) {
                                check(opA, opB, m, n, k, 0.9, 0);
                                check(opA, opB, m, n, k, -1.1, 0.25);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void rnnShapes() {
        // medium preset per-step recurrence, its backward NT, the hoisted TN weight gradient, batch-1 inference
        check(Transpose.N, Transpose.N, 32, 1024, 256, 1, 1);
        check(Transpose.N, Transpose.T, 32, 256, 1024, 1, 0);
        check(Transpose.T, Transpose.N, 256, 1024, 97, 1, 1);
        check(Transpose.N, Transpose.N, 1, 512, 128, 1, 0);
        check(Transpose.N, Transpose.T, 1, 128, 512, 1, 0);
    }

    @Test
    void deterministicAndReusableAcrossShapes() {
        RawMatrix a = filled(70, 300);
        RawMatrix b = filled(300, 260);
        RawMatrix c1 = new RawMatrix(70, 260);
        RawMatrix c2 = new RawMatrix(70, 260);
        backend.gemm(1, a, Transpose.N, b, Transpose.N, 0, c1);
        backend.gemm(1, filled(3, 5), Transpose.N, filled(5, 2), Transpose.N, 0, new RawMatrix(3, 2));
        backend.gemm(1, a, Transpose.N, b, Transpose.N, 0, c2);
        assertArrayEquals(c1.data, c2.data, "same inputs, same backend: bit-identical");
    }

    /**
     * The kernel itself allocates nothing (packing buffers belong to the instance). Measured on {@link RawGemm}
     * directly: the SPI entry point also runs the core's shape check, which is not this module's to test.
     */
    @Test
    void noAllocationPerCall() {
        RawGemm gemm = new RawGemm();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        RawMatrix a = filled(33, 300);
        RawMatrix b = filled(260, 300);
        RawMatrix c = new RawMatrix(33, 260);
        for (int i = 0; i < 20; i++) {
            gemm.gemm(1, a, Transpose.N, b, Transpose.T, 0.5, c);
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 50; i++) {
            gemm.gemm(1, a, Transpose.N, b, Transpose.T, 0.5, c);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 1024, "50 gemm calls allocated " + allocated + " bytes; expected none");
    }

    private void check(Transpose opA, Transpose opB, int m, int n, int k, double alpha, double beta) {
        RawMatrix a = opA == Transpose.N ? filled(m, k) : filled(k, m);
        RawMatrix b = opB == Transpose.N ? filled(k, n) : filled(n, k);
        RawMatrix c = beta == 0 ? nan(m, n) : filled(m, n);
        double[] c0 = c.data.clone();
        backend.gemm(alpha, a, opA, b, opB, beta, c);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                double magnitude = 0;
                for (int p = 0; p < k; p++) {
                    double x = alpha * opA(a, opA, i, p) * opB(b, opB, p, j);
                    sum += x;
                    magnitude += Math.abs(x);
                }
                double old = beta == 0 ? 0 : beta * c0[i * n + j];
                double want = sum + old;
                double got = c.data[i * n + j];
                double bound = TOLERANCE * (1 + magnitude + Math.abs(old));
                if (!(Math.abs(got - want) <= bound)) {
                    fail(String.format("gemm(α=%s, op(A)=%s, op(B)=%s, β=%s) [%d, %d]·[%d, %d]: at (%d, %d) got %s, want %s,"
                            + " |diff| %.3g > %.3g", alpha, opA, opB, beta, m, k, k, n, i, j, got, want, Math.abs(got - want), bound));
                }
            }
        }
    }

    private static double opA(RawMatrix a, Transpose op, int i, int p) {
        return op == Transpose.N ? a.data[i * a.cols + p] : a.data[p * a.cols + i];
    }

    private static double opB(RawMatrix b, Transpose op, int p, int j) {
        return op == Transpose.N ? b.data[p * b.cols + j] : b.data[j * b.cols + p];
    }

    private RawMatrix filled(int rows, int cols) {
        RawMatrix x = new RawMatrix(rows, cols);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = random.nextGaussian();
        }
        return x;
    }

    private static RawMatrix nan(int rows, int cols) {
        RawMatrix x = new RawMatrix(rows, cols);
        java.util.Arrays.fill(x.data, Double.NaN);
        return x;
    }
}

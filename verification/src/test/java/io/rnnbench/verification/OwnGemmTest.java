package io.rnnbench.verification;

import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.core.spi.Precision;
import io.rnnbench.core.spi.Transpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The GEMMs we wrote ourselves — {@code raw}'s blocked, packed driver with its plain tile kernel, the same
 * driver with {@code raw-simd}'s Vector API kernel, that on two threads ({@code raw-simd-mt}), and the float32 GEMM of
 * {@code raw-simd-f32} — against a naive float64 triple loop, for all four transpose cases,
 * several α and β (β = 0 over a C full of NaN, which must be ignored), and shapes that hit every edge of the
 * blocking and of the vectors: 1, odd, primes, one less, equal and one more than the tile height 4, the k
 * unroll 2, the SIMD column block (24 with 8-double vectors), the panel width NC = 256 and depth KC = 256.
 * The library backends' GEMMs are their authors' to test; the conformance suite checks them on the model's shapes.
 *
 * <p>Tolerance: |got − want| ≤ 1e−12·(1 + Σ<sub>p</sub>|α·op(A)<sub>ip</sub>·op(B)<sub>pj</sub>| + |β·C<sub>ij</sub>|).
 * Both sides add the same k ≤ 1025 products in different orders (the kernels with one rounding per fused
 * multiply-add), so each is within about k·2<sup>−53</sup> ≈ 1.1e−13 of the exact sum relative to that sum of
 * magnitudes; 1e−12 leaves margin for that and is still far below one missing, doubled or misplaced product
 * (of the order of the sum divided by k). Float32 ({@code raw-simd-f32}, against the same float64 sum of the unrounded
 * operands): (k + {@value #F32_ROUNDINGS})·2<sup>−24</sup> in place of 1e−12, the first-order bound of k fused
 * multiply-adds in float32 on operands, α, β and C each rounded to float once and α·A once more; still below one
 * missing product while k²·2<sup>−24</sup> &lt; 1 (k ≤ 1025 here: 0.063).
 */
class OwnGemmTest {
    private static final double TOLERANCE = 1e-12;
    /** Roundings besides the k sums, float32: A, B, C, α·A, β·C (α and β rounded too, within them at first order). */
    private static final int F32_ROUNDINGS = 5;
    private static final long SEED = 20240611L;
    private static final int PANEL = 256;

    private final Random random = new Random(SEED);

    @ParameterizedTest
    @ValueSource(strings = {"raw", "raw-simd", "raw-simd-mt", "raw-simd-f32"})
    void smallShapesEveryTransposeAlphaBeta(String name) {
        Checker<?> checker = checker(name);
        int[] sizes = {1, 2, 3, 4, 5, 7, 8, 9, 13};
        double[][] alphaBeta = {{1, 0}, {-0.7, 0}, {1, 1}, {0.3, -1.5}, {2, 0.5}};
        for (Transpose opA : Transpose.values()) {
            for (Transpose opB : Transpose.values()) {
                for (int m : sizes) {
                    for (int n : sizes) {
                        for (int k : sizes) {
                            for (double[] ab : alphaBeta) {
                                checker.check(opA, opB, m, n, k, ab[0], ab[1]);
                            }
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"raw", "raw-simd", "raw-simd-mt", "raw-simd-f32"})
    void blockAndVectorBoundariesEveryTranspose(String name) {
        Checker<?> checker = checker(name);
        int[] ms = {1, 3, 4, 5, 31, 37};
        int[] ns = {1, 11, 23, 24, 25, 33, 47, 65, PANEL - 1, PANEL, PANEL + 1, 2 * PANEL + 3};
        int[] ks = {1, 2, 3, PANEL - 1, PANEL, PANEL + 1, 2 * PANEL, 4 * PANEL + 1};
        for (Transpose opA : Transpose.values()) {
            for (Transpose opB : Transpose.values()) {
                for (int m : ms) {
                    for (int n : ns) {
                        for (int k : ks) {
                            if ((long) m * n * k <= 3_000_000) {
                                checker.check(opA, opB, m, n, k, 0.9, 0);
                                checker.check(opA, opB, m, n, k, -1.1, 0.25);
                            }
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"raw", "raw-simd", "raw-simd-mt", "raw-simd-f32"})
    void rnnShapes(String name) {
        Checker<?> checker = checker(name);
        // medium preset per-step recurrence, its backward NT, the hoisted TN weight gradient, batch-1 inference
        checker.check(Transpose.N, Transpose.N, 32, 1024, 256, 1, 1);
        checker.check(Transpose.N, Transpose.T, 32, 256, 1024, 1, 0);
        checker.check(Transpose.T, Transpose.N, 256, 1024, 97, 1, 1);
        checker.check(Transpose.N, Transpose.N, 1, 512, 128, 1, 0);
        checker.check(Transpose.N, Transpose.T, 1, 128, 512, 1, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"raw", "raw-simd", "raw-simd-mt", "raw-simd-f32"})
    void deterministicAndReusableAcrossShapes(String name) {
        Checker<?> checker = checker(name);
        double[] first = checker.product(70, 300, 260, 1);
        checker.product(3, 5, 2, 2);
        double[] second = checker.product(70, 300, 260, 1);
        assertArrayEquals(first, second, name + ": same inputs, same backend instance: bit-identical");
    }

    /**
     * raw-simd's kernel runs the same chain of fused multiply-adds per entry as raw's, in the same order, so the
     * two backends' products are the same bits (which makes every model-level comparison of the two exact).
     */
    @Test
    void simdKernelIsBitIdenticalToRaw() {
        Checker<?> raw = checker("raw");
        Checker<?> simd = checker("raw-simd");
        int[][] shapes = {{1, 1, 1}, {1, 65, 128}, {1, 512, 128}, {4, 24, 2}, {7, 25, 3}, {32, 1024, 256}, {37, 257, 513}};
        for (int[] s : shapes) {
            for (double beta : new double[] {0, 1, -0.5}) {
                assertArrayEquals(raw.product(s[0], s[2], s[1], beta), simd.product(s[0], s[2], s[1], beta),
                        "[" + s[0] + ", " + s[2] + "]·[" + s[2] + ", " + s[1] + "], β = " + beta);
            }
        }
    }

    /**
     * raw-simd-mt splits C's columns between two threads, each entry still computed by one thread in the same
     * order: the same bits as raw-simd, in every transpose case, for products above and below the split threshold
     * and with the split column inside a panel (n = 520) and at a panel's edge (n = 1024), a row vector times a
     * large matrix among them (the kept operand from the first product, the dot products against Bᵀ), each product
     * twice (the second from the kept operand).
     */
    @Test
    void twoThreadsAreBitIdenticalToOne() {
        Checker<?> one = checker("raw-simd");
        Checker<?> two = checker("raw-simd-mt");
        int[][] shapes = {{1, 512, 128}, {7, 25, 3}, {32, 1024, 256}, {32, 256, 1024}, {37, 520, 301}, {64, 2048, 512}, {1, 4096, 1024}};
        for (Transpose opA : Transpose.values()) {
            for (Transpose opB : Transpose.values()) {
                for (int[] s : shapes) {
                    for (double beta : new double[] {0, 1, -0.5}) {
                        for (int repeat = 0; repeat < 2; repeat++) {
                            assertArrayEquals(one.product(opA, opB, s[0], s[2], s[1], beta),
                                    two.product(opA, opB, s[0], s[2], s[1], beta),
                                    opA + "" + opB + " m=" + s[0] + " k=" + s[2] + " n=" + s[1] + ", β = " + beta);
                        }
                    }
                }
            }
        }
    }

    /**
     * Once compiled, the kernels allocate nothing per call: packing buffers belong to the backend instance. The
     * Vector API boxes its vectors until C2 has compiled the kernel (escape analysis then removes the boxes), so
     * the check is of the steady state: some round of 50 calls within the first 100 rounds allocates nothing.
     */
    @ParameterizedTest
    @ValueSource(strings = {"raw", "raw-simd", "raw-simd-mt", "raw-simd-f32"})
    void noAllocationPerCallOnceCompiled(String name) {
        Checker<?> checker = checker(name);
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 100 && allocated >= 1024; round++) {
            allocated = checker.bytesAllocatedBy50Calls();
        }
        assertTrue(allocated < 1024, name + ": 50 gemm calls still allocate " + allocated + " bytes after 100 rounds");
    }

    private Checker<?> checker(String name) {
        return new Checker<>(Backends.byName(name));
    }

    /** One backend's GEMM against the naive sum. */
    private final class Checker<M> {
        private final Backend<M> backend;
        /** The operands of the allocation check: C [33, 260] = A [33, 300]·B [260, 300]ᵀ + 0.5·C. */
        private final M a;
        private final M b;
        private final M c;
        /** Whether the backend computes in float32 (the bound is then float32's). */
        private final boolean float32;

        Checker(Backend<M> backend) {
            this.backend = backend;
            this.float32 = Backends.precision(backend.name()) == Precision.FLOAT32;
            this.a = backend.fromArray(33, 300, gaussian(33 * 300));
            this.b = backend.fromArray(260, 300, gaussian(260 * 300));
            this.c = backend.fromArray(33, 260, gaussian(33 * 260));
        }

        void check(Transpose opA, Transpose opB, int m, int n, int k, double alpha, double beta) {
            double[] a = gaussian(m * k);
            double[] b = gaussian(k * n);
            double[] c0 = beta == 0 ? nan(m * n) : gaussian(m * n);
            M product = backend.fromArray(m, n, c0);
            backend.gemm(alpha, opA == Transpose.N ? backend.fromArray(m, k, a) : backend.fromArray(k, m, a), opA,
                    opB == Transpose.N ? backend.fromArray(k, n, b) : backend.fromArray(n, k, b), opB, beta, product);
            double[] got = backend.toArray(product);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    double magnitude = 0;
                    for (int p = 0; p < k; p++) {
                        double x = alpha * (opA == Transpose.N ? a[i * k + p] : a[p * m + i])
                                * (opB == Transpose.N ? b[p * n + j] : b[j * k + p]);
                        sum += x;
                        magnitude += Math.abs(x);
                    }
                    double old = beta == 0 ? 0 : beta * c0[i * n + j];
                    double want = sum + old;
                    double bound = (float32 ? (k + F32_ROUNDINGS) * 0x1p-24 : TOLERANCE) * (1 + magnitude + Math.abs(old));
                    if (!(Math.abs(got[i * n + j] - want) <= bound)) {
                        fail(String.format("%s gemm(α=%s, op(A)=%s, op(B)=%s, β=%s) [%d, %d]·[%d, %d]: at (%d, %d) got %s,"
                                        + " want %s, |diff| %.3g > %.3g", backend.name(), alpha, opA, opB, beta, m, k, k, n, i, j,
                                got[i * n + j], want, Math.abs(got[i * n + j] - want), bound));
                    }
                }
            }
        }

        /** C = A·B + β·C for seeded [m, k], [k, n] operands (the same for the same sizes). */
        double[] product(int m, int k, int n, double beta) {
            return product(Transpose.N, Transpose.N, m, k, n, beta);
        }

        /** C = op(A)·op(B) + β·C for seeded operands, op(A) [m, k] and op(B) [k, n] (the same for the same sizes). */
        double[] product(Transpose opA, Transpose opB, int m, int k, int n, double beta) {
            Random fixed = new Random(SEED);
            M left = opA == Transpose.N ? backend.fromArray(m, k, fixed.doubles(m * k).toArray())
                    : backend.fromArray(k, m, fixed.doubles(m * k).toArray());
            M right = opB == Transpose.N ? backend.fromArray(k, n, fixed.doubles(k * n).toArray())
                    : backend.fromArray(n, k, fixed.doubles(k * n).toArray());
            M out = backend.fromArray(m, n, fixed.doubles(m * n).toArray());
            backend.gemm(1, left, opA, right, opB, beta, out);
            return backend.toArray(out);
        }

        /** Bytes allocated by 50 products, by every thread (raw-simd-mt's worker included). */
        long bytesAllocatedBy50Calls() {
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = allocatedByAllThreads(threads);
            for (int i = 0; i < 50; i++) {
                backend.gemm(1, a, Transpose.N, b, Transpose.T, 0.5, c);
            }
            return allocatedByAllThreads(threads) - before;
        }

        /** Σ of every live thread's allocated bytes (the two arrays this allocates are ≈ 100 B each). */
        private static long allocatedByAllThreads(com.sun.management.ThreadMXBean threads) {
            long sum = 0;
            for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
                sum += Math.max(bytes, 0); // −1: the thread ended
            }
            return sum;
        }
    }

    private double[] gaussian(int length) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }

    private static double[] nan(int length) {
        double[] x = new double[length];
        Arrays.fill(x, Double.NaN);
        return x;
    }
}

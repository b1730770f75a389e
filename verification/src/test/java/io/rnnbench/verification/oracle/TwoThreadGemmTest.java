package io.rnnbench.verification.oracle;

import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.core.spi.Transpose;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The two-thread GEMM ({@code raw}'s {@code ParallelGemm}, run by {@code raw-simd-mt}) against a plain triple loop,
 * on products at and just over the size where it splits C's columns between two threads (m·n·k ≥ 2<sup>21</sup>,
 * n ≥ 16), with awkward shapes: exactly 2<sup>21</sup> with n = 16 (the narrowest split, 8 + 8 columns); n = 17,
 * 25 and 33 (the worker's share wider than the caller's, ending in a partial vector); n = 300 (the split inside a
 * 256-column panel) and 1031 (the split at column 520, past a panel edge); m = 1, 2, 3 and primes; k = 1. Each product
 * is run in the four transpose cases, with β = 0 over a C full of NaN (the old C must be ignored) when op(A) and
 * op(B) are alike, else with α = −1.25 and β = −0.5, one after the other on the same backend (the worker thread is
 * reused). One shape just under the size stays on one thread: the same check holds there.
 *
 * <p>Tolerance as in {@code OwnGemmTest}: both sides add the same k products in different orders, each within
 * about k·2<sup>−53</sup> of the exact sum relative to Σ|products|, so |got − want| ≤ 4·(k + 1)·2<sup>−53</sup>·
 * (Σ<sub>p</sub>|α·a·b| + |β·c|) + 1e−300; a missing, doubled or misplaced column or product is of the order of
 * Σ/k, far above it for every k here (≤ 41,121: 1.8e−11·Σ against 2.4e−5·Σ).
 */
class TwoThreadGemmTest {
    private static final double UNIT_ROUNDOFF = Math.ulp(1.0) / 2;
    /** {m, n, k}: m·n·k ≥ 2<sup>21</sup> = 2,097,152 except the last, which is one row short. */
    private static final int[][] SHAPES = {
            {32, 16, 4096}, {3, 17, 41_121}, {37, 25, 2268}, {64, 33, 993}, {7, 300, 1000}, {2, 1031, 1024},
            {1, 2048, 1025}, {2048, 1031, 1}, {31, 16, 4096}};

    private final Random random = new Random(20261202L);

    @Test
    void twoThreadProductsEqualTheTripleLoop() {
        check(Backends.byName("raw-simd-mt"));
    }

    private <M> void check(Backend<M> backend) {
        for (int[] s : SHAPES) {
            for (Transpose opA : Transpose.values()) {
                for (Transpose opB : Transpose.values()) {
                    if (opA == opB) {
                        product(backend, opA, opB, s[0], s[1], s[2], 1.0, 0.0);
                    } else {
                        product(backend, opA, opB, s[0], s[1], s[2], -1.25, -0.5);
                    }
                }
            }
        }
    }

    /**
     * α = 0 over a product of the split size: C = β·C and op(A)·op(B) is not computed (as in BLAS: NaN in A and B
     * do not reach C); β = 0 then gives zeros even over NaN.
     */
    @Test
    void alphaZeroScalesC() {
        alphaZero(Backends.byName("raw-simd-mt"));
    }

    private <M> void alphaZero(Backend<M> backend) {
        double[] nan = new double[32 * 4096];
        java.util.Arrays.fill(nan, Double.NaN);
        for (double beta : new double[] {0.5, 0.0}) {
            double[] c0 = beta == 0.0 ? java.util.Arrays.copyOf(nan, 32 * 16) : uniform(32 * 16);
            M c = backend.fromArray(32, 16, c0);
            backend.gemm(0.0, backend.fromArray(32, 4096, nan), Transpose.N, backend.fromArray(4096, 16, java.util.Arrays.copyOf(nan, 4096 * 16)), Transpose.N,
                    beta, c);
            double[] got = backend.toArray(c);
            for (int i = 0; i < got.length; i++) {
                assertEquals(beta == 0.0 ? 0.0 : beta * c0[i], got[i], 0.0, "entry " + i + " of 0·A·B + " + beta + "·C");
            }
        }
    }

    /**
     * The documented hand-over: a product under 2<sup>21</sup> multiply-adds, or narrower than 16 columns, stays on the
     * calling thread (no worker thread is started), one of exactly 2<sup>21</sup> with 16 columns starts a daemon
     * worker thread, and that thread ends once its backend is garbage collected. Observed through the live threads
     * named {@code rnnbench-gemm-worker} that were not there before.
     */
    @Test
    void theWorkerStartsAtTheDocumentedSizeAndStopsWithItsBackend() throws InterruptedException {
        assertEquals(Set.of(), newWorkersAfter(31, 16, 4096), "[31, 4096]·[4096, 16]: 2,031,616 multiply-adds, one thread");
        assertEquals(Set.of(), newWorkersAfter(64, 15, 4096), "[64, 4096]·[4096, 15]: 15 columns, one thread");
        Set<Thread> started = newWorkersAfter(32, 16, 4096);
        assertEquals(1, started.size(), "[32, 4096]·[4096, 16]: 2^21 multiply-adds, 16 columns: one worker thread");
        Thread worker = started.iterator().next();
        assertTrue(worker.isDaemon(), "the worker is a daemon thread");
        for (int round = 0; round < 200 && worker.isAlive(); round++) {
            System.gc();
            worker.join(50);
        }
        assertFalse(worker.isAlive(), "the worker thread of a collected backend is still alive after 200 collections");
    }

    /** The worker threads started by one product of a new raw-simd-mt backend, dropped afterwards. */
    private Set<Thread> newWorkersAfter(int m, int n, int k) {
        Set<Thread> before = workers();
        Backend<?> backend = Backends.byName("raw-simd-mt");
        product(backend, Transpose.N, Transpose.N, m, n, k, 1.0, 0.0);
        Set<Thread> started = new HashSet<>(workers());
        started.removeAll(before);
        return started;
    }

    private static Set<Thread> workers() {
        Set<Thread> workers = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("rnnbench-gemm-worker") && t.isAlive()) {
                workers.add(t);
            }
        }
        return workers;
    }

    private <M> void product(Backend<M> backend, Transpose opA, Transpose opB, int m, int n, int k, double alpha, double beta) {
        double[] a = uniform(m * k); //                              op(A) [m, k], stored [m, k] or [k, m]
        double[] b = uniform(k * n); //                              op(B) [k, n], stored [k, n] or [n, k]
        double[] c0 = uniform(m * n); //                             C [m, n]
        if (beta == 0.0) {
            java.util.Arrays.fill(c0, Double.NaN);
        }
        M c = backend.fromArray(m, n, c0);
        backend.gemm(alpha, opA == Transpose.N ? backend.fromArray(m, k, a) : backend.fromArray(k, m, a), opA,
                opB == Transpose.N ? backend.fromArray(k, n, b) : backend.fromArray(n, k, b), opB, beta, c);
        double[] got = backend.toArray(c);
        double[] row = new double[k];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                row[p] = alpha * (opA == Transpose.N ? a[i * k + p] : a[p * m + i]);
            }
            for (int j = 0; j < n; j++) {
                double sum = 0;
                double magnitude = 0;
                for (int p = 0; p < k; p++) {
                    double x = row[p] * (opB == Transpose.N ? b[p * n + j] : b[j * k + p]);
                    sum += x;
                    magnitude += Math.abs(x);
                }
                double old = beta == 0.0 ? 0.0 : beta * c0[i * n + j];
                double want = sum + old;
                double bound = 4 * (k + 1) * UNIT_ROUNDOFF * (magnitude + Math.abs(old)) + 1e-300;
                double diff = Math.abs(got[i * n + j] - want);
                if (!(diff <= bound)) {
                    fail(String.format("%s gemm(α=%s, op(A)=%s, op(B)=%s, β=%s) [%d, %d]·[%d, %d]: at (%d, %d) got %s, want %s,"
                            + " |diff| %.3g > %.3g", backend.name(), alpha, opA, opB, beta, m, k, k, n, i, j, got[i * n + j], want,
                            diff, bound));
                }
            }
        }
    }

    private double[] uniform(int length) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = random.nextDouble() - 0.5;
        }
        return x;
    }
}

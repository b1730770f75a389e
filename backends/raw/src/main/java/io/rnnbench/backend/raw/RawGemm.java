package io.rnnbench.backend.raw;

import static io.rnnbench.backend.raw.TileKernel.DEPTH;
import static io.rnnbench.backend.raw.TileKernel.ROWS;
import static io.rnnbench.backend.raw.TileKernel.STRIDE;
import static io.rnnbench.backend.raw.TileKernel.WIDTH;

import io.rnnbench.core.spi.Transpose;

/**
 * C = α·op(A)·op(B) + β·C on row-major arrays: a cache-blocked GEMM driver around a {@link TileKernel}.
 *
 * <p>Loop nest (GotoBLAS order, simplified because op(A) is read as scalars and needs no packing):
 * <pre>
 * for jc in [0, n) step NC = {@value TileKernel#WIDTH}            one packed panel is NC columns wide
 *   for pc in [0, k) step KC = {@value #DEPTH_BLOCK}                and KC rows deep
 *     pack op(B)[pc:pc+KC, jc:jc+NC] → panel              {@link Packing}: all four transpose cases look alike
 *     for i in [0, m) step 4                              the 4 × NC tile of C is copied into acc …
 *       acc[0:4, :] += α·op(A)[i:i+4, pc:pc+KC] · panel  {@link TileKernel#accumulate}
 *                                                         … and back into C
 * </pre>
 * Block sizes and why: the tile acc (4 × NC doubles = 8 KiB) and the two panel rows being read (4 KiB) stay
 * in L1 (48 KiB here); the panel (KC × NC doubles = 512 KiB) stays in L2 (2 MiB per core) while it is reused
 * by every row block of C; NC = 256 is long enough for the vectorized j loop to amortise its pre- and
 * post-loops (C2 unrolls to 4–8 vectors of 8 doubles) and KC = 256 makes the copy of the tile into and out of
 * acc (2 loads + 2 stores per entry per KC) cost under 1% of the FMAs. The same blocking serves both kernels
 * ({@link PlainTileKernel}, and the Vector API one of the {@code raw-simd} module): DESIGN-NOTES.md §9.
 *
 * <p>An instance owns its buffers, fixed-size and allocated with it (the panel, KC × (NC + 8) doubles ≈ 528 KiB,
 * and the tile, 8 KiB), whatever the shapes: no allocation per call. <b>Not thread-safe</b>: one instance per thread (each {@link RawBackend} has its own).
 * Shapes are checked by the caller.
 */
final class RawGemm {
    /** KC: rows of op(B) per packed panel (a multiple of {@link TileKernel#DEPTH}). */
    static final int DEPTH_BLOCK = 256;

    /** The packed panel of op(B): ⌈KC / DEPTH⌉ groups of DEPTH rows at stride S. */
    private final double[][] panel = new double[DEPTH_BLOCK / DEPTH][DEPTH * STRIDE];
    /** The C tile being accumulated: ROWS rows at stride S. */
    private final double[] acc = new double[ROWS * STRIDE];
    private final TileKernel kernel;

    RawGemm(TileKernel kernel) {
        this.kernel = kernel;
    }

    /** C = α·op(A)·op(B) + β·C; with β = 0, C's old content (even NaN) is ignored. */
    void gemm(double alpha, RawMatrix a, Transpose opA, RawMatrix b, Transpose opB, double beta, RawMatrix c) {
        scaleC(beta, c);
        multiplyAdd(alpha, a, opA, b, opB, c);
    }

    /** C += α·op(A)·op(B). */
    private void multiplyAdd(double alpha, RawMatrix a, Transpose opA, RawMatrix b, Transpose opB, RawMatrix c) {
        int m = c.rows;
        int n = c.cols;
        int k = opA == Transpose.N ? a.cols : a.rows;
        // op(A)[i, p] = a[i·rowStride + p·colStride]
        int aRowStride = opA == Transpose.N ? k : 1;
        int aColStride = opA == Transpose.N ? 1 : m;
        if (opB == Transpose.T && m < ROWS) {
            // A matrix–vector-like product against Bᵀ: packing Bᵀ would cost as much as the product itself,
            // while each C[i, j] is a dot product of two unit-stride rows when op(A) = A.
            dotRows(alpha, a.data, aRowStride, aColStride, b.data, k, c.data, m, n);
            return;
        }
        for (int jc = 0; jc < n; jc += WIDTH) {
            int nc = Math.min(WIDTH, n - jc);
            for (int pc = 0; pc < k; pc += DEPTH_BLOCK) {
                int kc = Math.min(DEPTH_BLOCK, k - pc);
                Packing.packB(b.data, b.cols, opB == Transpose.T, pc, kc, jc, nc, panel);
                int i = 0;
                for (; i + ROWS <= m; i += ROWS) {
                    tile(ROWS, alpha, a.data, i * aRowStride + pc * aColStride, aRowStride, aColStride, kc, nc, c.data, i * n + jc, n);
                }
                for (; i < m; i++) {
                    tile(1, alpha, a.data, i * aRowStride + pc * aColStride, aRowStride, aColStride, kc, nc, c.data, i * n + jc, n);
                }
            }
        }
    }

    /**
     * C[i:i+rows, jc:jc+nc] += α·op(A)[i:i+rows, pc:pc+kc]·panel through the tile: {@code a0} indexes
     * op(A)[i, pc], {@code c0} C[i, jc].
     */
    private void tile(int rows, double alpha, double[] a, int a0, int rs, int cs, int kc, int nc, double[] c, int c0, int ldc) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(c, c0 + r * ldc, acc, r * STRIDE, nc);
        }
        kernel.accumulate(rows, alpha, a, a0, rs, cs, panel, kc, acc, nc);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(acc, r * STRIDE, c, c0 + r * ldc, nc);
        }
    }

    /** C[i, j] += α·Σ_p op(A)[i, p]·B[j, p]: four independent sums per entry. */
    private static void dotRows(double alpha, double[] a, int rs, int cs, double[] b, int k, double[] c, int m, int n) {
        for (int i = 0; i < m; i++) {
            int aRow = i * rs;
            for (int j = 0; j < n; j++) {
                int bRow = j * k;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int p = 0;
                for (; p + 3 < k; p += 4) {
                    s0 = Math.fma(a[aRow + p * cs], b[bRow + p], s0);
                    s1 = Math.fma(a[aRow + (p + 1) * cs], b[bRow + p + 1], s1);
                    s2 = Math.fma(a[aRow + (p + 2) * cs], b[bRow + p + 2], s2);
                    s3 = Math.fma(a[aRow + (p + 3) * cs], b[bRow + p + 3], s3);
                }
                for (; p < k; p++) {
                    s0 = Math.fma(a[aRow + p * cs], b[bRow + p], s0);
                }
                c[i * n + j] += alpha * ((s0 + s1) + (s2 + s3));
            }
        }
    }

    static void scaleC(double beta, RawMatrix c) {
        if (beta == 0.0) {
            java.util.Arrays.fill(c.data, 0.0);
        } else if (beta != 1.0) {
            for (int i = 0; i < c.data.length; i++) {
                c.data[i] *= beta;
            }
        }
    }
}

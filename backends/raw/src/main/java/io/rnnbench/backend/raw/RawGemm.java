package io.rnnbench.backend.raw;

import io.rnnbench.core.spi.Transpose;

import static io.rnnbench.backend.raw.TileKernel.ROWS;
import static io.rnnbench.backend.raw.TileKernel.STRIDE;
import static io.rnnbench.backend.raw.TileKernel.WIDTH;

/**
 * C = α·op(A)·op(B) + β·C on row-major arrays: a cache-blocked GEMM driver around a {@link TileKernel}.
 *
 * <p>Loop nest (GotoBLAS order):
 * <pre>
 * for pc in [0, k) step KC = {@value #DEPTH_BLOCK}
 *   pack α·op(A)[:, pc:pc+KC] → strips, 4 rows each       {@link Packing#packA}, once for all column blocks
 *   for jc in [0, n) step NC = {@value TileKernel#WIDTH}
 *     pack op(B)[pc:pc+KC, jc:jc+NC] → panel              {@link Packing#packB}: all four transpose cases look alike
 *                                                         (or take it from {@link PackedOperand}: a repeated B)
 *     for i in [0, m) step 4
 *       copy C[i:i+4, jc:jc+NC] → acc                     (zeros instead at pc = 0 when β = 0: C is not read)
 *       acc += strip_i · panel                            {@link TileKernel#accumulate}
 *       copy acc → C[i:i+4, jc:jc+NC]
 * </pre>
 * Block sizes and why: the tile acc (4 × NC doubles = 8 KiB), the strip (4 × KC = 8 KiB) and the panel rows being
 * read stay in L1; the panel (KC × NC doubles = 528 KiB) stays in L2 while it is reused by every row block of C;
 * KC = 256 makes the copies of the tile into and out of acc (2 loads + 2 stores per entry per KC) a small fraction
 * of the KC FMAs per entry. A is packed once per KC, not once per panel: with A read in transposed (the weight
 * gradients, a stride of m doubles per step of p), packing it for every panel cost a visible share of an LSTM
 * training step (DESIGN-NOTES.md §10). The same blocking serves both kernels ({@link PlainTileKernel}, and the Vector API one of
 * the {@code raw-simd} module): DESIGN-NOTES.md §7.
 *
 * <p>An instance owns its buffers: the panel (KC × S doubles ≈ 528 KiB) and the tile, fixed-size and allocated
 * with it whatever the shapes; the strips of A (m × min(k, KC) doubles, never more than A itself) and the
 * {@link PackedOperand}'s panels (at most {@value PackedOperand#MAX_PANELS}), which grow to the largest A and the
 * largest repeated B seen and then stay: no allocation per call in the steady state. <b>Not thread-safe</b>: one
 * instance per thread (each {@link RawBackend} has its own). Shapes are checked by the caller.
 */
final class RawGemm implements Gemm {
    /** KC: rows of op(B) per packed panel. */
    static final int DEPTH_BLOCK = 256;

    /** The packed panel of op(B): ⌈KC / DEPTH⌉ groups of DEPTH rows at stride S. */
    private final double[][] panel = new double[DEPTH_BLOCK / TileKernel.DEPTH][TileKernel.DEPTH * STRIDE];
    /** A right operand the caller multiplies by again and again, packed once. */
    private final PackedOperand packedOperand = new PackedOperand();
    /** α·op(A)[:, pc:pc+kc] packed: the strip of rows i .. i+rows at strips[i·kc], column by column. */
    private double[] strips = new double[0];
    /** The C tile being accumulated: ROWS rows at stride S. */
    private final double[] acc = new double[ROWS * STRIDE];
    private final TileKernel kernel;

    RawGemm(TileKernel kernel) {
        this.kernel = kernel;
    }

    /** C = α·op(A)·op(B) + β·C; with β = 0, C's old content (even NaN) is ignored. */
    @Override
    public void gemm(double alpha, RawMatrix a, Transpose opA, RawMatrix b, Transpose opB, double beta, RawMatrix c) {
        double[] cData = prepareC(alpha, beta, c);
        if (cData != null) {
            multiplyAdd(alpha, a, opA, b, opB, beta == 0.0, cData, c.rows, c.cols, 0, c.cols);
        }
    }

    /**
     * Takes C for writing and applies β where the product will not: the data to pass to {@link #multiplyAdd} (with
     * {@code overwrite} = β == 0), or null when α = 0 and C = β·C is the whole result (as in BLAS, op(A)·op(B) is
     * then not computed, so NaN or ∞ in B do not reach C).
     */
    static double[] prepareC(double alpha, double beta, RawMatrix c) {
        double[] cData = c.modify();
        if (alpha == 0.0) {
            scaleC(beta, cData);
            return null;
        }
        if (beta != 0.0 && beta != 1.0) {
            scaleC(beta, cData);
        }
        return cData;
    }

    /**
     * Columns j0 .. j1 − 1 of C = α·op(A)·op(B) + C, or with {@code overwrite} of C = α·op(A)·op(B) without reading
     * C: the sums then start from 0 in the tile, where filling C with zeros and copying them in was a pass over C for
     * nothing (the [1600, 1024] input projection of {@code medium}). {@code c} is C's data ({@code m × n}), taken
     * with {@link RawMatrix#modify()} by the caller; a column range is what one thread of {@link ParallelGemm} computes.
     */
    void multiplyAdd(double alpha, RawMatrix a, Transpose opA, RawMatrix b, Transpose opB, boolean overwrite,
                     double[] c, int m, int n, int j0, int j1) {
        int k = opA == Transpose.N ? a.cols : a.rows;
        // op(A)[i, p] = a[i·rowStride + p·colStride]
        int aRowStride = opA == Transpose.N ? k : 1;
        int aColStride = opA == Transpose.N ? 1 : m;
        if (opB == Transpose.T && m < ROWS) {
            // A matrix–vector-like product against Bᵀ: packing Bᵀ would cost as much as the product itself,
            // while each C[i, j] is a dot product of two unit-stride rows when op(A) = A.
            dotRows(alpha, a.data, aRowStride, aColStride, b.data, k, overwrite, c, m, n, j0, j1);
            return;
        }
        boolean kept = packedOperand.holds(m, b, opB, k, j0, j1); // if not, each panel is packed here
        int stripsLength = m * Math.min(k, DEPTH_BLOCK);
        if (strips.length < stripsLength) {
            strips = new double[stripsLength];
        }
        for (int pc = 0; pc < k; pc += DEPTH_BLOCK) {
            int kc = Math.min(DEPTH_BLOCK, k - pc);
            for (int i = 0; i < m; i += tileRows(i, m)) {
                Packing.packA(alpha, a.data, aRowStride, aColStride, i, tileRows(i, m), pc, kc, strips, i * kc);
            }
            for (int jc = j0; jc < j1; jc += WIDTH) {
                int nc = Math.min(WIDTH, j1 - jc);
                double[][] block = panel;
                if (kept) {
                    block = packedOperand.panel(jc, pc);
                } else {
                    Packing.packB(b.data, b.cols, opB == Transpose.T, pc, kc, jc, nc, panel);
                }
                for (int i = 0; i < m; i += tileRows(i, m)) {
                    tile(tileRows(i, m), i * kc, block, kc, nc, overwrite && pc == 0, c, i * n + jc, n);
                }
            }
        }
    }

    /** Rows of the tile that starts at row i of C: {@link TileKernel#ROWS}, or 1 for the leftover rows. */
    private static int tileRows(int i, int m) {
        return m - i >= ROWS ? ROWS : 1;
    }

    /**
     * C[i:i+rows, jc:jc+nc] += strip_i·block through the tile, or = with {@code fresh} (C not read): {@code s0}
     * indexes strip_i, {@code c0} C[i, jc].
     */
    private void tile(int rows, int s0, double[][] block, int kc, int nc, boolean fresh, double[] c, int c0, int ldc) {
        for (int r = 0; r < rows; r++) {
            if (fresh) {
                java.util.Arrays.fill(acc, r * STRIDE, r * STRIDE + nc, 0.0);
            } else {
                System.arraycopy(c, c0 + r * ldc, acc, r * STRIDE, nc);
            }
        }
        kernel.accumulate(rows, strips, s0, block, kc, acc, nc);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(acc, r * STRIDE, c, c0 + r * ldc, nc);
        }
    }

    /** C[i, j] += α·Σ_p op(A)[i, p]·B[j, p] (= with {@code overwrite}), j0 ≤ j &lt; j1: four independent sums per entry. */
    private static void dotRows(double alpha, double[] a, int rs, int cs, double[] b, int k, boolean overwrite,
                                double[] c, int m, int n, int j0, int j1) {
        for (int i = 0; i < m; i++) {
            int aRow = i * rs;
            for (int j = j0; j < j1; j++) {
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
                c[i * n + j] = (overwrite ? 0.0 : c[i * n + j]) + alpha * ((s0 + s1) + (s2 + s3));
            }
        }
    }

    /** C = β·C: zeros for β = 0 (NaN included), nothing for β = 1. */
    private static void scaleC(double beta, double[] c) {
        if (beta == 0.0) {
            java.util.Arrays.fill(c, 0.0);
        } else if (beta != 1.0) {
            for (int i = 0; i < c.length; i++) {
                c[i] *= beta;
            }
        }
    }
}

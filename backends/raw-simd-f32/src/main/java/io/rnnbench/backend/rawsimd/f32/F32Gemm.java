package io.rnnbench.backend.rawsimd.f32;

import io.rnnbench.core.spi.Transpose;

import java.util.Arrays;

import static io.rnnbench.backend.rawsimd.f32.F32TileKernel.ROWS;

/**
 * C = α·op(A)·op(B) + β·C on row-major float arrays, float32 throughout (sums included, as BLAS sgemm): a
 * cache-blocked, packed driver (GotoBLAS loop order) around {@link F32TileKernel}.
 * <pre>
 * for pc in [0, k) step KC = {@value #DEPTH_BLOCK}
 *   pack α·op(A)[:, pc:pc+KC] → strips of 4 rows, column by column       once for all column blocks
 *   for jc in [0, n) step NC = {@value #WIDTH}
 *     pack op(B)[pc:pc+KC, jc:jc+NC] → panel, rows at stride S         every transpose case looks alike to the kernel
 *     for i in [0, m) step 4 (then 1)
 *       acc = C[i:i+4, jc:jc+NC]   (zeros at pc = 0 when β = 0: C is not read, NaN included)
 *       acc += strip_i · panel                                        {@link F32TileKernel#accumulate}
 *       C[i:i+4, jc:jc+NC] = acc
 * </pre>
 * Sizes in bytes are raw's (KC × NC floats = 512 KiB of panel for L2, a 4 × NC tile of 8 KiB and a 4 × KC strip of
 * 4 KiB for L1), with twice the columns per panel since a float is half a double. An instance owns its buffers: the
 * panel and the tile, fixed-size; the strips, which grow to the largest A seen and then stay, so that the steady
 * state allocates nothing. <b>Not thread-safe</b>: one instance per backend. Shapes and aliasing are checked by the
 * caller.
 */
final class F32Gemm {
    /** KC: rows of op(B) per packed panel. */
    static final int DEPTH_BLOCK = 256;
    /** NC: columns of op(B) per packed panel. */
    static final int WIDTH = 512;
    /** Row stride S of the panel and the tile: NC plus 16 floats (one 64-byte line), so that rows are not 2 KiB apart. */
    static final int STRIDE = WIDTH + 16;

    static {
        // the kernel's whole blocks, up to nc rounded up to a block, then stay inside a row's NC columns
        if (WIDTH % F32TileKernel.BLOCK != 0) {
            throw new IllegalStateException("panel width " + WIDTH + " is not a multiple of the kernel's block "
                    + F32TileKernel.BLOCK);
        }
    }

    /** op(B)[pc:pc+kc, jc:jc+nc] packed: row p at p·S. */
    private final float[] panel = new float[DEPTH_BLOCK * STRIDE];
    /** The C tile: ROWS rows at stride S. */
    private final float[] acc = new float[ROWS * STRIDE];
    /** α·op(A)[:, pc:pc+kc] packed: the strip of rows i .. i+rows at strips[i·kc], column by column. */
    private float[] strips = new float[0];

    /** C = α·op(A)·op(B) + β·C; with β = 0, C's old content (even NaN) is ignored; with α = 0, op(A)·op(B) is not computed. */
    void gemm(float alpha, F32Matrix a, Transpose opA, F32Matrix b, Transpose opB, float beta, F32Matrix c) {
        float[] cData = c.data;
        if (beta == 0f) {
            if (alpha == 0f) {
                Arrays.fill(cData, 0f);
                return;
            }
        } else if (beta != 1f) {
            for (int i = 0; i < cData.length; i++) {
                cData[i] *= beta;
            }
        }
        if (alpha != 0f) {
            multiplyAdd(alpha, a, opA, b, opB, beta == 0f, c);
        }
    }

    /** C = α·op(A)·op(B) + C, or with {@code overwrite} C = α·op(A)·op(B) without reading C. */
    private void multiplyAdd(float alpha, F32Matrix a, Transpose opA, F32Matrix b, Transpose opB, boolean overwrite, F32Matrix c) {
        int m = c.rows;
        int n = c.cols;
        int k = opA == Transpose.N ? a.cols : a.rows;
        // op(A)[i, p] = a[i·rowStride + p·colStride]
        int aRowStride = opA == Transpose.N ? k : 1;
        int aColStride = opA == Transpose.N ? 1 : m;
        int stripsLength = m * Math.min(k, DEPTH_BLOCK);
        if (strips.length < stripsLength) {
            strips = new float[stripsLength];
        }
        for (int pc = 0; pc < k; pc += DEPTH_BLOCK) {
            int kc = Math.min(DEPTH_BLOCK, k - pc);
            for (int i = 0; i < m; i += tileRows(i, m)) {
                packA(alpha, a.data, aRowStride, aColStride, i, tileRows(i, m), pc, kc, i * kc);
            }
            for (int jc = 0; jc < n; jc += WIDTH) {
                int nc = Math.min(WIDTH, n - jc);
                packB(b.data, b.cols, opB == Transpose.T, pc, kc, jc, nc);
                for (int i = 0; i < m; i += tileRows(i, m)) {
                    tile(tileRows(i, m), i * kc, kc, nc, overwrite && pc == 0, c.data, i * n + jc, n);
                }
            }
        }
    }

    /** Rows of the tile that starts at row i of C: {@link F32TileKernel#ROWS}, or 1 for the leftover rows. */
    private static int tileRows(int i, int m) {
        return m - i >= ROWS ? ROWS : 1;
    }

    /** C[i:i+rows, jc:jc+nc] += strip_i·panel through the tile, or = with {@code fresh}; c0 indexes C[i, jc]. */
    private void tile(int rows, int s0, int kc, int nc, boolean fresh, float[] c, int c0, int ldc) {
        for (int r = 0; r < rows; r++) {
            if (fresh) {
                Arrays.fill(acc, r * STRIDE, r * STRIDE + nc, 0f);
            } else {
                System.arraycopy(c, c0 + r * ldc, acc, r * STRIDE, nc);
            }
        }
        F32TileKernel.accumulate(rows, strips, s0, panel, kc, acc, nc);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(acc, r * STRIDE, c, c0 + r * ldc, nc);
        }
    }

    /**
     * panel[p·S + j] = op(B)[pc + p, jc + j] for p &lt; kc, j &lt; nc; B is [k, n] (ldb = n) or, transposed, [n, k]
     * (ldb = k), read along its rows in both cases.
     */
    private void packB(float[] b, int ldb, boolean transposed, int pc, int kc, int jc, int nc) {
        if (!transposed) {
            for (int p = 0; p < kc; p++) {
                System.arraycopy(b, (pc + p) * ldb + jc, panel, p * STRIDE, nc);
            }
        } else {
            for (int j = 0; j < nc; j++) {
                int row = (jc + j) * ldb + pc;
                for (int p = 0; p < kc; p++) {
                    panel[p * STRIDE + j] = b[row + p];
                }
            }
        }
    }

    /** strips[s0 + p·rows + r] = α·op(A)[i + r, pc + p] for r &lt; rows, p &lt; kc, with op(A)[i, p] = a[i·rs + p·cs]. */
    private void packA(float alpha, float[] a, int rs, int cs, int i, int rows, int pc, int kc, int s0) {
        int out = s0;
        for (int p = 0; p < kc; p++) {
            int from = i * rs + (pc + p) * cs;
            for (int r = 0; r < rows; r++) {
                strips[out++] = alpha * a[from + r * rs];
            }
        }
    }
}

package io.rnnbench.backend.raw;

import static io.rnnbench.backend.raw.TileKernel.DEPTH;
import static io.rnnbench.backend.raw.TileKernel.STRIDE;

/**
 * Copies blocks of the operands into the layouts a {@link TileKernel} reads. A block of op(B) (rows pc .. pc+kc,
 * columns jc .. jc+nc) becomes a panel of ⌈kc / {@value TileKernel#DEPTH}⌉ group arrays of
 * {@value TileKernel#DEPTH} rows each at row stride {@value TileKernel#STRIDE}; a strip of rows of op(A) becomes
 * its columns one after the other, scaled by α. Packing makes every transpose case look the same to the kernel
 * (unit-stride rows of op(B), consecutive entries of op(A)), and keeps each block contiguous in cache whatever
 * the matrices' leading dimensions.
 */
final class Packing {
    private Packing() {
    }

    /**
     * panel[p / D][(p % D)·S + j] = op(B)[pc + p, jc + j] for p &lt; kc, j &lt; nc.
     *
     * @param b     B's row-major data; B is [k, n] if {@code transposed} is false, else [n, k]
     * @param ldb   B's number of columns (its row stride)
     * @param panel at least ⌈kc / D⌉ arrays of D·S doubles. Modified.
     */
    static void packB(double[] b, int ldb, boolean transposed, int pc, int kc, int jc, int nc, double[][] panel) {
        if (!transposed) {
            for (int p = 0; p < kc; p++) {
                System.arraycopy(b, (pc + p) * ldb + jc, panel[p / DEPTH], (p % DEPTH) * STRIDE, nc);
            }
        } else {
            packTransposed(b, ldb, pc, kc, jc, nc, panel);
        }
    }

    /**
     * The transposed case: op(B)[p, j] = B[jc + j, pc + p]. Eight consecutive p are one 64-byte line of a row of
     * B: each line is read once and its eight values go to column j of four groups (eight panel rows), so both
     * the reads (one line per j) and the writes (eight rows advancing together) stream. Written for
     * {@link TileKernel#DEPTH} = 2 (eight rows are four groups).
     */
    private static void packTransposed(double[] b, int ldb, int pc, int kc, int jc, int nc, double[][] panel) {
        int p0 = 0;
        for (; p0 + 8 <= kc; p0 += 8) {
            double[] g0 = panel[p0 / DEPTH];
            double[] g1 = panel[p0 / DEPTH + 1];
            double[] g2 = panel[p0 / DEPTH + 2];
            double[] g3 = panel[p0 / DEPTH + 3];
            int row = jc * ldb + pc + p0;
            for (int j = 0; j < nc; j++, row += ldb) {
                g0[j] = b[row];
                g0[j + STRIDE] = b[row + 1];
                g1[j] = b[row + 2];
                g1[j + STRIDE] = b[row + 3];
                g2[j] = b[row + 4];
                g2[j + STRIDE] = b[row + 5];
                g3[j] = b[row + 6];
                g3[j + STRIDE] = b[row + 7];
            }
        }
        for (int p = p0; p < kc; p++) {
            double[] g = panel[p / DEPTH];
            int offset = (p % DEPTH) * STRIDE;
            int row = jc * ldb + pc + p;
            for (int j = 0; j < nc; j++, row += ldb) {
                g[offset + j] = b[row];
            }
        }
    }

    /**
     * strip[s0 + p·rows + r] = α·op(A)[i + r, pc + p] for r &lt; rows, p &lt; kc, with op(A)[i, p] = a[i·rs + p·cs]:
     * the products α·A(r, p) the kernel multiplies by, next to each other in the order it reads them. Rows inner,
     * so that a transposed A (rs = 1) is read a few consecutive entries at a time.
     *
     * @param strip at least s0 + kc·rows doubles. Modified.
     */
    static void packA(double alpha, double[] a, int rs, int cs, int i, int rows, int pc, int kc, double[] strip, int s0) {
        int out = s0;
        for (int p = 0; p < kc; p++) {
            int from = i * rs + (pc + p) * cs;
            for (int r = 0; r < rows; r++) {
                strip[out++] = alpha * a[from + r * rs];
            }
        }
    }
}

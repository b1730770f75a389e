package io.rnnbench.backend.raw;

/**
 * The innermost loop of {@link RawGemm}, the one part of the raw backend a variant may replace: one tile of C
 * accumulates the product of a strip of op(A) and a packed panel of op(B).
 * <pre>
 * acc[r·S + j] += α · Σ<sub>p &lt; kc</sub> A(r, p) · panel(p, j)        for r &lt; rows, j &lt; nc
 *   A(r, p)     = a[a0 + r·rs + p·cs]                      a strip of op(A), read in place
 *   panel(p, j) = panel[p / 2][(p % 2)·S + j]              op(B) as packed by {@link Packing}
 * </pre>
 * with S = {@value #STRIDE}. Every row of the tile and of the panel is S long whatever nc is: a kernel may compute
 * columns nc .. S − 1 as well (whole vectors past nc); their values are unspecified and never copied back into C. {@link RawGemm} does the blocking, the packing and the
 * copies of C into and out of the tile; a kernel only does arithmetic: no allocation, no checks.
 */
public interface TileKernel {
    /** Rows of C per full tile (the register-tile height MR); the driver calls rows = 1 for the leftover rows. */
    int ROWS = 4;
    /** Rows of op(B) per packed group array. */
    int DEPTH = 2;
    /** Maximum tile width NC: columns of one packed panel. */
    int WIDTH = 256;
    /**
     * Row stride S of the tile and of a panel group: {@link #WIDTH} plus 8 doubles (one 64-byte line), so the
     * rows of the tile are not 4 KiB apart and do not alias each other in the store buffer.
     */
    int STRIDE = WIDTH + 8;

    /**
     * acc[r·S + j] += α·Σ<sub>p &lt; kc</sub> a[a0 + r·rs + p·cs]·panel[p / 2][(p % 2)·S + j] for r &lt; rows,
     * j &lt; nc.
     *
     * @param rows  1 or {@link #ROWS}
     * @param panel ⌈kc / {@value #DEPTH}⌉ group arrays of {@value #DEPTH}·S doubles. Not modified.
     * @param kc    depth, 1 ≤ kc ≤ {@link RawGemm#DEPTH_BLOCK}
     * @param acc   the tile, {@value #ROWS}·S doubles. Modified: rows &lt; {@code rows}, columns &lt; S.
     * @param nc    width, 1 ≤ nc ≤ {@value #WIDTH}
     */
    void accumulate(int rows, double alpha, double[] a, int a0, int rs, int cs, double[][] panel, int kc,
                    double[] acc, int nc);
}

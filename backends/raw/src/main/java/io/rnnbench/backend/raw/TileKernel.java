package io.rnnbench.backend.raw;

/**
 * The innermost loop of {@link RawGemm}, the one part of the raw backend a variant may replace: one tile of C
 * accumulates the product of a packed strip of op(A) and a packed panel of op(B).
 * <pre>
 * acc[r·S + j] += Σ<sub>p &lt; kc</sub> strip[s0 + p·rows + r] · panel[p / 2][(p % 2)·S + j]   for r &lt; rows, j &lt; nc
 *   strip  α·op(A)[i:i+rows, pc:pc+kc], column by column         packed by {@link Packing#packA}
 *   panel  op(B)[pc:pc+kc, jc:jc+nc], two rows per group array   packed by {@link Packing#packB}
 * </pre>
 * with S = {@value #STRIDE}. The strip puts the entries of A a kernel step broadcasts next to each other (with
 * A read in place, each one cost an index computation and a bounds check, and α a multiply); the group arrays
 * put the panel rows at constant offsets 0 and S (see {@link PlainTileKernel} for why). Every row of the tile
 * and of the panel is S long whatever nc is: a kernel may compute columns nc .. S − 1 as well (whole vectors
 * past nc); their values are unspecified and never copied back into C. {@link RawGemm} does the blocking, the
 * packing, α, and the copies of C into and out of the tile; a kernel only does arithmetic: no allocation, no
 * checks.
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
     * acc[r·S + j] += Σ<sub>p &lt; kc</sub> strip[s0 + p·rows + r]·panel[p / 2][(p % 2)·S + j] for r &lt; rows,
     * j &lt; nc.
     *
     * @param rows  1 or {@link #ROWS}
     * @param strip at least s0 + kc·rows doubles. Not modified.
     * @param panel ⌈kc / {@value #DEPTH}⌉ group arrays of {@value #DEPTH}·S doubles. Not modified.
     * @param kc    depth, 1 ≤ kc ≤ {@link RawGemm#DEPTH_BLOCK}
     * @param acc   the tile, {@value #ROWS}·S doubles. Modified: rows &lt; {@code rows}, columns &lt; S.
     * @param nc    width, 1 ≤ nc ≤ {@value #WIDTH}
     */
    void accumulate(int rows, double[] strip, int s0, double[][] panel, int kc, double[] acc, int nc);
}

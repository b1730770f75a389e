package io.rnnbench.backend.raw;

import io.rnnbench.core.spi.Transpose;

import static io.rnnbench.backend.raw.TileKernel.STRIDE;
import static io.rnnbench.backend.raw.TileKernel.WIDTH;

/**
 * A whole op(B) packed once and kept while B is unchanged, for the products a recurrence repeats with the same
 * right operand: h_{t−1}·W_h at every step of the forward pass, dZ_t·W_hᵀ at every step of the backward pass.
 * Without it {@link RawGemm} packs W_h again at every step; at B = 32 rows that copy costs a third as much as
 * the product itself (DESIGN-NOTES.md §7).
 *
 * <p>When to keep: on the second consecutive product with the same B, same {@link RawMatrix#version() version}
 * and same transpose flag; or already on the first when op(A) has fewer than {@link TileKernel#ROWS} rows. A
 * product with that few rows reads each packed entry of B at most three times, so packing B is about as much work
 * as the product, whether into the scratch panel or here; and at batch 1 it is the product a recurrence repeats:
 * packing it here at once saves the second copy of W_h per pass (DESIGN-NOTES.md §7). A one-off product with more
 * rows (a hoisted input projection, a weight gradient) is never copied here, and an operand larger than
 * {@value #MAX_PANELS} panels is not kept at all. Whether the copy is current is decided by identity and version:
 * every write to a {@link RawMatrix} goes through {@link RawMatrix#modify()}, which counts it.
 *
 * <p>The panels are allocated when first needed and only ever grow: the steady state allocates nothing.
 */
final class PackedOperand {
    /** At most this many KC × NC panels are kept (≈ 17 MiB): op(B) up to [2048, 1024] or [512, 4096]. */
    static final int MAX_PANELS = 32;

    /** What {@link #panels} hold: columns heldFrom .. heldTo of this matrix at this version, transposed or not. */
    private RawMatrix held;
    private long heldVersion;
    private Transpose heldOp;
    private int heldFrom;
    private int heldTo;
    /** The right operand (and columns) of the previous product, to see a repeat. */
    private RawMatrix previous;
    private long previousVersion;
    private Transpose previousOp;
    private int previousFrom;
    private int previousTo;
    /** panels[jcBlock · depthBlocks + pcBlock]: the packed block op(B)[pc:pc+KC, jc:jc+NC]. */
    private double[][][] panels = new double[0][][];
    /** ⌈k / KC⌉ of the held operand. */
    private int depthBlocks;

    /**
     * Whether {@link #panel} holds columns j0 .. j1 − 1 of this op(B), unchanged: it does from the second
     * consecutive product with them on, or from the first when m &lt; {@link TileKernel#ROWS} (packed then). If
     * not, the caller packs each panel as it goes.
     *
     * @param m  rows of op(A)
     * @param k  rows of op(B)
     * @param j0 the first column of op(B) the product uses (0, or where a {@link ParallelGemm} thread's share starts)
     * @param j1 one past the last
     */
    boolean holds(int m, RawMatrix b, Transpose opB, int k, int j0, int j1) {
        boolean repeat = same(previous, previousVersion, previousOp, previousFrom, previousTo, b, opB, j0, j1);
        previous = b;
        previousVersion = b.version();
        previousOp = opB;
        previousFrom = j0;
        previousTo = j1;
        if (same(held, heldVersion, heldOp, heldFrom, heldTo, b, opB, j0, j1)) {
            return true;
        }
        int depth = (k + RawGemm.DEPTH_BLOCK - 1) / RawGemm.DEPTH_BLOCK;
        int count = (j1 - j0 + WIDTH - 1) / WIDTH * depth;
        if (!(repeat || m < TileKernel.ROWS) || count > MAX_PANELS) {
            return false;
        }
        pack(b, opB, k, j0, j1, depth, count);
        return true;
    }

    /**
     * Whether op(B)'s columns j0 .. j1 − 1 are those recorded as (matrix, version, op, from, to): same matrix, no
     * write since, same flag, same columns.
     */
    private static boolean same(RawMatrix matrix, long version, Transpose op, int from, int to, RawMatrix b,
                                Transpose opB, int j0, int j1) {
        return b == matrix && b.version() == version && opB == op && j0 == from && j1 == to;
    }

    /** The held op(B)[pc:pc+KC, jc:jc+NC], packed; valid after {@link #holds} returned true, for its j0 ≤ jc. */
    double[][] panel(int jc, int pc) {
        return panels[(jc - heldFrom) / WIDTH * depthBlocks + pc / RawGemm.DEPTH_BLOCK];
    }

    private void pack(RawMatrix b, Transpose opB, int k, int j0, int j1, int depth, int count) {
        if (panels.length < count) {
            double[][][] grown = java.util.Arrays.copyOf(panels, count);
            for (int i = panels.length; i < count; i++) {
                grown[i] = new double[RawGemm.DEPTH_BLOCK / TileKernel.DEPTH][TileKernel.DEPTH * STRIDE];
            }
            panels = grown;
        }
        depthBlocks = depth;
        heldFrom = j0;
        for (int jc = j0; jc < j1; jc += WIDTH) {
            for (int pc = 0; pc < k; pc += RawGemm.DEPTH_BLOCK) {
                Packing.packB(b.data, b.cols, opB == Transpose.T, pc, Math.min(RawGemm.DEPTH_BLOCK, k - pc),
                        jc, Math.min(WIDTH, j1 - jc), panel(jc, pc));
            }
        }
        held = b;
        heldVersion = b.version();
        heldOp = opB;
        heldTo = j1;
    }
}

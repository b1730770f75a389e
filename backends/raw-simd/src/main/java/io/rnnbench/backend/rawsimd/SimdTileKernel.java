package io.rnnbench.backend.rawsimd;

import io.rnnbench.backend.raw.TileKernel;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link TileKernel} in the Java Vector API: register tiles instead of a tile in memory.
 *
 * <p>For each block of columns j .. j+4L of the tile (L doubles per vector, 8 with AVX-512), sixteen vector
 * accumulators hold C[0:4, j:j+4L] in registers for the whole depth kc:
 * <pre>
 * c_rv = acc[r, j+vL : j+(v+1)L]                     loaded once
 * for p in [0, kc)
 *   b0 .. b3 = panel(p, j : j+4L)                  four vector loads
 *   for r in 0..3: a = broadcast A(r, p)           one broadcast load each
 *                  c_rv += a·b_v for v in 0..3     sixteen FMAs
 * acc[r, j+vL : j+(v+1)L] = c_rv                     stored once
 * </pre>
 * 8 loads per 16 FMAs, against 6 loads, 4 stores per 8 FMAs for the plain kernel, whose tile lives in memory;
 * 16 accumulators + 4 operands + 1 broadcast fit in AVX-512's 32 vector registers (with AVX2's 16 some spill:
 * DESIGN-NOTES.md §7 has both measured). Blocks run up to nc rounded up to 4L, into the columns the tile and panel
 * hold past nc ({@link TileKernel#WIDTH} is a multiple of 8L, checked below; 4L = 32 divides the presets' widths,
 * so nothing is wasted there). The one-row case (leftover rows; matrix–vector products at batch 1) holds
 * C[0, j:j+8L] in eight accumulators.
 *
 * <p>Each entry is the same chain of fused multiply-adds as in {@code raw}'s kernel, fma(A(r, p), panel(p, j),
 * running sum) in increasing p, so {@code raw-simd} computes the same bits as {@code raw} (tested); it is
 * faster only.
 */
final class SimdTileKernel implements TileKernel {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** L: doubles per vector. */
    private static final int LANES = SPECIES.length();
    /** Columns per block of a four-row tile: four vectors. */
    private static final int BLOCK = 4 * LANES;
    /** Columns per block of a one-row tile: eight vectors. */
    private static final int ROW_BLOCK = 8 * LANES;

    static {
        if (WIDTH % ROW_BLOCK != 0) {
            throw new IllegalStateException("tile width " + WIDTH + " is not a multiple of eight vectors of " + LANES);
        }
    }

    @Override
    public void accumulate(int rows, double[] strip, int s0, double[][] panel, int kc, double[] acc, int nc) {
        // Whole blocks (4L or 8L columns) up to nc rounded up: the columns past nc are the tile's and panel's
        // padding (never copied back into C), so there is no column tail to handle, and no rarely called tail
        // method that would run interpreted, boxing its vectors, long after the main one is compiled.
        if (rows == ROWS) {
            for (int j = 0; j < nc; j += BLOCK) {
                rows4x4(strip, s0, panel, kc, acc, j);
            }
        } else {
            for (int j = 0; j < nc; j += ROW_BLOCK) {
                row1x8(strip, s0, panel, kc, acc, j);
            }
        }
    }

    /**
     * acc[0:4, j:j+4L] += A(0:4, 0:kc)·panel(0:kc, j:j+4L). The p loop is written out for two rows of the panel
     * at a time (and once more for an odd last row), for fewer loop overheads per FMA (DESIGN-NOTES.md §7). The tile is loaded into registers once and stored once; nothing here
     * may be moved into a helper method taking vectors, as an out-of-line call boxes them (C2 stops inlining at
     * its node limit: with the α-scaling of the tile done by a helper at the end, the last calls were left out of
     * line and each call allocated; DESIGN-NOTES.md §7).
     */
    private static void rows4x4(double[] strip, int s0, double[][] panel, int kc, double[] acc, int j) {
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, acc, j);
        DoubleVector c01 = DoubleVector.fromArray(SPECIES, acc, j + LANES);
        DoubleVector c02 = DoubleVector.fromArray(SPECIES, acc, j + 2 * LANES);
        DoubleVector c03 = DoubleVector.fromArray(SPECIES, acc, j + 3 * LANES);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, acc, STRIDE + j);
        DoubleVector c11 = DoubleVector.fromArray(SPECIES, acc, STRIDE + j + LANES);
        DoubleVector c12 = DoubleVector.fromArray(SPECIES, acc, STRIDE + j + 2 * LANES);
        DoubleVector c13 = DoubleVector.fromArray(SPECIES, acc, STRIDE + j + 3 * LANES);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, acc, 2 * STRIDE + j);
        DoubleVector c21 = DoubleVector.fromArray(SPECIES, acc, 2 * STRIDE + j + LANES);
        DoubleVector c22 = DoubleVector.fromArray(SPECIES, acc, 2 * STRIDE + j + 2 * LANES);
        DoubleVector c23 = DoubleVector.fromArray(SPECIES, acc, 2 * STRIDE + j + 3 * LANES);
        DoubleVector c30 = DoubleVector.fromArray(SPECIES, acc, 3 * STRIDE + j);
        DoubleVector c31 = DoubleVector.fromArray(SPECIES, acc, 3 * STRIDE + j + LANES);
        DoubleVector c32 = DoubleVector.fromArray(SPECIES, acc, 3 * STRIDE + j + 2 * LANES);
        DoubleVector c33 = DoubleVector.fromArray(SPECIES, acc, 3 * STRIDE + j + 3 * LANES);
        int p = 0;
        for (; p + DEPTH <= kc; p += DEPTH) {
            int x = s0 + p * ROWS;
            double[] group = panel[p / DEPTH];
            // panel row p (group row 0) with A(:, p) ...
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, group, j);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, group, j + LANES);
            DoubleVector b2 = DoubleVector.fromArray(SPECIES, group, j + 2 * LANES);
            DoubleVector b3 = DoubleVector.fromArray(SPECIES, group, j + 3 * LANES);
            DoubleVector ar = DoubleVector.broadcast(SPECIES, strip[x]);
            c00 = b0.fma(ar, c00);
            c01 = b1.fma(ar, c01);
            c02 = b2.fma(ar, c02);
            c03 = b3.fma(ar, c03);
            ar = DoubleVector.broadcast(SPECIES, strip[x + 1]);
            c10 = b0.fma(ar, c10);
            c11 = b1.fma(ar, c11);
            c12 = b2.fma(ar, c12);
            c13 = b3.fma(ar, c13);
            ar = DoubleVector.broadcast(SPECIES, strip[x + 2]);
            c20 = b0.fma(ar, c20);
            c21 = b1.fma(ar, c21);
            c22 = b2.fma(ar, c22);
            c23 = b3.fma(ar, c23);
            ar = DoubleVector.broadcast(SPECIES, strip[x + 3]);
            c30 = b0.fma(ar, c30);
            c31 = b1.fma(ar, c31);
            c32 = b2.fma(ar, c32);
            c33 = b3.fma(ar, c33);
            // ... and panel row p + 1 (group row 1) with A(:, p + 1)
            b0 = DoubleVector.fromArray(SPECIES, group, STRIDE + j);
            b1 = DoubleVector.fromArray(SPECIES, group, STRIDE + j + LANES);
            b2 = DoubleVector.fromArray(SPECIES, group, STRIDE + j + 2 * LANES);
            b3 = DoubleVector.fromArray(SPECIES, group, STRIDE + j + 3 * LANES);
            ar = DoubleVector.broadcast(SPECIES, strip[x + ROWS]);
            c00 = b0.fma(ar, c00);
            c01 = b1.fma(ar, c01);
            c02 = b2.fma(ar, c02);
            c03 = b3.fma(ar, c03);
            ar = DoubleVector.broadcast(SPECIES, strip[x + ROWS + 1]);
            c10 = b0.fma(ar, c10);
            c11 = b1.fma(ar, c11);
            c12 = b2.fma(ar, c12);
            c13 = b3.fma(ar, c13);
            ar = DoubleVector.broadcast(SPECIES, strip[x + ROWS + 2]);
            c20 = b0.fma(ar, c20);
            c21 = b1.fma(ar, c21);
            c22 = b2.fma(ar, c22);
            c23 = b3.fma(ar, c23);
            ar = DoubleVector.broadcast(SPECIES, strip[x + ROWS + 3]);
            c30 = b0.fma(ar, c30);
            c31 = b1.fma(ar, c31);
            c32 = b2.fma(ar, c32);
            c33 = b3.fma(ar, c33);
        }
        if (p < kc) {
            int x = s0 + p * ROWS;
            double[] group = panel[p / DEPTH];
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, group, j);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, group, j + LANES);
            DoubleVector b2 = DoubleVector.fromArray(SPECIES, group, j + 2 * LANES);
            DoubleVector b3 = DoubleVector.fromArray(SPECIES, group, j + 3 * LANES);
            DoubleVector ar = DoubleVector.broadcast(SPECIES, strip[x]);
            c00 = b0.fma(ar, c00);
            c01 = b1.fma(ar, c01);
            c02 = b2.fma(ar, c02);
            c03 = b3.fma(ar, c03);
            ar = DoubleVector.broadcast(SPECIES, strip[x + 1]);
            c10 = b0.fma(ar, c10);
            c11 = b1.fma(ar, c11);
            c12 = b2.fma(ar, c12);
            c13 = b3.fma(ar, c13);
            ar = DoubleVector.broadcast(SPECIES, strip[x + 2]);
            c20 = b0.fma(ar, c20);
            c21 = b1.fma(ar, c21);
            c22 = b2.fma(ar, c22);
            c23 = b3.fma(ar, c23);
            ar = DoubleVector.broadcast(SPECIES, strip[x + 3]);
            c30 = b0.fma(ar, c30);
            c31 = b1.fma(ar, c31);
            c32 = b2.fma(ar, c32);
            c33 = b3.fma(ar, c33);
        }
        c00.intoArray(acc, j);
        c01.intoArray(acc, j + LANES);
        c02.intoArray(acc, j + 2 * LANES);
        c03.intoArray(acc, j + 3 * LANES);
        c10.intoArray(acc, STRIDE + j);
        c11.intoArray(acc, STRIDE + j + LANES);
        c12.intoArray(acc, STRIDE + j + 2 * LANES);
        c13.intoArray(acc, STRIDE + j + 3 * LANES);
        c20.intoArray(acc, 2 * STRIDE + j);
        c21.intoArray(acc, 2 * STRIDE + j + LANES);
        c22.intoArray(acc, 2 * STRIDE + j + 2 * LANES);
        c23.intoArray(acc, 2 * STRIDE + j + 3 * LANES);
        c30.intoArray(acc, 3 * STRIDE + j);
        c31.intoArray(acc, 3 * STRIDE + j + LANES);
        c32.intoArray(acc, 3 * STRIDE + j + 2 * LANES);
        c33.intoArray(acc, 3 * STRIDE + j + 3 * LANES);
    }

    /**
     * acc[0, j:j+8L] += A(0, 0:kc)·panel(0:kc, j:j+8L): one row (the leftover rows, and every product at batch 1,
     * where op(A) is a row vector), eight vectors. With one row no panel load is reused: the loop streams the panel
     * in from L2, and eight independent chains per pass keep more of those loads in flight than four (DESIGN-NOTES.md
     * §7); with sixteen, C2 left the method's vectors boxed. The p loop is written out per panel group as in {@link #rows4x4}, so no step divides p.
     */
    private static void row1x8(double[] strip, int s0, double[][] panel, int kc, double[] acc, int j) {
        DoubleVector c0 = DoubleVector.fromArray(SPECIES, acc, j);
        DoubleVector c1 = DoubleVector.fromArray(SPECIES, acc, j + LANES);
        DoubleVector c2 = DoubleVector.fromArray(SPECIES, acc, j + 2 * LANES);
        DoubleVector c3 = DoubleVector.fromArray(SPECIES, acc, j + 3 * LANES);
        DoubleVector c4 = DoubleVector.fromArray(SPECIES, acc, j + 4 * LANES);
        DoubleVector c5 = DoubleVector.fromArray(SPECIES, acc, j + 5 * LANES);
        DoubleVector c6 = DoubleVector.fromArray(SPECIES, acc, j + 6 * LANES);
        DoubleVector c7 = DoubleVector.fromArray(SPECIES, acc, j + 7 * LANES);
        int p = 0;
        for (; p + DEPTH <= kc; p += DEPTH) {
            double[] group = panel[p / DEPTH];
            // panel row p (group row 0) with A(0, p) ...
            DoubleVector a = DoubleVector.broadcast(SPECIES, strip[s0 + p]);
            c0 = DoubleVector.fromArray(SPECIES, group, j).fma(a, c0);
            c1 = DoubleVector.fromArray(SPECIES, group, j + LANES).fma(a, c1);
            c2 = DoubleVector.fromArray(SPECIES, group, j + 2 * LANES).fma(a, c2);
            c3 = DoubleVector.fromArray(SPECIES, group, j + 3 * LANES).fma(a, c3);
            c4 = DoubleVector.fromArray(SPECIES, group, j + 4 * LANES).fma(a, c4);
            c5 = DoubleVector.fromArray(SPECIES, group, j + 5 * LANES).fma(a, c5);
            c6 = DoubleVector.fromArray(SPECIES, group, j + 6 * LANES).fma(a, c6);
            c7 = DoubleVector.fromArray(SPECIES, group, j + 7 * LANES).fma(a, c7);
            // ... and panel row p + 1 (group row 1) with A(0, p + 1)
            a = DoubleVector.broadcast(SPECIES, strip[s0 + p + 1]);
            c0 = DoubleVector.fromArray(SPECIES, group, STRIDE + j).fma(a, c0);
            c1 = DoubleVector.fromArray(SPECIES, group, STRIDE + j + LANES).fma(a, c1);
            c2 = DoubleVector.fromArray(SPECIES, group, STRIDE + j + 2 * LANES).fma(a, c2);
            c3 = DoubleVector.fromArray(SPECIES, group, STRIDE + j + 3 * LANES).fma(a, c3);
            c4 = DoubleVector.fromArray(SPECIES, group, STRIDE + j + 4 * LANES).fma(a, c4);
            c5 = DoubleVector.fromArray(SPECIES, group, STRIDE + j + 5 * LANES).fma(a, c5);
            c6 = DoubleVector.fromArray(SPECIES, group, STRIDE + j + 6 * LANES).fma(a, c6);
            c7 = DoubleVector.fromArray(SPECIES, group, STRIDE + j + 7 * LANES).fma(a, c7);
        }
        if (p < kc) {
            double[] group = panel[p / DEPTH];
            DoubleVector a = DoubleVector.broadcast(SPECIES, strip[s0 + p]);
            c0 = DoubleVector.fromArray(SPECIES, group, j).fma(a, c0);
            c1 = DoubleVector.fromArray(SPECIES, group, j + LANES).fma(a, c1);
            c2 = DoubleVector.fromArray(SPECIES, group, j + 2 * LANES).fma(a, c2);
            c3 = DoubleVector.fromArray(SPECIES, group, j + 3 * LANES).fma(a, c3);
            c4 = DoubleVector.fromArray(SPECIES, group, j + 4 * LANES).fma(a, c4);
            c5 = DoubleVector.fromArray(SPECIES, group, j + 5 * LANES).fma(a, c5);
            c6 = DoubleVector.fromArray(SPECIES, group, j + 6 * LANES).fma(a, c6);
            c7 = DoubleVector.fromArray(SPECIES, group, j + 7 * LANES).fma(a, c7);
        }
        c0.intoArray(acc, j);
        c1.intoArray(acc, j + LANES);
        c2.intoArray(acc, j + 2 * LANES);
        c3.intoArray(acc, j + 3 * LANES);
        c4.intoArray(acc, j + 4 * LANES);
        c5.intoArray(acc, j + 5 * LANES);
        c6.intoArray(acc, j + 6 * LANES);
        c7.intoArray(acc, j + 7 * LANES);
    }
}

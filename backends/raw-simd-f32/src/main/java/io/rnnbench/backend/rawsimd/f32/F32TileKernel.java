package io.rnnbench.backend.rawsimd.f32;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import static io.rnnbench.backend.rawsimd.f32.F32Gemm.STRIDE;

/**
 * The float32 GEMM micro-kernel of {@link F32Gemm}, in the Java Vector API with the preferred float species (L = 16
 * floats per vector with AVX-512, 8 with AVX2): one tile of C accumulates the product of a packed strip of op(A) and
 * a packed panel of op(B), each sum in float32 as BLAS sgemm keeps it.
 * <pre>
 * acc[r·S + j] += Σ<sub>p &lt; kc</sub> strip[s0 + p·rows + r] · panel[p·S + j]     r &lt; rows (1 or 4), j &lt; nc rounded up to 4L
 * </pre>
 * Four rows: sixteen vector accumulators hold C[0:4, j:j+4L] in registers for the whole depth, 4 panel loads and 4
 * broadcasts per 16 fused multiply-adds (16 + 4 + 1 registers: AVX-512 has 32, AVX2 16, where some spill). One row
 * (the leftover rows, and every product at batch 1): four accumulators over C[0, j:j+4L]. Every entry is the chain
 * fma(A(r, p), panel(p, j), sum) in increasing p, whatever the lane, so the bits do not depend on the vector width
 * or on whether the code runs compiled. Blocks run up to nc rounded up to 4L, into the tile's and the panel's
 * padding columns (S ≥ nc + 4L), whose values are never copied back into C: there is no column tail. Nothing here
 * allocates (all vector work is inline in two methods: a vector passed to a method C2 did not inline is boxed) or
 * checks shapes.
 */
final class F32TileKernel {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** L: floats per vector. */
    static final int LANES = SPECIES.length();
    /** Columns per block: four vectors. */
    static final int BLOCK = 4 * LANES;
    /** Rows of C per full tile (MR). */
    static final int ROWS = 4;

    private F32TileKernel() {
    }

    /** acc[r·S + j] += Σ_p strip[s0 + p·rows + r]·panel[p·S + j] for r &lt; rows (1 or {@value #ROWS}), j &lt; nc. */
    static void accumulate(int rows, float[] strip, int s0, float[] panel, int kc, float[] acc, int nc) {
        for (int j = 0; j < nc; j += BLOCK) {
            if (rows == ROWS) {
                rows4(strip, s0, panel, kc, acc, j);
            } else {
                row1(strip, s0, panel, kc, acc, j);
            }
        }
    }

    /** acc[0:4, j:j+4L] += A(0:4, 0:kc)·panel(0:kc, j:j+4L), the tile held in sixteen registers. */
    private static void rows4(float[] strip, int s0, float[] panel, int kc, float[] acc, int j) {
        FloatVector c00 = FloatVector.fromArray(SPECIES, acc, j);
        FloatVector c01 = FloatVector.fromArray(SPECIES, acc, j + LANES);
        FloatVector c02 = FloatVector.fromArray(SPECIES, acc, j + 2 * LANES);
        FloatVector c03 = FloatVector.fromArray(SPECIES, acc, j + 3 * LANES);
        FloatVector c10 = FloatVector.fromArray(SPECIES, acc, STRIDE + j);
        FloatVector c11 = FloatVector.fromArray(SPECIES, acc, STRIDE + j + LANES);
        FloatVector c12 = FloatVector.fromArray(SPECIES, acc, STRIDE + j + 2 * LANES);
        FloatVector c13 = FloatVector.fromArray(SPECIES, acc, STRIDE + j + 3 * LANES);
        FloatVector c20 = FloatVector.fromArray(SPECIES, acc, 2 * STRIDE + j);
        FloatVector c21 = FloatVector.fromArray(SPECIES, acc, 2 * STRIDE + j + LANES);
        FloatVector c22 = FloatVector.fromArray(SPECIES, acc, 2 * STRIDE + j + 2 * LANES);
        FloatVector c23 = FloatVector.fromArray(SPECIES, acc, 2 * STRIDE + j + 3 * LANES);
        FloatVector c30 = FloatVector.fromArray(SPECIES, acc, 3 * STRIDE + j);
        FloatVector c31 = FloatVector.fromArray(SPECIES, acc, 3 * STRIDE + j + LANES);
        FloatVector c32 = FloatVector.fromArray(SPECIES, acc, 3 * STRIDE + j + 2 * LANES);
        FloatVector c33 = FloatVector.fromArray(SPECIES, acc, 3 * STRIDE + j + 3 * LANES);
        for (int p = 0, x = s0, row = j; p < kc; p++, x += ROWS, row += STRIDE) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, panel, row);
            FloatVector b1 = FloatVector.fromArray(SPECIES, panel, row + LANES);
            FloatVector b2 = FloatVector.fromArray(SPECIES, panel, row + 2 * LANES);
            FloatVector b3 = FloatVector.fromArray(SPECIES, panel, row + 3 * LANES);
            FloatVector a = FloatVector.broadcast(SPECIES, strip[x]);
            c00 = b0.fma(a, c00);
            c01 = b1.fma(a, c01);
            c02 = b2.fma(a, c02);
            c03 = b3.fma(a, c03);
            a = FloatVector.broadcast(SPECIES, strip[x + 1]);
            c10 = b0.fma(a, c10);
            c11 = b1.fma(a, c11);
            c12 = b2.fma(a, c12);
            c13 = b3.fma(a, c13);
            a = FloatVector.broadcast(SPECIES, strip[x + 2]);
            c20 = b0.fma(a, c20);
            c21 = b1.fma(a, c21);
            c22 = b2.fma(a, c22);
            c23 = b3.fma(a, c23);
            a = FloatVector.broadcast(SPECIES, strip[x + 3]);
            c30 = b0.fma(a, c30);
            c31 = b1.fma(a, c31);
            c32 = b2.fma(a, c32);
            c33 = b3.fma(a, c33);
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

    /** acc[0, j:j+4L] += A(0, 0:kc)·panel(0:kc, j:j+4L): one row, four independent chains. */
    private static void row1(float[] strip, int s0, float[] panel, int kc, float[] acc, int j) {
        FloatVector c0 = FloatVector.fromArray(SPECIES, acc, j);
        FloatVector c1 = FloatVector.fromArray(SPECIES, acc, j + LANES);
        FloatVector c2 = FloatVector.fromArray(SPECIES, acc, j + 2 * LANES);
        FloatVector c3 = FloatVector.fromArray(SPECIES, acc, j + 3 * LANES);
        for (int p = 0, row = j; p < kc; p++, row += STRIDE) {
            FloatVector a = FloatVector.broadcast(SPECIES, strip[s0 + p]);
            c0 = FloatVector.fromArray(SPECIES, panel, row).fma(a, c0);
            c1 = FloatVector.fromArray(SPECIES, panel, row + LANES).fma(a, c1);
            c2 = FloatVector.fromArray(SPECIES, panel, row + 2 * LANES).fma(a, c2);
            c3 = FloatVector.fromArray(SPECIES, panel, row + 3 * LANES).fma(a, c3);
        }
        c0.intoArray(acc, j);
        c1.intoArray(acc, j + LANES);
        c2.intoArray(acc, j + 2 * LANES);
        c3.intoArray(acc, j + 3 * LANES);
    }
}

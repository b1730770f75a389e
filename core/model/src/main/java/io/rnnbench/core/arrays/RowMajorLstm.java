package io.rnnbench.core.arrays;

import io.rnnbench.core.spi.Backend;

/**
 * {@link Backend#lstmForward} and {@link Backend#lstmBackward} over row-major {@code double[]} storage, for the
 * backends that keep their matrices that way ({@code raw}, EJML's {@code DMatrixRMaj}): one implementation of
 * the loops, the activation functions left to the backend. Each entry is computed as the primitive operations
 * compute it, in the same order (products left to right, no fused multiply-add), so that a backend gives the
 * same bits through these methods as through its primitives. Shapes are checked by the caller.
 */
public final class RowMajorLstm {
    private RowMajorLstm() {
    }

    /** An activation function over a range of an array: out[i] = φ(x[i]) for from ≤ i &lt; to; out may be x. */
    @FunctionalInterface
    public interface RangeFunction {
        void apply(double[] x, double[] out, int from, int to);
    }

    /**
     * The forward of one step (see {@link Backend#lstmForward}); {@code z} and {@code gates} {@code [B, 4H]},
     * the others {@code [B, H]}. z may be gates.
     */
    public static void forward(double[] z, double[] cPrev, double[] gates, double[] c, double[] tanhC, double[] h,
            int batch, int hidden, RangeFunction sigmoid, RangeFunction tanh) {
        for (int row = 0; row < batch; row++) {
            int i = row * 4 * hidden; //                                i | f | g | o, H columns each
            sigmoid.apply(z, gates, i, i + 2 * hidden); //               i, f = σ(z_i), σ(z_f)
            tanh.apply(z, gates, i + 2 * hidden, i + 3 * hidden); //     g = tanh(z_g)
            sigmoid.apply(z, gates, i + 3 * hidden, i + 4 * hidden); //  o = σ(z_o)
        }
        for (int row = 0; row < batch; row++) {
            int i = row * 4 * hidden;
            int f = i + hidden;
            int g = i + 2 * hidden;
            int k = row * hidden;
            for (int j = 0; j < hidden; j++) { //                        c = f ⊙ c_{t−1} + i ⊙ g
                c[k + j] = gates[f + j] * cPrev[k + j] + gates[i + j] * gates[g + j];
            }
        }
        tanh.apply(c, tanhC, 0, batch * hidden);
        for (int row = 0; row < batch; row++) {
            int o = row * 4 * hidden + 3 * hidden;
            int k = row * hidden;
            for (int j = 0; j < hidden; j++) { //                        h = o ⊙ tanh(c)
                h[k + j] = gates[o + j] * tanhC[k + j];
            }
        }
    }

    /**
     * The backward of one step (see {@link Backend#lstmBackward}); {@code gates} and {@code dz} {@code [B, 4H]},
     * the others {@code [B, H]}; dc is read and written.
     */
    public static void backward(double[] gates, double[] cPrev, double[] tanhC, double[] dh, double[] dc, double[] dz,
            int batch, int hidden) {
        for (int row = 0; row < batch; row++) {
            int i = row * 4 * hidden;
            int f = i + hidden;
            int g = i + 2 * hidden;
            int o = i + 3 * hidden;
            int k = row * hidden;
            for (int j = 0; j < hidden; j++) {
                double iGate = gates[i + j];
                double fGate = gates[f + j];
                double gGate = gates[g + j];
                double oGate = gates[o + j];
                double tanhCj = tanhC[k + j];
                double dhj = dh[k + j];
                double dcj = dhj * oGate * (1.0 - tanhCj * tanhCj) + dc[k + j]; // dc += dh ⊙ o ⊙ (1 − tanh²c)
                dz[i + j] = dcj * gGate * iGate * (1.0 - iGate); //                dz_i = dc ⊙ g ⊙ i(1 − i)
                dz[f + j] = dcj * cPrev[k + j] * fGate * (1.0 - fGate); //         dz_f = dc ⊙ c_{t−1} ⊙ f(1 − f)
                dz[g + j] = dcj * iGate * (1.0 - gGate * gGate); //                dz_g = dc ⊙ i ⊙ (1 − g²)
                dz[o + j] = dhj * tanhCj * oGate * (1.0 - oGate); //               dz_o = dh ⊙ tanh c ⊙ o(1 − o)
                dc[k + j] = dcj * fGate; //                                        dc ← dc ⊙ f
            }
        }
    }
}

package io.rnnbench.backend.rawsimd.f32;

/**
 * The fused LSTM step of the SPI ({@code lstmForward}, {@code lstmBackward}) over row-major float arrays, in
 * float32: gate blocks i | f | g | o of H columns each. Each entry is computed as the backend's primitives compute it,
 * in the same order (products left to right, no fused multiply-add), so that the fused step and the composed
 * primitives give the same bits. The forward calls the activations from one call site for the gates (a flag picks tanh
 * for the g block) and one for tanh(c): with a call site per gate function, LSTM training steps allocated 8.8 KB per
 * layer and step once an RNN had run on this backend in the same JVM (DESIGN-NOTES.md, "raw-simd-f32"). Shapes are
 * checked by the caller.
 */
final class F32Lstm {
    private F32Lstm() {
    }

    /** The forward of one step; {@code z} and {@code gates} [B, 4H], the others [B, H]. z may be gates. */
    static void forward(float[] z, float[] cPrev, float[] gates, float[] c, float[] tanhC, float[] h, int batch, int hidden,
            F32Activations activations) {
        for (int row = 0; row < batch; row++) {
            int i = row * 4 * hidden; //                                            i | f | g | o, H columns each
            for (int block = 0; block < 4; block++) { //                            i, f, o = σ(z_i, z_f, z_o); g = tanh(z_g)
                activations.apply(block == 2, z, gates, i + block * hidden, i + (block + 1) * hidden);
            }
            int f = i + hidden;
            int g = i + 2 * hidden;
            int k = row * hidden;
            for (int j = 0; j < hidden; j++) { //                                  c = f ⊙ c_{t−1} + i ⊙ g
                c[k + j] = gates[f + j] * cPrev[k + j] + gates[i + j] * gates[g + j];
            }
        }
        activations.apply(true, c, tanhC, 0, batch * hidden);
        for (int row = 0; row < batch; row++) {
            int o = row * 4 * hidden + 3 * hidden;
            int k = row * hidden;
            for (int j = 0; j < hidden; j++) { //                                  h = o ⊙ tanh(c)
                h[k + j] = gates[o + j] * tanhC[k + j];
            }
        }
    }

    /** The backward of one step; {@code gates} and {@code dz} [B, 4H], the others [B, H]; dc is read and written. */
    static void backward(float[] gates, float[] cPrev, float[] tanhC, float[] dh, float[] dc, float[] dz, int batch, int hidden) {
        for (int row = 0; row < batch; row++) {
            int i = row * 4 * hidden;
            int f = i + hidden;
            int g = i + 2 * hidden;
            int o = i + 3 * hidden;
            int k = row * hidden;
            for (int j = 0; j < hidden; j++) {
                float iGate = gates[i + j];
                float fGate = gates[f + j];
                float gGate = gates[g + j];
                float oGate = gates[o + j];
                float tanhCj = tanhC[k + j];
                float dhj = dh[k + j];
                float dcj = dhj * oGate * (1f - tanhCj * tanhCj) + dc[k + j]; //   dc += dh ⊙ o ⊙ (1 − tanh²c)
                dz[i + j] = dcj * gGate * iGate * (1f - iGate); //                  dz_i = dc ⊙ g ⊙ i(1 − i)
                dz[f + j] = dcj * cPrev[k + j] * fGate * (1f - fGate); //           dz_f = dc ⊙ c_{t−1} ⊙ f(1 − f)
                dz[g + j] = dcj * iGate * (1f - gGate * gGate); //                  dz_g = dc ⊙ i ⊙ (1 − g²)
                dz[o + j] = dhj * tanhCj * oGate * (1f - oGate); //                 dz_o = dh ⊙ tanh c ⊙ o(1 − o)
                dc[k + j] = dcj * fGate; //                                          dc ← dc ⊙ f
            }
        }
    }
}

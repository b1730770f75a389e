package io.rnnbench.core.model;

import io.rnnbench.core.spi.Backend;

/**
 * Vanilla RNN layer: {@code h_t = φ(x_t·W_x + h_{t−1}·W_h + b)}, G = H, φ one of {@link Activation}.
 * <pre>
 * backward of step t:  dZ_t = dh ⊙ (1 − h_t²)     through h_t = tanh(z_t)
 *                      dZ_t = dh ⊙ h_t ⊙ (1 − h_t) through h_t = σ(z_t)
 *                      dZ_t = dh                  through h_t = z_t
 * </pre>
 */
final class RnnLayer<M> extends Layer<M> {
    private final Activation activation;
    /** [B, H] z_t of the current step. */
    private final M z;

    RnnLayer(Backend<M> backend, LayerWeights<M> w, int steps, int batch, int hidden, Activation activation) {
        super(backend, w, steps, batch, hidden, hidden);
        this.activation = activation;
        z = backend.zeros(batch, hidden);
    }

    @Override
    protected void forwardStep(int t, M hPrev) {
        preActivation(t, hPrev, z); //                  z = Zx_t + h_{t−1}·W_h   [B, H]
        switch (activation) { //                        h_t = φ(z)               [B, H]
            case TANH -> backend.tanh(z, h.get(t));
            case SIGMOID -> backend.sigmoid(z, h.get(t));
            case IDENTITY -> backend.copyBlock(z, 0, 0, h.get(t), 0, 0, batch, hidden);
        }
    }

    @Override
    protected void startBackward(RecurrentState<M> dFinal, int layer) {
        // the RNN carries only dh, which Layer sets
    }

    @Override
    protected void backwardStep(int t, M hPrev) {
        switch (activation) { //                        dZ_t = dh ⊙ φ'(z_t)      [B, H]
            case TANH -> backend.tanhBackward(h.get(t), dh, dz); //    dh ⊙ (1 − h_t²)
            case SIGMOID -> backend.sigmoidBackward(h.get(t), dh, dz); // dh ⊙ h_t ⊙ (1 − h_t)
            case IDENTITY -> backend.copyBlock(dh, 0, 0, dz, 0, 0, batch, hidden); // dh
        }
    }

    @Override
    void setInitialState(RecurrentState<M> state, int layer) {
        RecurrentState.copy(backend, state.h(layer), h0);
    }

    @Override
    void copyFinalState(RecurrentState<M> state, int layer) {
        RecurrentState.copy(backend, h.get(steps - 1), state.h(layer));
    }

    @Override
    void copyInitialStateGradient(RecurrentState<M> gradient, int layer) {
        RecurrentState.copy(backend, dhNext, gradient.h(layer));
    }
}

package io.rnnbench.core.model;

import io.rnnbench.core.spi.Backend;

/**
 * Vanilla RNN layer: {@code h_t = tanh(x_t·W_x + h_{t−1}·W_h + b)}, G = H.
 * <pre>
 * backward of step t:  dZ_t = dh ⊙ (1 − h_t²)    through h_t = tanh(z_t)
 * </pre>
 */
final class RnnLayer<M> extends Layer<M> {

    RnnLayer(Backend<M> nd, LayerWeights<M> w, int steps, int batch, int hidden) {
        super(nd, w, steps, batch, hidden, hidden);
    }

    @Override
    protected void forwardStep(int t, M hPrev) {
        preActivation(t, hPrev); //       z = Zx_t + h_{t−1}·W_h   [B, H]
        nd.tanh(z, h.get(t)); //          h_t = tanh(z)             [B, H]
    }

    @Override
    protected void startBackward(RecurrentState<M> dFinal, int layer) {
        // the RNN carries only dh, which Layer sets
    }

    @Override
    protected void backwardStep(int t, M hPrev) {
        nd.tanhBackward(h.get(t), dh, dz); // dZ_t = dh ⊙ (1 − h_t²)  [B, H]
    }

    @Override
    void setInitialState(RecurrentState<M> state, int layer) {
        RecurrentState.copy(nd, state.h(layer), h0);
    }

    @Override
    void copyFinalState(RecurrentState<M> state, int layer) {
        RecurrentState.copy(nd, h.get(steps - 1), state.h(layer));
    }

    @Override
    void copyInitialStateGradient(RecurrentState<M> gradient, int layer) {
        RecurrentState.copy(nd, dhNext, gradient.h(layer));
    }
}

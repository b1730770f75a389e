package io.rnnbench.core.model;

import io.rnnbench.core.spi.Backend;

import java.util.ArrayList;
import java.util.List;

/**
 * LSTM layer with one fused gate weight, gate blocks i | f | g | o (PyTorch's order), G = 4H:
 * <pre>
 * z   = x_t·W_x + h_{t−1}·W_h + b               [B, 4H]
 * i = σ(z_i)   f = σ(z_f)   g = tanh(z_g)   o = σ(z_o)     [B, H] each
 * c_t = f ⊙ c_{t−1} + i ⊙ g                     [B, H]
 * h_t = o ⊙ tanh(c_t)                           [B, H]
 * </pre>
 * Backward of step t, the mirror image:
 * <pre>
 * dc    = dcNext + dh ⊙ o ⊙ (1 − tanh²(c_t))    through h_t = o ⊙ tanh(c_t)
 * dZ_o  = (dh ⊙ tanh(c_t)) ⊙ o(1 − o)
 * dZ_i  = (dc ⊙ g) ⊙ i(1 − i)
 * dZ_f  = (dc ⊙ c_{t−1}) ⊙ f(1 − f)
 * dZ_g  = (dc ⊙ i) ⊙ (1 − g²)
 * dcNext = dc ⊙ f                              carried to step t−1
 * </pre>
 * Both are one call each, {@link Backend#lstmForward} and {@link Backend#lstmBackward}: the element-wise work of a
 * step on [B, H] matrices, twelve primitive calls apart, cost a visible share of a {@code medium} training step
 * (DESIGN-NOTES.md §1).
 */
final class LstmLayer<M> extends Layer<M> {
    /** T × [B, 4H]: z_t, then (in place) the activated gates i | f | g | o of step t. */
    private final List<M> gates = new ArrayList<>();
    /** T × [B, H]: c_t. */
    private final List<M> c = new ArrayList<>();
    /** T × [B, H]: tanh(c_t). */
    private final List<M> tanhC = new ArrayList<>();
    /** [B, H] c_{−1}. */
    private final M c0;
    /** [B, H] dLoss/dc_t during backward, as far as later steps carry it; after backward, dLoss/dc_{−1}. */
    private final M dc;

    LstmLayer(Backend<M> backend, LayerWeights<M> w, int steps, int batch, int hidden) {
        super(backend, w, steps, batch, hidden, 4 * hidden);
        for (int t = 0; t < steps; t++) {
            gates.add(backend.zeros(batch, 4 * hidden));
            c.add(backend.zeros(batch, hidden));
            tanhC.add(backend.zeros(batch, hidden));
        }
        c0 = backend.zeros(batch, hidden);
        dc = backend.zeros(batch, hidden);
    }

    @Override
    protected void forwardStep(int t, M hPrev) {
        M gatesT = gates.get(t);
        preActivation(t, hPrev, gatesT); //                     z = Zx_t + h_{t−1}·W_h   [B, 4H]
        // gates = [σ(z_i) | σ(z_f) | tanh(z_g) | σ(z_o)], c_t = f ⊙ c_{t−1} + i ⊙ g, h_t = o ⊙ tanh(c_t)
        backend.lstmForward(gatesT, cPrev(t), gatesT, c.get(t), tanhC.get(t), h.get(t));
    }

    @Override
    protected void startBackward(RecurrentState<M> dFinal, int layer) {
        if (dFinal == null) {
            backend.fill(dc, 0.0);
        } else {
            RecurrentState.copy(backend, dFinal.c(layer), dc);
        }
    }

    @Override
    protected void backwardStep(int t, M hPrev) {
        // dZ_t = [dZ_i | dZ_f | dZ_g | dZ_o] from dh and dc (see the class comment); dc ← dc_{t−1} = dc ⊙ f
        backend.lstmBackward(gates.get(t), cPrev(t), tanhC.get(t), dh, dc, dz);
    }

    /** out[t·B .. t·B+B−1, :] = [i | f | g | o] of step t, for every step: the activated gates [T·B, 4H]. */
    void copyGates(M out) {
        for (int t = 0; t < steps; t++) {
            backend.copyBlock(gates.get(t), 0, 0, out, t * batch, 0, batch, 4 * hidden);
        }
    }

    /** c_{t−1}: c_{−1} at the first step. */
    private M cPrev(int t) {
        return t == 0 ? c0 : c.get(t - 1);
    }

    @Override
    void setInitialState(RecurrentState<M> state, int layer) {
        RecurrentState.copy(backend, state.h(layer), h0);
        RecurrentState.copy(backend, state.c(layer), c0);
    }

    @Override
    void copyFinalState(RecurrentState<M> state, int layer) {
        RecurrentState.copy(backend, h.get(steps - 1), state.h(layer));
        RecurrentState.copy(backend, c.get(steps - 1), state.c(layer));
    }

    @Override
    void copyInitialStateGradient(RecurrentState<M> gradient, int layer) {
        RecurrentState.copy(backend, dhNext, gradient.h(layer));
        RecurrentState.copy(backend, dc, gradient.c(layer));
    }
}

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
 */
final class LstmLayer<M> extends Layer<M> {
    private static final int I = 0;
    private static final int F = 1;
    private static final int G = 2;
    private static final int O = 3;

    /** T × [B, H] per gate: the activated gates i, f, g, o of each step. */
    private final List<List<M>> gates = new ArrayList<>(4);
    /** T × [B, H]: c_t. */
    private final List<M> c = new ArrayList<>();
    /** T × [B, H]: tanh(c_t). */
    private final List<M> tanhC = new ArrayList<>();
    /** [B, H] c_{−1}. */
    private final M c0;
    /** [B, H] dLoss/dc_t, and the product scratch of one gate gradient. */
    private final M dc;
    private final M dGate;
    /** [B, H] gradient flowing to c_{t−1}; after backward, to c_{−1}. */
    private final M dcNext;

    LstmLayer(Backend<M> nd, LayerWeights<M> w, int steps, int batch, int hidden) {
        super(nd, w, steps, batch, hidden, 4 * hidden);
        for (int gate = 0; gate < 4; gate++) {
            List<M> perStep = new ArrayList<>(steps);
            for (int t = 0; t < steps; t++) {
                perStep.add(nd.zeros(batch, hidden));
            }
            gates.add(perStep);
        }
        for (int t = 0; t < steps; t++) {
            c.add(nd.zeros(batch, hidden));
            tanhC.add(nd.zeros(batch, hidden));
        }
        c0 = nd.zeros(batch, hidden);
        dc = nd.zeros(batch, hidden);
        dGate = nd.zeros(batch, hidden);
        dcNext = nd.zeros(batch, hidden);
    }

    @Override
    protected void forwardStep(int t, M hPrev) {
        preActivation(t, hPrev); //                             z = Zx_t + h_{t−1}·W_h   [B, 4H]
        M i = gate(I, t), f = gate(F, t), g = gate(G, t), o = gate(O, t);
        for (int gate = 0; gate < 4; gate++) { //               split z into i | f | g | o [B, H] each
            nd.copyBlock(z, 0, gate * hidden, gate(gate, t), 0, 0, batch, hidden);
        }
        nd.sigmoid(i, i);
        nd.sigmoid(f, f);
        nd.tanh(g, g);
        nd.sigmoid(o, o);
        M cPrev = t == 0 ? c0 : c.get(t - 1);
        M cT = c.get(t);
        nd.hadamard(f, cPrev, cT); //                           c_t = f ⊙ c_{t−1}        [B, H]
        nd.addHadamard(1.0, i, g, cT); //                           + i ⊙ g
        nd.tanh(cT, tanhC.get(t)); //                           h_t = o ⊙ tanh(c_t)      [B, H]
        nd.hadamard(o, tanhC.get(t), h.get(t));
    }

    @Override
    protected void startBackward(RecurrentState<M> dFinal, int layer) {
        if (dFinal == null) {
            nd.fill(dcNext, 0.0);
        } else {
            RecurrentState.copy(nd, dFinal.c(layer), dcNext);
        }
    }

    @Override
    protected void backwardStep(int t, M hPrev) {
        M i = gate(I, t), f = gate(F, t), g = gate(G, t), o = gate(O, t);
        M cPrev = t == 0 ? c0 : c.get(t - 1);
        M tanhCt = tanhC.get(t);
        nd.hadamard(dh, o, dGate); //                           dc = dcNext + dh ⊙ o ⊙ (1 − tanh²c_t)  [B, H]
        nd.tanhBackward(tanhCt, dGate, dc);
        nd.axpy(1.0, dcNext, dc);

        nd.hadamard(dh, tanhCt, dGate); //                      dZ_o = (dh ⊙ tanh c_t) ⊙ o(1 − o)
        nd.sigmoidBackward(o, dGate, dGate);
        putGateGradient(O);
        nd.hadamard(dc, g, dGate); //                           dZ_i = (dc ⊙ g) ⊙ i(1 − i)
        nd.sigmoidBackward(i, dGate, dGate);
        putGateGradient(I);
        nd.hadamard(dc, cPrev, dGate); //                       dZ_f = (dc ⊙ c_{t−1}) ⊙ f(1 − f)
        nd.sigmoidBackward(f, dGate, dGate);
        putGateGradient(F);
        nd.hadamard(dc, i, dGate); //                           dZ_g = (dc ⊙ i) ⊙ (1 − g²)
        nd.tanhBackward(g, dGate, dGate);
        putGateGradient(G);

        nd.hadamard(dc, f, dcNext); //                          dc_{t−1} = dc ⊙ f        [B, H]
    }

    /** out[t·B .. t·B+B−1, :] = [i | f | g | o] of step t, for every step: the activated gates [T·B, 4H]. */
    void copyGates(M out) {
        for (int t = 0; t < steps; t++) {
            for (int gate = 0; gate < 4; gate++) {
                nd.copyBlock(gate(gate, t), 0, 0, out, t * batch, gate * hidden, batch, hidden);
            }
        }
    }

    /** dz[:, block] = dGate: merges one gate's gradient into dZ_t [B, 4H]. */
    private void putGateGradient(int gate) {
        nd.copyBlock(dGate, 0, 0, dz, 0, gate * hidden, batch, hidden);
    }

    private M gate(int gate, int t) {
        return gates.get(gate).get(t);
    }

    @Override
    void setInitialState(RecurrentState<M> state, int layer) {
        RecurrentState.copy(nd, state.h(layer), h0);
        RecurrentState.copy(nd, state.c(layer), c0);
    }

    @Override
    void copyFinalState(RecurrentState<M> state, int layer) {
        RecurrentState.copy(nd, h.get(steps - 1), state.h(layer));
        RecurrentState.copy(nd, c.get(steps - 1), state.c(layer));
    }

    @Override
    void copyInitialStateGradient(RecurrentState<M> gradient, int layer) {
        RecurrentState.copy(nd, dhNext, gradient.h(layer));
        RecurrentState.copy(nd, dcNext, gradient.c(layer));
    }
}

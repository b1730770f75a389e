package io.rnnbench.core.model;

import io.rnnbench.core.spi.Backend;

import java.util.ArrayList;
import java.util.List;

import static io.rnnbench.core.spi.Transpose.N;
import static io.rnnbench.core.spi.Transpose.T;

/**
 * One recurrent layer unrolled over T steps of a batch of B, with every workspace it needs allocated once in
 * the constructor. The work common to both cells lives here, hoisted out of the time loop:
 * <pre>
 * forward:   Zx = X·W_x + b                     [T·B, G]  one GEMM (a row gather of W_x for one-hot input)
 *            for t = 0 .. T−1: cell step t     (subclass: z_t = Zx_t + h_{t−1}·W_h, activations, h_t)
 * backward:  W_hᵀ                              [G, H]    transposed once, so the step's product is (N, N)
 *            for t = T−1 .. 0: cell step t     (subclass: dZ_t; then dh_{t−1} = dZ_t·W_hᵀ)
 *            dW_h += H_prevᵀ·dZ                 [H, G]    one GEMM over all steps: Σ_t h_{t−1}ᵀ·dZ_t
 *            dW_x += Xᵀ·dZ                      [X, G]    one GEMM (a row scatter-add for one-hot input)
 *            db   += Σ_rows dZ                  [1, G]
 *            dX    = dZ·W_xᵀ                    [T·B, X]  only when the layer below needs it
 * </pre>
 * Only {@code h_{t−1}·W_h} and {@code dZ_t·W_hᵀ} remain inside the time loops; everything that does not depend on
 * the recurrence is one GEMM over the stacked steps. Gradients are accumulated into {@link LayerWeights}; the
 * network zeroes them before a backward pass.
 */
abstract class Layer<M> {
    protected final Backend<M> backend;
    protected final LayerWeights<M> w;
    protected final int steps;
    protected final int batch;
    protected final int hidden;

    /** [T·B, G] input projection plus bias of every step. */
    protected final M zx;
    /** [T·B, H] every step's output h_t: the next layer's input and the head's. */
    final M hs;
    /** T × [B, H]: h_t of each step (the recurrent GEMM's operand). */
    protected final List<M> h;
    /** [B, H] h_{−1}, copied in from the initial state. */
    protected final M h0;
    /** [T·B, H] h_{t−1} of every step (h_{−1}, h_0, …, h_{T−2}): the operand of dW_h's one GEMM. */
    private final M hsPrev;

    /** [T·B, H] gradient of the loss w.r.t. each h_t from above (head or next layer). Written by them. */
    final M dhs;
    /** [T·B, G] dZ of every step. */
    protected final M dzs;
    /** [B, G] dZ_t of the current step. */
    protected final M dz;
    /** [B, H] dh_t: from above plus from step t+1. */
    protected final M dh;
    /** [B, H] gradient flowing to h_{t−1}; after backward, to h_{−1}. */
    protected final M dhNext;
    /** [G, H] W_hᵀ, refreshed at the start of each backward pass. */
    private final M wHTransposed;

    private Inputs.OneHot oneHotInput;
    private M denseInput;

    Layer(Backend<M> backend, LayerWeights<M> w, int steps, int batch, int hidden, int gateWidth) {
        this.backend = backend;
        this.w = w;
        this.steps = steps;
        this.batch = batch;
        this.hidden = hidden;
        int rows = steps * batch;
        zx = backend.zeros(rows, gateWidth);
        hs = backend.zeros(rows, hidden);
        h = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            h.add(backend.zeros(batch, hidden));
        }
        h0 = backend.zeros(batch, hidden);
        hsPrev = backend.zeros(rows, hidden);
        dhs = backend.zeros(rows, hidden);
        dzs = backend.zeros(rows, gateWidth);
        dz = backend.zeros(batch, gateWidth);
        dh = backend.zeros(batch, hidden);
        dhNext = backend.zeros(batch, hidden);
        wHTransposed = backend.zeros(gateWidth, hidden);
    }

    /** Runs the layer over one-hot input (layer 0). The indices must be in [0, X); the network checks. */
    void forward(Inputs.OneHot input) {
        oneHotInput = input;
        denseInput = null;
        backend.gatherRows(w.wX(), input.index(), zx); // Zx = onehot(X)·W_x    [T·B, G]
        recur();
    }

    /** Runs the layer over dense input {@code [T·B, X]}: layer 0 with dense input, or the layer below's hs. */
    void forward(M input) {
        oneHotInput = null;
        denseInput = input;
        backend.gemm(1.0, input, N, w.wX(), N, 0.0, zx); // Zx = X·W_x          [T·B, G]
        recur();
    }

    private void recur() {
        backend.addRowVector(w.b(), zx); //                 Zx += b              [T·B, G]
        for (int t = 0; t < steps; t++) {
            M hPrev = t == 0 ? h0 : h.get(t - 1);
            backend.copyBlock(hPrev, 0, 0, hsPrev, t * batch, 0, batch, hidden); // hsPrev_t = h_{t−1}
            forwardStep(t, hPrev);
            backend.copyBlock(h.get(t), 0, 0, hs, t * batch, 0, batch, hidden); //   hs_t = h_t
        }
    }

    /**
     * BPTT through all steps, from {@link #dhs} and the gradient w.r.t. the final state ({@code dFinal}; null for
     * none, as at the chunk boundary of truncated BPTT). Accumulates dW_x, dW_h, db; writes {@code dInput}
     * [T·B, X] when it is not null.
     */
    void backward(M dInput, RecurrentState<M> dFinal, int layer) {
        if (dFinal == null) {
            backend.fill(dhNext, 0.0);
        } else {
            RecurrentState.copy(backend, dFinal.h(layer), dhNext);
        }
        startBackward(dFinal, layer);
        backend.transpose(w.wH(), wHTransposed); //                          W_hᵀ                 [G, H]
        for (int t = steps - 1; t >= 0; t--) {
            backend.copyBlock(dhs, t * batch, 0, dh, 0, 0, batch, hidden); // dh = dhs_t + dhNext   [B, H]
            backend.axpy(1.0, dhNext, dh);
            M hPrev = t == 0 ? h0 : h.get(t - 1);
            backwardStep(t, hPrev); //                                 writes dz = dZ_t     [B, G]
            backend.copyBlock(dz, 0, 0, dzs, t * batch, 0, batch, backend.cols(dz));
            backend.gemm(1.0, dz, N, wHTransposed, N, 0.0, dhNext); //      dh_{t−1} = dZ_t·W_hᵀ  [B, H]
        }
        backend.gemm(1.0, hsPrev, T, dzs, N, 1.0, w.dWH()); //               dW_h += H_prevᵀ·dZ    [H, G]
        backend.addColumnSums(dzs, w.dB()); //                               db += Σ_rows dZ      [1, G]
        if (oneHotInput != null) {
            backend.scatterAddRows(dzs, oneHotInput.index(), w.dWX()); //   dW_x[x_t] += dZ_t    [X, G]
        } else {
            backend.gemm(1.0, denseInput, T, dzs, N, 1.0, w.dWX()); //       dW_x += Xᵀ·dZ        [X, G]
        }
        if (dInput != null) {
            inputGradient(dInput);
        }
    }

    /** dX = dZ·W_xᵀ [T·B, X]: the gradient w.r.t. this layer's input, from the last backward. */
    void inputGradient(M dInput) {
        backend.gemm(1.0, dzs, N, w.wX(), T, 0.0, dInput);
    }

    /** Copies h_{−1} (and c_{−1}) of this layer from {@code state}. */
    abstract void setInitialState(RecurrentState<M> state, int layer);

    /** Copies h_{T−1} (and c_{T−1}) of this layer into {@code state}. */
    abstract void copyFinalState(RecurrentState<M> state, int layer);

    /** Copies dLoss/dh_{−1} (and dLoss/dc_{−1}) of this layer into {@code gradient}; valid after backward. */
    abstract void copyInitialStateGradient(RecurrentState<M> gradient, int layer);

    /** Forward of step t: z = Zx_t + h_{t−1}·W_h, then the cell's activations; writes h_t = h.get(t). */
    protected abstract void forwardStep(int t, M hPrev);

    /** Sets the cell's own carried gradients (the LSTM's dc) from {@code dFinal}, or to zero when it is null. */
    protected abstract void startBackward(RecurrentState<M> dFinal, int layer);

    /** Backward of step t from {@link #dh}: writes {@link #dz} and the cell's own carried gradients. */
    protected abstract void backwardStep(int t, M hPrev);

    /** z = Zx_t + h_{t−1}·W_h  [B, G]: the pre-activation of step t, shared by both cells. */
    protected void preActivation(int t, M hPrev, M z) {
        backend.copyBlock(zx, t * batch, 0, z, 0, 0, batch, backend.cols(z));
        backend.gemm(1.0, hPrev, N, w.wH(), N, 1.0, z);
    }

    /** The step output h_t. */
    M output(int t) {
        return h.get(t);
    }
}

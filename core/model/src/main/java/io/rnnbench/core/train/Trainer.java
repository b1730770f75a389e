package io.rnnbench.core.train;

import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.RecurrentState;
import io.rnnbench.core.model.SequenceBatch;

/**
 * Training steps: forward, BPTT, a finiteness check, clipping and one optimizer update per chunk, with the
 * recurrent state carried from one chunk to the next (truncated BPTT as in the seeds: the state flows forward
 * across the chunk boundary, the gradient does not).
 */
public final class Trainer<M> {
    private final Network<M> network;
    private final Optimizer<M> optimizer;
    private final GradientClipping clipping;
    private double lastGradientNorm;

    public Trainer(Network<M> network, Optimizer<M> optimizer, GradientClipping clipping) {
        if (network == null || optimizer == null || clipping == null) {
            throw new IllegalArgumentException("network, optimizer and clipping must be given");
        }
        this.network = network;
        this.optimizer = optimizer;
        this.clipping = clipping;
    }

    /**
     * One update on one chunk: loss and gradients from {@code state}, clip, update, then {@code state} becomes the
     * state after the chunk.
     *
     * @param state Modified: the initial state on entry, the final state on return.
     * @return the chunk's loss (before the update)
     * @throws ArithmeticException when the loss or a gradient is NaN or ∞; the parameters are then unchanged
     */
    public double step(SequenceBatch chunk, RecurrentState<M> state) {
        double loss = FiniteCheck.requireFinite(network.forward(chunk, state), "loss");
        network.backward();
        lastGradientNorm = FiniteCheck.requireFinite(network.backend(), network.gradients(), "gradient");
        clipping.apply(network.backend(), network.gradients(), lastGradientNorm);
        optimizer.update(network.parameters(), network.gradients());
        network.copyFinalState(state);
        return loss;
    }

    /**
     * Truncated BPTT over a long batch: chunks of {@code k} steps (the last may be shorter), one {@link #step} each.
     *
     * @param state Modified: carried across chunks; the final state on return.
     * @return the sum of the chunks' losses
     */
    public double trainTruncated(SequenceBatch batch, int k, RecurrentState<M> state) {
        TruncatedBptt.requireChunkLength(k);
        double loss = 0;
        for (int from = 0; from < batch.steps(); from += k) {
            loss += step(batch.slice(from, Math.min(from + k, batch.steps())), state);
        }
        return loss;
    }

    /** ‖g‖ before clipping, of the last step. */
    public double lastGradientNorm() {
        return lastGradientNorm;
    }

    /** The network being trained. */
    public Network<M> network() {
        return network;
    }
}

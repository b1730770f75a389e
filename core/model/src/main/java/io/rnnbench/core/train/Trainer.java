package io.rnnbench.core.train;

import io.rnnbench.core.model.Model;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.RecurrentState;
import io.rnnbench.core.model.SequenceBatch;

import java.util.function.DoubleSupplier;

/**
 * The one training step of every model: forward, backward, a finiteness check, clipping and one optimizer update.
 * For a {@link Network} trained on a long text, {@link #step(SequenceBatch, RecurrentState)} also carries the
 * recurrent state from one chunk to the next (truncated BPTT as in the seeds: the state flows forward across the
 * chunk boundary, the gradient does not).
 */
public final class Trainer<M> {
    private final Model<M> model;
    private final Optimizer<M> optimizer;
    private final GradientClipping clipping;
    private double lastGradientNorm;

    public Trainer(Model<M> model, Optimizer<M> optimizer, GradientClipping clipping) {
        if (model == null || optimizer == null || clipping == null) {
            throw new IllegalArgumentException("model, optimizer and clipping must be given");
        }
        this.model = model;
        this.optimizer = optimizer;
        this.clipping = clipping;
    }

    /**
     * One update: {@code forward} runs the model's forward pass on one batch and returns its loss; then backward,
     * clip, update.
     *
     * @return the loss (before the update)
     * @throws ArithmeticException when the loss or a gradient is NaN or ∞; the parameters are then unchanged
     */
    public double step(DoubleSupplier forward) {
        return update(forward.getAsDouble());
    }

    /** Backward, check, clip and update after a forward pass that computed {@code forwardLoss}. */
    private double update(double forwardLoss) {
        double loss = FiniteCheck.requireFinite(forwardLoss, "loss");
        model.backward();
        lastGradientNorm = FiniteCheck.requireFinite(model.backend(), model.gradients(), "gradient");
        clipping.apply(model.backend(), model.gradients(), lastGradientNorm);
        optimizer.update(model.parameters(), model.gradients());
        return loss;
    }

    /**
     * One update of a {@link Network} on one chunk: {@link #step(DoubleSupplier)} of its forward from
     * {@code state}, then {@code state} becomes the state after the chunk.
     *
     * @param state Modified: the initial state on entry, the final state on return (unchanged on an exception).
     * @return the chunk's loss (before the update)
     * @throws IllegalStateException when this trainer's model is not a {@link Network}
     */
    public double step(SequenceBatch chunk, RecurrentState<M> state) {
        if (!(model instanceof Network<M> network)) {
            throw new IllegalStateException("step(chunk, state) trains a Network; this trainer's model is a "
                    + model.getClass().getSimpleName());
        }
        double loss = update(network.forward(chunk, state)); // no lambda: a training step allocates nothing
        network.copyFinalState(state);
        return loss;
    }

    /** ‖g‖ before clipping, of the last step. */
    public double lastGradientNorm() {
        return lastGradientNorm;
    }
}

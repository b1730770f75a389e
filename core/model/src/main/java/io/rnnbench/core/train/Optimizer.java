package io.rnnbench.core.train;

import io.rnnbench.core.model.Parameters;

/** Updates parameters in place from their gradients; keeps its own per-parameter state. */
public interface Optimizer<M> {

    /**
     * One update θ ← θ − step(g).
     *
     * @param parameters Modified.
     * @param gradients  same names and shapes. Not modified.
     */
    void update(Parameters<M> parameters, Parameters<M> gradients);
}

package io.rnnbench.core.model;

import io.rnnbench.core.spi.Backend;

/**
 * What training needs of a model, whatever its forward takes: after a forward pass has computed a loss,
 * {@link #backward} fills {@link #gradients()} with dL/dθ for every parameter in {@link #parameters()} (same
 * names, same shapes). {@link Network} and {@link Seq2Seq} are models; {@link io.rnnbench.core.train.Trainer}
 * trains either.
 */
public interface Model<M> {

    /** The backend that holds every matrix of the model. */
    Backend<M> backend();

    /** The trained parameters θ. */
    Parameters<M> parameters();

    /** dL/dθ of the last {@link #backward}, same names and shapes as {@link #parameters()}. */
    Parameters<M> gradients();

    /** Gradients of the last forward's loss w.r.t. every parameter, into {@link #gradients()}. */
    void backward();
}

package io.rnnbench.core.train;

import io.rnnbench.core.model.NamedMatrix;
import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.spi.Backend;

/** Plain gradient descent: θ −= lr·g. */
public final class Sgd<M> implements Optimizer<M> {
    private final Backend<M> backend;
    private final double learningRate;

    public Sgd(Backend<M> backend, double learningRate) {
        this.backend = backend;
        this.learningRate = Hyperparameters.requirePositive("SGD learning rate", learningRate);
    }

    @Override
    public void update(Parameters<M> parameters, Parameters<M> gradients) {
        for (int i = 0; i < parameters.size(); i++) {
            NamedMatrix<M> theta = parameters.at(i);
            backend.axpy(-learningRate, gradients.get(theta.name()).value(), theta.value()); // θ −= lr·g
        }
    }
}

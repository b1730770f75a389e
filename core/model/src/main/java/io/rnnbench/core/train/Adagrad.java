package io.rnnbench.core.train;

import io.rnnbench.core.model.NamedMatrix;
import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.spi.Backend;

/**
 * Adagrad exactly as the seeds (min-char-rnn) write it:
 * <pre>
 * m += g ⊙ g
 * θ −= lr · g / √(m + 1e−8)
 * </pre>
 */
public final class Adagrad<M> implements Optimizer<M> {
    /** The seeds' ε, inside the square root. */
    public static final double EPSILON = 1e-8;

    private final Backend<M> backend;
    private final double learningRate;
    private final Parameters<M> memory;

    /** @param parameters the parameters to be trained (their shapes size the memory m) */
    public Adagrad(Backend<M> backend, Parameters<M> parameters, double learningRate) {
        this.backend = backend;
        this.learningRate = Hyperparameters.requirePositive("Adagrad learning rate", learningRate);
        this.memory = parameters.zerosLike(backend);
    }

    @Override
    public void update(Parameters<M> parameters, Parameters<M> gradients) {
        for (int i = 0; i < parameters.size(); i++) {
            NamedMatrix<M> theta = parameters.at(i);
            M g = gradients.get(theta.name()).value();
            M m = memory.get(theta.name()).value();
            backend.addHadamard(1.0, g, g, m); //                               m += g ⊙ g
            backend.addQuotientBySqrt(-learningRate, g, m, EPSILON, 0.0, theta.value()); // θ −= lr·g/√(m + ε)
        }
    }

    /** The accumulated squared gradients m, by parameter name. */
    public Parameters<M> memory() {
        return memory;
    }
}

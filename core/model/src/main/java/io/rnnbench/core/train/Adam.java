package io.rnnbench.core.train;

import io.rnnbench.core.model.NamedMatrix;
import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.spi.Backend;

/**
 * Adam (Kingma &amp; Ba 2015, Algorithm 1 in the "efficient" form of §2):
 * <pre>
 * m = β1·m + (1 − β1)·g
 * v = β2·v + (1 − β2)·g ⊙ g
 * lr_t = lr · √(1 − β2^t) / (1 − β1^t)
 * θ −= lr_t · m / (√v + ε)
 * </pre>
 */
public final class Adam<M> implements Optimizer<M> {
    private final Backend<M> backend;
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final Parameters<M> m;
    private final Parameters<M> v;
    private long t;

    /** Adam with the paper's defaults β1 = 0.9, β2 = 0.999, ε = 1e−8. */
    public Adam(Backend<M> backend, Parameters<M> parameters, double learningRate) {
        this(backend, parameters, learningRate, 0.9, 0.999, 1e-8);
    }

    public Adam(Backend<M> backend, Parameters<M> parameters, double learningRate, double beta1, double beta2, double epsilon) {
        this.backend = backend;
        this.learningRate = Hyperparameters.requirePositive("Adam learning rate", learningRate);
        this.beta1 = Hyperparameters.requireFraction("Adam β1", beta1);
        this.beta2 = Hyperparameters.requireFraction("Adam β2", beta2);
        this.epsilon = Hyperparameters.requirePositive("Adam ε", epsilon);
        this.m = parameters.zerosLike(backend);
        this.v = parameters.zerosLike(backend);
    }

    @Override
    public void update(Parameters<M> parameters, Parameters<M> gradients) {
        t++;
        double learningRateT = learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        for (int i = 0; i < parameters.size(); i++) {
            NamedMatrix<M> theta = parameters.at(i);
            M g = gradients.get(theta.name()).value();
            M mTheta = m.get(theta.name()).value();
            M vTheta = v.get(theta.name()).value();
            backend.scale(beta1, mTheta); //                       m = β1·m + (1 − β1)·g
            backend.axpy(1 - beta1, g, mTheta);
            backend.scale(beta2, vTheta); //                       v = β2·v + (1 − β2)·g ⊙ g
            backend.addHadamard(1 - beta2, g, g, vTheta);
            backend.addQuotientBySqrt(-learningRateT, mTheta, vTheta, 0.0, epsilon, theta.value()); // θ −= lr_t·m/(√v + ε)
        }
    }
}

package io.rnnbench.verification.train;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.model.RecurrentState;
import io.rnnbench.core.model.SequenceBatch;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.core.train.Adagrad;
import io.rnnbench.core.train.Adam;
import io.rnnbench.core.train.GradientClipping;
import io.rnnbench.core.train.Optimizer;
import io.rnnbench.core.train.Sgd;
import io.rnnbench.core.train.Trainer;
import io.rnnbench.verification.ToleranceClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The update rules and clipping against their equations, computed here by hand on one [1, 3] tensor, on every
 * backend. The network (X = 3, H = 1, V = 1) only provides named parameter and gradient sets; its
 * {@code layer0.wX} [3, 1] … is used as θ.
 */
class TrainingRulesTest {
    private static final double[] THETA = {0.5, -1.0, 2.0};
    private static final double[] G = {0.3, -4.0, 0.0};

    static List<String> backends() {
        return Backends.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void sgdAdagradAndAdamFollowTheirEquations(String name) {
        check(Backends.byName(name));
    }

    private <M> void check(Backend<M> backend) {
        ToleranceClass tolerances = ToleranceClass.of(backend.name());
        double lr = 0.1;
        // SGD: θ − lr·g
        double[] sgd = new double[3];
        for (int i = 0; i < 3; i++) {
            sgd[i] = THETA[i] - lr * G[i];
        }
        assertArrayEquals(sgd, twoSteps(backend, network -> new Sgd<>(backend, lr), 1), tolerances.scaled(1e-15),
                backend.name() + " SGD");

        // Adagrad, two steps with the same g: m1 = g², θ1 = θ − lr·g/√(m1 + 1e−8); m2 = 2g², θ2 = θ1 − lr·g/√(m2 + 1e−8)
        double[] adagrad = new double[3];
        for (int i = 0; i < 3; i++) {
            double theta1 = THETA[i] - lr * G[i] / Math.sqrt(G[i] * G[i] + 1e-8);
            adagrad[i] = theta1 - lr * G[i] / Math.sqrt(2 * G[i] * G[i] + 1e-8);
        }
        assertArrayEquals(adagrad, twoSteps(backend, network -> new Adagrad<>(backend, network.parameters(), lr), 2),
                tolerances.scaled(1e-15),
                backend.name() + " Adagrad");

        // Adam (β1 0.9, β2 0.999, ε 1e−8), two steps with the same g:
        // m1 = 0.1g, v1 = 0.001g², lr1 = lr·√(1 − 0.999)/(1 − 0.9);  m2 = 0.19g, v2 = 0.001999g², lr2 = lr·√(1 − 0.999²)/(1 − 0.9²)
        double[] adam = new double[3];
        double lr1 = lr * Math.sqrt(1 - 0.999) / (1 - 0.9);
        double lr2 = lr * Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.9 * 0.9);
        for (int i = 0; i < 3; i++) {
            double theta1 = THETA[i] - lr1 * (0.1 * G[i]) / (Math.sqrt(0.001 * G[i] * G[i]) + 1e-8);
            adam[i] = theta1 - lr2 * (0.19 * G[i]) / (Math.sqrt(0.001999 * G[i] * G[i]) + 1e-8);
        }
        assertArrayEquals(adam, twoSteps(backend, network -> new Adam<>(backend, network.parameters(), lr), 2),
                tolerances.scaled(1e-14), backend.name() + " Adam");
    }

    /** Applies {@code steps} updates with gradient G to θ = THETA and returns θ. */
    private <M> double[] twoSteps(Backend<M> backend, java.util.function.Function<Network<M>, Optimizer<M>> make, int steps) {
        Network<M> network = tinyNetwork(backend);
        network.parameters().load(backend, "layer0.wX", THETA.clone());
        network.gradients().load(backend, "layer0.wX", G.clone());
        Optimizer<M> optimizer = make.apply(network);
        for (int s = 0; s < steps; s++) {
            optimizer.update(network.parameters(), network.gradients());
        }
        return network.parameters().toArray(backend, "layer0.wX");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void clippingByValueAndByGlobalNorm(String name) {
        clipping(Backends.byName(name));
    }

    private <M> void clipping(Backend<M> backend) {
        double roundings = ToleranceClass.of(backend.name()).scaled(1e-15);
        Network<M> network = tinyNetwork(backend);
        Parameters<M> g = network.gradients();
        g.load(backend, "layer0.wX", new double[] {3, -7, 0.5});
        GradientClipping.byValue(5).apply(backend, g, Double.NaN);
        assertArrayEquals(new double[] {3, -5, 0.5}, g.toArray(backend, "layer0.wX"), 0.0, backend.name() + " clip by value ±5");

        // ‖g‖ = √(3² + 4²) = 5 over all tensors (the others are zero); max norm 2 → every entry × 2/5
        g.zero(backend);
        g.load(backend, "layer0.wX", new double[] {3, 0, 0});
        g.load(backend, "head.bY", new double[] {4});
        GradientClipping.byGlobalNorm(2).apply(backend, g, 5.0);
        assertArrayEquals(new double[] {1.2, 0, 0}, g.toArray(backend, "layer0.wX"), roundings, backend.name() + " clip by norm");
        assertArrayEquals(new double[] {1.6}, g.toArray(backend, "head.bY"), roundings, backend.name() + " clip by norm");
        double[] clipped = g.toArray(backend, "head.bY");
        GradientClipping.byGlobalNorm(10).apply(backend, g, 2.0); // below the limit: unchanged
        assertArrayEquals(clipped, g.toArray(backend, "head.bY"), 0.0, backend.name() + " norm below the limit");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aNonFiniteGradientStopsTheStepAndLeavesTheParametersAlone(String name) {
        nonFinite(Backends.byName(name));
    }

    private <M> void nonFinite(Backend<M> backend) {
        ModelConfig config = new ModelConfig(CellType.RNN, 3, 2, 1, 3, HeadType.PER_STEP_SOFTMAX);
        Network<M> network = Network.create(backend, config, new NumpyRandomState(1), 0.1);
        double[] wH = network.parameters().toArray(backend, "layer0.wH");
        wH[0] = Double.POSITIVE_INFINITY;
        network.parameters().load(backend, "layer0.wH", wH);
        double[] before = network.parameters().toArray(backend, "head.wY");
        Trainer<M> trainer = new Trainer<>(network, new Sgd<>(backend, 0.1), GradientClipping.byValue(5));
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> trainer.step(
                SequenceBatch.ofClasses(2, 1, new int[] {0, 1}, new int[] {1, 2}), RecurrentState.zeros(backend, config, 1)));
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
        assertArrayEquals(before, network.parameters().toArray(backend, "head.wY"), 0.0, backend.name() + ": parameters changed");
    }

    private static <M> Network<M> tinyNetwork(Backend<M> backend) {
        Network<M> network = Network.zeros(backend, new ModelConfig(CellType.RNN, 3, 1, 1, 1, HeadType.PER_STEP_SOFTMAX));
        assertEquals(3, network.parameters().get("layer0.wX").rows());
        return network;
    }
}

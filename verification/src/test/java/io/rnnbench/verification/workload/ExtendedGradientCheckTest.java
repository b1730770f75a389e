package io.rnnbench.verification.workload;

import io.rnnbench.core.model.Activation;
import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.Inputs;
import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.core.model.NamedMatrix;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.RecurrentState;
import io.rnnbench.core.model.SequenceBatch;
import io.rnnbench.core.model.Targets;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.core.train.RowSparseOptimizer;
import io.rnnbench.verification.AnalyticGradients;
import io.rnnbench.verification.BackendAgreementSuite;
import io.rnnbench.verification.GradientCheck;
import io.rnnbench.verification.GradientCheckSuite;
import io.rnnbench.verification.Seeds;
import io.rnnbench.verification.ToleranceClass;
import io.rnnbench.verification.Tolerances;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finite-difference gradient checks of the configurations the workloads added (σ and identity RNN activations, the
 * per-step σ head with binary targets, the embedding table, with 1 and 2 layers; truncated BPTT with the embedding;
 * the LSTM with an embedding and the LSTM with the per-step σ head), and the row-sparse update touching only the rows
 * seen. The per-step σ head with class targets, full and truncated, has its own grid in the conformance suite
 * ({@code GradientCheckSuite.perStepSigmoidGrid}); σ-head cases here use its ε ({@link Tolerances#SIGMOID_HEAD_EPSILON}).
 * A float32 backend's gradients are compared with {@code raw}'s analytic ones instead ({@link ToleranceClass#FLOAT32}).
 */
class ExtendedGradientCheckTest {
    static List<Object[]> cases() {
        List<Object[]> cases = new ArrayList<>();
        for (String backend : Backends.names()) {
            for (Activation activation : Activation.values()) {
                for (int layers = 1; layers <= 2; layers++) {
                    cases.add(new Object[] {backend, CellType.RNN, activation, layers, 0, false});
                    cases.add(new Object[] {backend, CellType.RNN, activation, layers, 0, true});
                }
            }
            cases.add(new Object[] {backend, CellType.RNN, Activation.TANH, 2, 2, true});
            for (int layers = 1; layers <= 2; layers++) { //                   the LSTM: embedding; per-step σ head
                cases.add(new Object[] {backend, CellType.LSTM, Activation.TANH, layers, 0, true});
                cases.add(new Object[] {backend, CellType.LSTM, Activation.TANH, layers, 0, false});
            }
            cases.add(new Object[] {backend, CellType.LSTM, Activation.TANH, 2, 2, true});
            // not with per-step binary targets: SequenceBatch.slice cannot tell [T·B, V] from [B, V] binary targets
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} {1} {2} L={3} k={4} embedding={5}")
    @MethodSource("cases")
    void gradientsMatchCentralDifferences(String backend, CellType cell, Activation activation, int layers, int truncation,
                                          boolean embedding) {
        check(Backends.byName(backend), cell, activation, layers, truncation, embedding);
    }

    /** A seeded network of the case on {@code backend}, its batch and a zero initial state. */
    private static <M> Built<M> build(Backend<M> backend, CellType cell, Activation activation, int layers, boolean embedding) {
        int x = 6;
        int h = 4;
        int v = 3;
        int steps = 4;
        int batch = 2;
        NumpyRandomState random = new NumpyRandomState(Seeds.MODEL);
        // embedding networks: per-step softmax over class targets (the words model); others: per-step σ, binary targets
        ModelConfig config = embedding
                ? new ModelConfig(cell, x, h, layers, x, HeadType.PER_STEP_SOFTMAX).withActivation(activation).withEmbedding(3)
                : new ModelConfig(cell, x, h, layers, v, HeadType.PER_STEP_SIGMOID).withActivation(activation);
        Network<M> network = Network.zeros(backend, config);
        for (NamedMatrix<M> p : network.parameters()) {
            double[] w = random.randn(p.rows() * p.cols());
            for (int i = 0; i < w.length; i++) {
                w[i] *= 0.5;
            }
            network.parameters().load(backend, p.name(), w);
        }
        int rows = steps * batch;
        SequenceBatch data;
        if (embedding) {
            int[] in = new int[rows];
            int[] out = new int[rows];
            for (int i = 0; i < rows; i++) {
                in[i] = random.nextInt(x - 1); // the last row of E is never seen
                out[i] = random.nextInt(x);
            }
            data = SequenceBatch.ofClasses(steps, batch, in, out);
        } else {
            double[] bits = new double[rows * v];
            for (int i = 0; i < bits.length; i++) {
                bits[i] = random.nextInt(2);
            }
            data = new SequenceBatch(steps, batch, new Inputs.Dense(random.randn(rows * x), x), new Targets.Binary(bits, v));
        }
        return new Built<>(network, data, RecurrentState.zeros(backend, config, batch), config, x);
    }

    private record Built<M>(Network<M> network, SequenceBatch data, RecurrentState<M> state, ModelConfig config, int x) {
    }

    private static <M> void check(Backend<M> backend, CellType cell, Activation activation, int layers, int truncation,
                                  boolean embedding) {
        Built<M> built = build(backend, cell, activation, layers, embedding);
        Network<M> network = built.network();
        SequenceBatch data = built.data();
        RecurrentState<M> state = built.state();
        ModelConfig config = built.config();
        int x = built.x();
        ToleranceClass tolerances = ToleranceClass.of(backend.name());
        if (!tolerances.centralDifferences()) { // float32: analytic gradients against raw's analytic float64 ones
            Built<?> reference = build(Backends.byName(BackendAgreementSuite.REFERENCE), cell, activation, layers, embedding);
            AnalyticGradients.assertClose(backend.name(), config + " k=" + truncation + ", analytic gradients vs raw's",
                    AnalyticGradients.of(network, data, state, truncation), referenceGradients(reference, truncation),
                    tolerances.onePass());
        } else {
            GradientCheck.Report report = GradientCheck.check(network, data, state, truncation, 40,
                    embedding ? GradientCheck.Resolution.DEFAULT : GradientCheckSuite.SIGMOID_HEAD);
            assertTrue(report.passes(), report.describe(config + " k=" + truncation));
        }

        if (embedding && truncation == 0) { // the row-sparse update leaves the unseen row of E untouched
            double[] before = backend.toArray(network.parameters().get(Network.EMBEDDING).value());
            RowSparseOptimizer<M> optimizer = RowSparseOptimizer.adagrad(network, 0.1);
            network.forward(data, state);
            network.backward();
            optimizer.update(network.parameters(), network.gradients());
            double[] after = backend.toArray(network.parameters().get(Network.EMBEDDING).value());
            int d = config.embeddingSize();
            assertArrayEquals(java.util.Arrays.copyOfRange(before, (x - 1) * d, x * d),
                    java.util.Arrays.copyOfRange(after, (x - 1) * d, x * d), "unseen row of E");
            double[] memory = backend.toArray(optimizer.state().get(Network.EMBEDDING).value());
            for (int j = (x - 1) * d; j < x * d; j++) {
                assertEquals(0.0, memory[j], 0.0, "Adagrad memory of the unseen row");
            }
        }
    }

    private static <M> List<AnalyticGradients.Tensor> referenceGradients(Built<M> reference, int truncation) {
        return AnalyticGradients.of(reference.network(), reference.data(), reference.state(), truncation);
    }
}

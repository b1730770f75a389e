package io.rnnbench.verification.oracle;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.core.model.NamedMatrix;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.RecurrentState;
import io.rnnbench.core.model.SequenceBatch;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.core.train.Adagrad;
import io.rnnbench.core.train.Optimizer;
import io.rnnbench.core.train.RowSparseOptimizer;
import io.rnnbench.core.train.Sgd;
import io.rnnbench.verification.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RowSparseOptimizer} against the dense rule it stands for, on {@code raw}: two networks with the same
 * weights, one updated by the row-sparse optimizer, the other by the plain {@link Sgd} / {@link Adagrad} over every
 * parameter (E included), over three batches whose inputs repeat indices and leave rows of E unseen (3, 4, then
 * again 3 distinct rows: scratch of one size is reused). Expected, from the class's contract: every parameter and
 * (Adagrad) every memory equal to the dense one; the rows of E never seen are the initial rows, bit for bit. The
 * dense rules are checked against their equations in {@code TrainingRulesTest}.
 *
 * <p>Tolerance 1e−12: the two add the same terms, possibly one as a fused multiply-add and the other not, so they
 * differ by a few ulps of values of order 1 (weights 0.3·N(0, 1), lr = 0.1); a missing or sign-flipped update, a
 * stale scratch row or an unshared memory is of the order of lr·g ≈ 1e−3 or more.
 */
class RowSparseOptimizerTest {
    /** An instance field, not a constant: a mutant of ModelConfig must meet it (PIT does not rerun static initialisers). */
    private final ModelConfig config =
            new ModelConfig(CellType.RNN, 7, 4, 1, 7, HeadType.PER_STEP_SOFTMAX).withEmbedding(3);
    private static final double LEARNING_RATE = 0.1;
    private static final double TOLERANCE = 1e-12;
    /** Per batch (T = 3, B = 2): inputs and targets; rows of E seen: {1, 4, 5}, {0, 2, 4, 6}, {1, 3, 6}. */
    private static final int[][][] BATCHES = {
            {{4, 1, 4, 5, 1, 4}, {0, 2, 6, 3, 1, 5}},
            {{6, 0, 2, 2, 4, 6}, {1, 1, 5, 0, 3, 2}},
            {{3, 3, 1, 6, 1, 3}, {4, 6, 0, 2, 5, 1}}};

    @ParameterizedTest
    @EnumSource(RowSparseOptimizer.Rule.class)
    void seenRowsFollowTheDenseRuleAndUnseenRowsStay(RowSparseOptimizer.Rule rule) {
        check(Backends.byName("raw"), rule);
    }

    private <M> void check(Backend<M> backend, RowSparseOptimizer.Rule rule) {
        Network<M> sparse = Network.create(backend, config, new NumpyRandomState(Seeds.MODEL), 0.3);
        Network<M> dense = Network.create(backend, config, new NumpyRandomState(Seeds.MODEL), 0.3);
        RowSparseOptimizer<M> sparseOptimizer = rule == RowSparseOptimizer.Rule.SGD
                ? RowSparseOptimizer.sgd(sparse, LEARNING_RATE) : RowSparseOptimizer.adagrad(sparse, LEARNING_RATE);
        Adagrad<M> denseAdagrad = new Adagrad<>(backend, dense.parameters(), LEARNING_RATE);
        Optimizer<M> denseOptimizer = rule == RowSparseOptimizer.Rule.SGD ? new Sgd<>(backend, LEARNING_RATE) : denseAdagrad;
        assertEquals(rule, sparseOptimizer.rule());
        assertEquals(LEARNING_RATE, sparseOptimizer.learningRate());
        double[] initialE = backend.toArray(sparse.parameters().get(Network.EMBEDDING).value());

        // before any forward no row is seen: only the dense parameters move (their gradients are zero: they stay)
        sparseOptimizer.update(sparse.parameters(), sparse.gradients());
        assertArrayEquals(initialE, backend.toArray(sparse.parameters().get(Network.EMBEDDING).value()), "E before a forward");

        TreeSet<Integer> seen = new TreeSet<>();
        for (int step = 0; step < BATCHES.length; step++) {
            SequenceBatch batch = SequenceBatch.ofClasses(3, 2, BATCHES[step][0], BATCHES[step][1]);
            for (Network<M> network : java.util.List.of(sparse, dense)) {
                network.forward(batch, RecurrentState.zeros(backend, config, 2));
                network.backward();
            }
            sparseOptimizer.update(sparse.parameters(), sparse.gradients());
            denseOptimizer.update(dense.parameters(), dense.gradients());
            Arrays.stream(BATCHES[step][0]).forEach(seen::add);
            String when = rule + ", after step " + step;
            for (NamedMatrix<M> p : dense.parameters()) {
                assertClose(backend.toArray(p.value()), backend.toArray(sparse.parameters().get(p.name()).value()),
                        when + ": " + p.name());
            }
            if (rule == RowSparseOptimizer.Rule.ADAGRAD) {
                assertEquals(denseAdagrad.memory().names(), sparseOptimizer.state().names(), when + ": Adagrad state names");
                for (NamedMatrix<M> m : denseAdagrad.memory()) {
                    assertClose(backend.toArray(m.value()), backend.toArray(sparseOptimizer.state().get(m.name()).value()),
                            when + ": Adagrad memory of " + m.name());
                }
            } else {
                assertEquals(0, sparseOptimizer.state().size(), "SGD has no state");
            }
            double[] e = backend.toArray(sparse.parameters().get(Network.EMBEDDING).value());
            int d = config.embeddingSize();
            for (int row = 0; row < config.inputSize(); row++) {
                boolean moved = !Arrays.equals(Arrays.copyOfRange(initialE, row * d, row * d + d), Arrays.copyOfRange(e, row * d, row * d + d));
                assertEquals(seen.contains(row), moved, when + ": row " + row + " of E moved (it was " + (seen.contains(row) ? "" : "never ")
                        + "seen)");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(RowSparseOptimizer.Rule.class)
    void misuseIsRejected(RowSparseOptimizer.Rule rule) {
        misuse(Backends.byName("raw"), rule);
    }

    private <M> void misuse(Backend<M> backend, RowSparseOptimizer.Rule rule) {
        ModelConfig plain = new ModelConfig(CellType.RNN, 7, 4, 1, 7, HeadType.PER_STEP_SOFTMAX);
        Network<M> withoutEmbedding = Network.create(backend, plain, new NumpyRandomState(1), 0.3);
        IllegalArgumentException noTable = assertThrows(IllegalArgumentException.class, () -> create(withoutEmbedding, rule));
        assertTrue(noTable.getMessage().contains("needs a network with an embedding table"), noTable.getMessage());
        Network<M> network = Network.create(backend, config, new NumpyRandomState(1), 0.3);
        Network<M> other = Network.create(backend, config, new NumpyRandomState(1), 0.3);
        RowSparseOptimizer<M> optimizer = create(network, rule);
        IllegalArgumentException foreignParameters = assertThrows(IllegalArgumentException.class,
                () -> optimizer.update(other.parameters(), network.gradients()));
        assertTrue(foreignParameters.getMessage().contains("the parameters of the network it was made for"), foreignParameters.getMessage());
        IllegalArgumentException foreignGradients = assertThrows(IllegalArgumentException.class,
                () -> optimizer.update(network.parameters(), other.gradients()));
        assertTrue(foreignGradients.getMessage().contains("the parameters of the network it was made for"), foreignGradients.getMessage());
    }

    private static <M> RowSparseOptimizer<M> create(Network<M> network, RowSparseOptimizer.Rule rule) {
        return rule == RowSparseOptimizer.Rule.SGD ? RowSparseOptimizer.sgd(network, LEARNING_RATE)
                : RowSparseOptimizer.adagrad(network, LEARNING_RATE);
    }

    private static void assertClose(double[] want, double[] got, String what) {
        assertEquals(want.length, got.length, what + ": length");
        for (int i = 0; i < want.length; i++) {
            if (!(Math.abs(got[i] - want[i]) <= TOLERANCE)) {
                throw new AssertionError(what + ": entry " + i + " is " + got[i] + ", the dense rule gives " + want[i]);
            }
        }
    }
}

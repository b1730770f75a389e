package io.rnnbench.core.train;

import io.rnnbench.core.model.NamedMatrix;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.spi.Backend;

import java.util.HashMap;
import java.util.Map;

/**
 * SGD or Adagrad that updates the embedding table E [X, D] only at the rows of the last batch's input indices
 * ({@link Network#embeddingRows()}, seed 003's sparse-row idea), and every other parameter densely with the
 * ordinary {@link Sgd} / {@link Adagrad}. For the n seen rows, on [n, D] scratch matrices:
 * <pre>
 * g    = dE[rows]                           gatherRows             [n, D]
 * SGD:      E[rows] += −lr·g                 scatterAddRows          [n, D]
 * Adagrad:  m[rows] += g ⊙ g                 scatterAddRows
 *           E[rows] += −lr·g / √(m[rows] + 1e−8)   gatherRows of m, then scatterAddRows
 * </pre>
 * The unseen rows of E and of its Adagrad memory are never read or written by the update. Rows of dE outside
 * the seen set are zero (backward writes only those), so the result equals the dense update except that dense
 * Adagrad would also leave unseen rows unchanged (g = 0) — the two agree entry for entry; the sparse one does
 * O(n·D) work instead of O(X·D).
 */
public final class RowSparseOptimizer<M> implements Optimizer<M> {
    /** The dense rule applied to the seen rows. */
    public enum Rule { SGD, ADAGRAD }

    private final Backend<M> backend;
    private final Network<M> network;
    private final Rule rule;
    private final double learningRate;
    private final Parameters<M> denseParameters;
    private final Parameters<M> denseGradients;
    private final Optimizer<M> dense;
    /** Adagrad memory of E [X, D]; null for SGD. */
    private final M embeddingMemory;
    private final Map<Integer, Scratch<M>> scratch = new HashMap<>();

    private RowSparseOptimizer(Network<M> network, Rule rule, double learningRate) {
        if (!network.config().hasEmbedding()) {
            throw new IllegalArgumentException("a row-sparse optimizer needs a network with an embedding table");
        }
        this.backend = network.backend();
        this.network = network;
        this.rule = rule;
        this.learningRate = learningRate;
        this.denseParameters = network.parameters().without(Network.EMBEDDING);
        this.denseGradients = network.gradients().without(Network.EMBEDDING);
        this.dense = rule == Rule.SGD ? new Sgd<>(backend, learningRate) : new Adagrad<>(backend, denseParameters, learningRate);
        NamedMatrix<M> e = network.parameters().get(Network.EMBEDDING);
        this.embeddingMemory = rule == Rule.ADAGRAD ? backend.zeros(e.rows(), e.cols()) : null;
    }

    /** SGD, θ −= lr·g, with E updated at the seen rows only. */
    public static <M> RowSparseOptimizer<M> sgd(Network<M> network, double learningRate) {
        return new RowSparseOptimizer<>(network, Rule.SGD, learningRate);
    }

    /** Adagrad as the seeds write it, with E and its memory updated at the seen rows only. */
    public static <M> RowSparseOptimizer<M> adagrad(Network<M> network, double learningRate) {
        return new RowSparseOptimizer<>(network, Rule.ADAGRAD, learningRate);
    }

    public Rule rule() {
        return rule;
    }

    public double learningRate() {
        return learningRate;
    }

    /**
     * @param parameters must be the network's own parameters (the embedding rows come from its last forward)
     */
    @Override
    public void update(Parameters<M> parameters, Parameters<M> gradients) {
        if (parameters != network.parameters() || gradients != network.gradients()) {
            throw new IllegalArgumentException("a row-sparse optimizer updates the parameters of the network it was made for");
        }
        dense.update(denseParameters, denseGradients);
        int[] rows = network.embeddingRows();
        if (rows.length == 0) {
            return;
        }
        M e = parameters.get(Network.EMBEDDING).value();
        M dE = gradients.get(Network.EMBEDDING).value();
        Scratch<M> s = scratch.computeIfAbsent(rows.length, n -> new Scratch<>(backend, n, backend.cols(e)));
        backend.gatherRows(dE, rows, s.g); //                                  g = dE[rows]        [n, D]
        backend.fill(s.delta, 0.0);
        if (rule == Rule.SGD) {
            backend.axpy(-learningRate, s.g, s.delta); //                      Δ = −lr·g
        } else {
            backend.hadamard(s.g, s.g, s.m); //                                m[rows] += g ⊙ g
            backend.scatterAddRows(s.m, rows, embeddingMemory);
            backend.gatherRows(embeddingMemory, rows, s.m);
            backend.addQuotientBySqrt(-learningRate, s.g, s.m, Adagrad.EPSILON, 0.0, s.delta); // Δ = −lr·g/√(m + ε)
        }
        backend.scatterAddRows(s.delta, rows, e); //                           E[rows] += Δ
    }

    /**
     * The optimizer's state by parameter name (Adagrad: the memory m of every parameter, E's included; SGD: none),
     * sharing the live matrices: reading it saves, writing it restores.
     */
    public Parameters<M> state() {
        Parameters<M> state = new Parameters<>();
        if (rule == Rule.ADAGRAD) {
            NamedMatrix<M> e = network.parameters().get(Network.EMBEDDING);
            state.addShared(Network.EMBEDDING, new NamedMatrix<>(Network.EMBEDDING, e.rows(), e.cols(), embeddingMemory));
            for (NamedMatrix<M> m : ((Adagrad<M>) dense).memory()) {
                state.addShared(m.name(), m);
            }
        }
        return state;
    }

    private static final class Scratch<M> {
        final M g;
        final M m;
        final M delta;

        Scratch(Backend<M> backend, int rows, int cols) {
            g = backend.zeros(rows, cols);
            m = backend.zeros(rows, cols);
            delta = backend.zeros(rows, cols);
        }
    }
}

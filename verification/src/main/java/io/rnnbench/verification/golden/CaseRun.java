package io.rnnbench.verification.golden;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.Inputs;
import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.RecurrentState;
import io.rnnbench.core.model.SequenceBatch;
import io.rnnbench.core.model.Targets;
import io.rnnbench.core.spi.Backend;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One seed-002 case on one backend while its functions run: the backend, the case, its comparisons
 * ({@link CaseChecks}), the expected keys compared so far, and the seed weights the calls hand on to each other
 * ({@code initialize_parameters} → {@code optimize} → {@code optimize} …). The function families
 * ({@link CellRunner}, {@link SequenceRunner}, {@link TrainingRunner}, {@link SamplingRunner},
 * {@link DatasetRunner}) work on it; {@link Seed002Dispatch} makes one per case.
 */
final class CaseRun<M> {
    final Backend<M> backend;
    final Seed002Case c;
    final CaseChecks checks;
    private final Set<String> compared = new LinkedHashSet<>();
    /** The RNN parameters in seed notation that the next call starts from (null: the case's inputs). */
    Map<String, NdArray> carriedWeights;
    /** The hidden state a_prev the next optimize call starts from (null: the case's input a_prev, else zeros). */
    NdArray carriedState;

    CaseRun(Backend<M> backend, Seed002Case c, CaseChecks checks) {
        this.backend = backend;
        this.c = c;
        this.checks = checks;
    }

    /** The expected keys compared so far, in order. */
    Set<String> compared() {
        return compared;
    }

    void markCompared(String key) {
        compared.add(key);
    }

    // ---- comparisons ---------------------------------------------------------------------------------

    /**
     * Compares {@code actual} with expected_corrected.key when the fixture has it (buggy seed code), else with
     * expected.key; a key that expected lacks is skipped (optional), a key compared already is not compared again.
     */
    void compare(String key, NdArray actual) {
        if (compared.contains(key) || !c.hasExpected(key)) {
            return;
        }
        if (c.hasCorrected(key)) {
            checks.close(key + " vs expected_corrected", actual, c.corrected(key).asArray(), c.atol(), c.rtol());
        } else {
            checks.close(key, actual, c.expected(key).asArray(), c.atol(), c.rtol());
        }
        compared.add(key);
    }

    /** Compares the seed gradients (keys without 'd', as {@link SeedArrays#read} gives them) that expected holds. */
    void compareGradients(Map<String, NdArray> gradients, CellType cell) {
        for (Map.Entry<String, NdArray> g : gradients.entrySet()) {
            for (String key : gradientKeys(g.getKey(), cell)) {
                compare(key, g.getValue());
            }
        }
    }

    /** The seeds' names for a converter key: "Wax" → dWax; "ba" → dba or db (the RNN's bias is b in cllm_utils). */
    static List<String> gradientKeys(String key, CellType cell) {
        if (cell == CellType.RNN && key.equals("ba")) {
            return List.of("dba", "db");
        }
        return List.of("d" + key);
    }

    // ---- the case's model ----------------------------------------------------------------------------

    /** The seed's weights of this case under the converter's keys (the RNN's "b" is the converter's "ba"). */
    Map<String, NdArray> weights(CellType cell) {
        if (cell == CellType.RNN && carriedWeights != null) {
            return carriedWeights;
        }
        Map<String, NdArray> w = new LinkedHashMap<>();
        if (cell == CellType.RNN) {
            w.put("Wax", c.input("Wax"));
            w.put("Waa", c.input("Waa"));
            w.put("ba", c.hasInput("ba") ? c.input("ba") : c.input("b"));
            w.put("Wya", c.input("Wya"));
            w.put("by", c.input("by"));
        } else {
            for (String k : new String[] {"Wf", "bf", "Wi", "bi", "Wc", "bc", "Wo", "bo", "Wy", "by"}) {
                w.put(k, c.input(k));
            }
        }
        return w;
    }

    /** A one-layer network with a per-step softmax head holding {@code weights}; its sizes come from their shapes. */
    Network<M> network(CellType cell, Map<String, NdArray> weights) {
        ModelConfig config = SeedArrays.config(cell, weights, HeadType.PER_STEP_SOFTMAX);
        Network<M> network = Network.zeros(backend, config);
        SeedArrays.load(network, weights);
        return network;
    }

    /** The initial state of a batch of m: h from {@code a0} [n_a, m] and c from {@code c0} (zeros if null). */
    RecurrentState<M> state(Network<M> network, NdArray a0, NdArray c0) {
        RecurrentState<M> state = RecurrentState.zeros(backend, network.config(), a0.dim(1));
        SeedArrays.loadState(backend, a0, state.h(0));
        if (c0 != null) {
            SeedArrays.loadState(backend, c0, state.c(0));
        }
        return state;
    }

    static SequenceBatch denseBatch(NdArray x, Targets targets) {
        return new SequenceBatch(x.dim(2), x.dim(1), new Inputs.Dense(SeedArrays.sequenceToRows(x), x.dim(0)), targets);
    }

    /** a, c ([n_a, m, T], c null for the RNN) and y = softmax(logits) ([n_y, m, T]) of a forward pass. */
    record Forward(NdArray a, NdArray c, NdArray y) {
    }

    /**
     * Forward over x [n_x, m, T] from (a0, c0). y comes from one pass over the whole sequence (the logits of every
     * step); a and c of every step from T one-step passes carrying the state with {@code copyFinalState}, since
     * the network exposes only the final state. Both passes must end in the same state.
     */
    Forward forward(Network<M> network, NdArray x, NdArray a0, NdArray c0) {
        int m = x.dim(1);
        int steps = x.dim(2);
        int hidden = network.config().hiddenSize();
        int outputs = network.config().outputSize();
        RecurrentState<M> state = state(network, a0, c0);
        network.forward(denseBatch(x, Targets.NONE), state);
        M logits = network.logits(); //                                   [T·m, V]
        M p = backend.zeros(backend.rows(logits), outputs);
        backend.softmax(logits, p);
        NdArray y = SeedArrays.rowsToSequence(backend.toArray(p), outputs, m, steps);
        RecurrentState<M> whole = RecurrentState.zeros(backend, network.config(), m);
        network.copyFinalState(whole);

        boolean lstm = network.config().cell().hasCellState();
        double[] aRows = new double[steps * m * hidden];
        double[] cRows = lstm ? new double[steps * m * hidden] : null;
        for (int t = 0; t < steps; t++) {
            network.forward(denseBatch(SeedArrays.asOneStep(SeedArrays.step(x, t)), Targets.NONE), state);
            network.copyFinalState(state);
            System.arraycopy(backend.toArray(state.h(0)), 0, aRows, t * m * hidden, m * hidden);
            if (lstm) {
                System.arraycopy(backend.toArray(state.c(0)), 0, cRows, t * m * hidden, m * hidden);
            }
        }
        NdArray a = SeedArrays.rowsToSequence(aRows, hidden, m, steps);
        checks.close("final h of the whole-sequence pass vs the stepwise passes",
                SeedArrays.readState(backend, whole.h(0)), SeedArrays.readState(backend, state.h(0)), c.atol(), c.rtol());
        return new Forward(a, lstm ? SeedArrays.rowsToSequence(cRows, hidden, m, steps) : null, y);
    }

    /**
     * Forward over x, then backward from da on every step's a and, for the LSTM cell, from dcNext on the final c
     * (null: none).
     */
    void backward(Network<M> network, NdArray x, NdArray a0, NdArray c0, NdArray da, NdArray dcNext) {
        network.forward(denseBatch(x, Targets.NONE), state(network, a0, c0));
        RecurrentState<M> dFinal = dcNext == null ? null : state(network, new NdArray(a0.shape(), new double[a0.size()]), dcNext);
        network.backwardFromHidden(backend.fromArray(da.dim(2) * da.dim(1), da.dim(0), SeedArrays.sequenceToRows(da)), dFinal);
    }

    NdArray inputGradient(Network<M> network, NdArray x) {
        return SeedArrays.rowsToSequence(backend.toArray(network.inputGradient()), x.dim(0), x.dim(1), x.dim(2));
    }

    /** A zero array of {@code like}'s shape. */
    static NdArray zerosLike(NdArray like) {
        return new NdArray(like.shape(), new double[like.size()]);
    }
}

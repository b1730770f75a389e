package io.rnnbench.verification.oracle;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.RecurrentState;
import io.rnnbench.core.model.SequenceBatch;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.verification.Seeds;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A pass of T steps against T passes of one step that carry the state ({@link Network#copyFinalState}), on
 * {@code raw}, for a two-layer LSTM with B = 2 from a non-zero initial state: the gates and outputs of step t of
 * the long pass ({@link Network#gateActivations}, {@link Network#hiddenSequence}, rows t·B .. t·B + B − 1) are those
 * of the t-th one-step pass, whose single step the golden LSTM-cell cases check. And {@link RecurrentState#zero}
 * resets a non-zero state: every h and c is 0 afterwards and a pass from it is a pass from a fresh zero state.
 *
 * <p>Exact equality: both run the same operations on the same rows (the one-hot input gathers rows of W_x; each
 * step's products have B rows either way).
 */
class StepwiseStateTest {
    /** An instance field, not a constant: a mutant of ModelConfig must meet it (PIT does not rerun static initialisers). */
    private final ModelConfig config = new ModelConfig(CellType.LSTM, 5, 3, 2, 5, HeadType.PER_STEP_SOFTMAX);
    private static final int T = 4;
    private static final int B = 2;
    private static final int[] INPUT = {1, 4, 0, 0, 3, 2, 4, 1};
    private static final int[] TARGET = {0, 2, 1, 3, 4, 4, 2, 0};

    @Test
    void gatesAndOutputsOfEachStepAreThoseOfOneStepPasses() {
        stepwise(Backends.byName("raw"));
    }

    private <M> void stepwise(Backend<M> backend) {
        Network<M> network = Network.create(backend, config, new NumpyRandomState(Seeds.MODEL), 0.5);
        RecurrentState<M> start = nonZeroState(backend, network);
        SequenceBatch batch = SequenceBatch.ofClasses(T, B, INPUT, TARGET);
        network.forward(batch, start);
        double[][] gates = new double[config.layers()][];
        double[][] outputs = new double[config.layers()][];
        for (int l = 0; l < config.layers(); l++) {
            gates[l] = backend.toArray(network.gateActivations(l)); //   [T·B, 4H]
            outputs[l] = backend.toArray(network.hiddenSequence(l)); //  [T·B, H]
        }
        RecurrentState<M> state = RecurrentState.zeros(backend, config, B);
        state.copyFrom(backend, start);
        int gateWidth = config.gateWidth();
        int h = config.hiddenSize();
        for (int t = 0; t < T; t++) {
            network.forward(batch.slice(t, t + 1), state);
            for (int l = 0; l < config.layers(); l++) {
                assertArrayEquals(backend.toArray(network.gateActivations(l)),
                        Arrays.copyOfRange(gates[l], t * B * gateWidth, (t + 1) * B * gateWidth), "layer " + l + " gates of step " + t);
                assertArrayEquals(backend.toArray(network.hiddenSequence(l)),
                        Arrays.copyOfRange(outputs[l], t * B * h, (t + 1) * B * h), "layer " + l + " h of step " + t);
            }
            network.copyFinalState(state);
        }
    }

    @Test
    void zeroResetsANonZeroState() {
        reset(Backends.byName("raw"));
    }

    private <M> void reset(Backend<M> backend) {
        Network<M> network = Network.create(backend, config, new NumpyRandomState(Seeds.MODEL), 0.5);
        RecurrentState<M> state = nonZeroState(backend, network);
        SequenceBatch batch = SequenceBatch.ofClasses(T, B, INPUT, TARGET);
        double fromZero = network.forward(batch, RecurrentState.zeros(backend, config, B));
        assertNotEquals(fromZero, network.forward(batch, state), "the state before the reset makes a difference");
        state.zero(backend);
        for (int l = 0; l < config.layers(); l++) {
            assertArrayEquals(new double[B * config.hiddenSize()], backend.toArray(state.h(l)), "h of layer " + l);
            assertArrayEquals(new double[B * config.hiddenSize()], backend.toArray(state.c(l)), "c of layer " + l);
        }
        assertEquals(fromZero, network.forward(batch, state), 0.0, "a pass from the reset state");
    }

    /** The state after a pass over other input: every h and c non-zero. */
    private <M> RecurrentState<M> nonZeroState(Backend<M> backend, Network<M> network) {
        RecurrentState<M> state = RecurrentState.zeros(backend, config, B);
        network.forward(SequenceBatch.ofClasses(2, B, new int[] {3, 2, 1, 0}, new int[] {0, 1, 2, 3}), state);
        network.copyFinalState(state);
        for (int l = 0; l < config.layers(); l++) {
            for (M m : java.util.List.of(state.h(l), state.c(l))) {
                assertEquals(0, Arrays.stream(backend.toArray(m)).filter(v -> v == 0).count(), "a non-zero start state");
            }
        }
        return state;
    }
}

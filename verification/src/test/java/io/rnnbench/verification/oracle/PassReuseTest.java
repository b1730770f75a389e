package io.rnnbench.verification.oracle;

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
import io.rnnbench.verification.Seeds;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pass leaves nothing behind for the next one, on {@code raw}: a backward after a forward without targets gives
 * zero gradients (the documented dL/dY = 0), even after a pass with targets; a backward of a last-step head after a
 * {@link Network#backwardFromHidden} (which writes dL/dh of every step) gives the gradients of a network that ran
 * only forward and backward (only the last step feeds that head); and batches of shapes that come and go, (T, B) =
 * (2, 1), (3, 1), (2, 3), (2, 1), (2, 3), each get the loss and gradients a fresh network computes for them (the
 * workspaces are kept per shape: the one of another B with the same T, or another T with the same B, is not it).
 */
class PassReuseTest {
    @Test
    void withoutTargetsEveryGradientIsZero() {
        noTargets(Backends.byName("raw"));
    }

    private <M> void noTargets(Backend<M> backend) {
        ModelConfig config = new ModelConfig(CellType.LSTM, 4, 3, 2, 4, HeadType.PER_STEP_SOFTMAX);
        Network<M> network = Network.create(backend, config, new NumpyRandomState(Seeds.MODEL), 0.5);
        RecurrentState<M> zero = RecurrentState.zeros(backend, config, 2);
        SequenceBatch withTargets = SequenceBatch.ofClasses(3, 2, new int[] {0, 1, 2, 3, 1, 0}, new int[] {1, 2, 3, 0, 0, 1});
        network.forward(withTargets, zero);
        network.backward();
        assertTrue(network.gradients().list().stream().anyMatch(g -> Arrays.stream(backend.toArray(g.value())).anyMatch(v -> v != 0)),
                "a pass with targets has gradients");
        SequenceBatch without = new SequenceBatch(3, 2, withTargets.inputs(), Targets.NONE);
        assertEquals(0.0, network.forward(without, zero), 0.0, "the loss without targets");
        network.backward();
        for (NamedMatrix<M> g : network.gradients()) {
            assertArrayEquals(new double[g.rows() * g.cols()], backend.toArray(g.value()), g.name() + " without targets");
        }
    }

    @Test
    void shapesThatComeAndGoGetTheirOwnWorkspaces() {
        shapes(Backends.byName("raw"));
    }

    private <M> void shapes(Backend<M> backend) {
        ModelConfig config = new ModelConfig(CellType.LSTM, 4, 3, 2, 4, HeadType.PER_STEP_SOFTMAX);
        Network<M> network = Network.create(backend, config, new NumpyRandomState(Seeds.MODEL), 0.5);
        int[][] shapes = {{2, 1}, {3, 1}, {2, 3}, {2, 1}, {2, 3}};
        for (int[] shape : shapes) {
            int rows = shape[0] * shape[1];
            int[] input = new int[rows];
            int[] target = new int[rows];
            for (int r = 0; r < rows; r++) {
                input[r] = (r * 3 + shape[1]) % 4;
                target[r] = (r + 1) % 4;
            }
            SequenceBatch batch = SequenceBatch.ofClasses(shape[0], shape[1], input, target);
            Network<M> fresh = Network.create(backend, config, new NumpyRandomState(Seeds.MODEL), 0.5);
            String what = "(T, B) = (" + shape[0] + ", " + shape[1] + ")";
            assertEquals(fresh.forward(batch, RecurrentState.zeros(backend, config, shape[1])),
                    network.forward(batch, RecurrentState.zeros(backend, config, shape[1])), 0.0, what + ": loss");
            fresh.backward();
            network.backward();
            for (NamedMatrix<M> g : fresh.gradients()) {
                assertArrayEquals(backend.toArray(g.value()), backend.toArray(network.gradients().get(g.name()).value()),
                        what + ": " + g.name());
            }
        }
    }

    @Test
    void lastStepHeadBackwardAfterBackwardFromHidden() {
        lastStep(Backends.byName("raw"));
    }

    private <M> void lastStep(Backend<M> backend) {
        ModelConfig config = new ModelConfig(CellType.RNN, 4, 3, 1, 2, HeadType.LAST_STEP_SOFTMAX);
        Network<M> reused = Network.create(backend, config, new NumpyRandomState(Seeds.MODEL), 0.5);
        Network<M> fresh = Network.create(backend, config, new NumpyRandomState(Seeds.MODEL), 0.5);
        RecurrentState<M> zero = RecurrentState.zeros(backend, config, 2);
        SequenceBatch batch = new SequenceBatch(3, 2, new Inputs.OneHot(new int[] {0, 1, 2, 3, 1, 0}),
                new Targets.Classes(new int[] {1, 0}));
        reused.forward(batch, zero);
        reused.backwardFromHidden(backend.fromArray(6, 3, new NumpyRandomState(Seeds.MODEL + 1).randn(18)), null);
        reused.forward(batch, zero);
        reused.backward();
        fresh.forward(batch, zero);
        fresh.backward();
        for (NamedMatrix<M> g : fresh.gradients()) {
            assertArrayEquals(backend.toArray(g.value()), backend.toArray(reused.gradients().get(g.name()).value()),
                    g.name() + " after a backwardFromHidden");
        }
    }
}

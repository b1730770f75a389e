package io.rnnbench.verification;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.Inputs;
import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.RecurrentState;
import io.rnnbench.core.model.SequenceBatch;
import io.rnnbench.core.model.Targets;
import io.rnnbench.core.probe.AllocationProbe;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.core.train.Adagrad;
import io.rnnbench.core.train.GradientClipping;
import io.rnnbench.core.train.Trainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code BackendProvider.allocationFree()} claims, held at the model level for every backend that claims it:
 * once compiled, a whole training step (forward, BPTT, the finiteness check, clipping, Adagrad) allocates nothing on
 * the calling thread. The benchmarks rely on it twice: their report flags such a backend's row that allocated, and
 * their forks start measuring at the first call that allocated nothing ({@code CompiledStart}). Until C2 has
 * compiled the hot code a call may allocate, so each case runs steps until one allocates nothing
 * ({@link AllocationProbe}), for at most {@value #LIMIT_SECONDS} s. {@code OwnGemmTest} holds our GEMMs to the same claim, counting every thread.
 */
class AllocationFreeTest {
    private static final int LIMIT_SECONDS = 60;

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String backend : Backends.allocationFree()) {
            for (CellType cell : CellType.values()) {
                cases.add(Arguments.of(backend, cell, true));
                cases.add(Arguments.of(backend, cell, false));
            }
        }
        return cases;
    }

    /**
     * @param oneHot the seeds' char model (one-hot X = 65, H = 100, batch 1, T = 25), or a dense two-layer one
     *               (X = 12, H = 24, B = 4, T = 6)
     */
    @ParameterizedTest(name = "{0} {1} one-hot {2}")
    @MethodSource("cases")
    void aTrainingStepAllocatesNothingOnceCompiled(String backend, CellType cell, boolean oneHot) {
        trainUntilAllocationFree(Backends.byName(backend), cell, oneHot);
    }

    private static <M> void trainUntilAllocationFree(Backend<M> backend, CellType cell, boolean oneHot) {
        ModelConfig config = oneHot
                ? new ModelConfig(cell, 65, 100, 1, 65, HeadType.PER_STEP_SOFTMAX)
                : new ModelConfig(cell, 12, 24, 2, 7, HeadType.PER_STEP_SOFTMAX);
        int steps = oneHot ? 25 : 6;
        int batch = oneHot ? 1 : 4;
        NumpyRandomState random = new NumpyRandomState(3);
        Network<M> network = Network.create(backend, config, random, 0.01);
        Inputs inputs = oneHot ? new Inputs.OneHot(indices(random, steps * batch, 65))
                : new Inputs.Dense(random.randn(steps * batch * 12), 12);
        SequenceBatch chunk = new SequenceBatch(steps, batch, inputs,
                new Targets.Classes(indices(random, steps * batch, config.outputSize())));
        RecurrentState<M> state = RecurrentState.zeros(backend, config, batch);
        Trainer<M> trainer = new Trainer<>(network, new Adagrad<>(backend, network.parameters(), 0.1), GradientClipping.byValue(5));

        AllocationProbe.Outcome outcome = AllocationProbe.untilAllocationFree(() -> trainer.step(chunk, state),
                Duration.ofSeconds(LIMIT_SECONDS));
        assertTrue(outcome.allocationFree(), backend.name() + " " + cell + ", training steps: " + outcome);
    }

    private static int[] indices(NumpyRandomState random, int count, int bound) {
        int[] index = new int[count];
        for (int i = 0; i < count; i++) {
            index[i] = random.nextInt(bound);
        }
        return index;
    }
}

package io.rnnbench.verification;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.Inputs;
import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.RecurrentState;
import io.rnnbench.core.model.SequenceBatch;
import io.rnnbench.core.model.Targets;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.core.spi.Transpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets a clear exception naming what was expected and what came; never a stray index error or NaN. */
class BadInputTest {
    private static final ModelConfig LSTM = new ModelConfig(CellType.LSTM, 5, 4, 2, 5, HeadType.PER_STEP_SOFTMAX);

    @Test
    void unknownBackendNameListsTheKnownOnes() {
        assertMessage(() -> Backends.byName("blas"), "unknown backend 'blas'", "raw", "raw-simd", "ejml", "commons-math");
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        for (String name : Backends.names()) {
            gemmShapeMismatch(Backends.byName(name));
            lstmStepMismatch(Backends.byName(name));
        }
    }

    private <M> void gemmShapeMismatch(Backend<M> backend) {
        M a = backend.zeros(3, 4);
        M b = backend.zeros(5, 2);
        M c = backend.zeros(3, 2);
        assertMessage(() -> backend.gemm(1, a, Transpose.N, b, Transpose.N, 0, c), "[3, 4]", "[5, 2]");
        assertMessage(() -> backend.hadamard(a, c, c), "[3, 4]", "[3, 2]");
        assertMessage(() -> backend.transpose(a, backend.zeros(3, 4)), "a is [3, 4], so out must be [4, 3], but out is [3, 4]");
    }

    /** The fused LSTM step: a gate block that is not 4H wide, a state of the wrong shape, aliased outputs. */
    private <M> void lstmStepMismatch(Backend<M> backend) {
        M z = backend.zeros(3, 8);
        M state = backend.zeros(3, 2);
        assertMessage(() -> backend.lstmForward(backend.zeros(3, 10), state, backend.zeros(3, 10), backend.zeros(3, 2), backend.zeros(3, 2),
                backend.zeros(3, 2)), "[3, 10]", "4H");
        assertMessage(() -> backend.lstmForward(z, backend.zeros(3, 5), z, backend.zeros(3, 2), backend.zeros(3, 2), backend.zeros(3, 2)),
                "[3, 8] (H = 2), so cPrev must be [3, 2], but it is [3, 5]");
        assertMessage(() -> backend.lstmForward(z, state, z, state, backend.zeros(3, 2), backend.zeros(3, 2)),
                "cPrev, c, tanhC, h must be four different matrices");
        assertMessage(() -> backend.lstmBackward(z, state, backend.zeros(3, 2), backend.zeros(2, 2), backend.zeros(3, 2), backend.zeros(3, 8)),
                "dh must be [3, 2], but it is [2, 2]");
        assertMessage(() -> backend.lstmBackward(z, state, backend.zeros(3, 2), backend.zeros(3, 2), backend.zeros(3, 2), z),
                "must not be the same matrix");
    }

    @Test
    void denseInputOfWrongWidthNamesBothShapes() {
        Backend<?> backend = Backends.byName("raw");
        assertDenseWidth(backend);
    }

    private <M> void assertDenseWidth(Backend<M> backend) {
        ModelConfig config = new ModelConfig(CellType.RNN, 5, 4, 1, 3, HeadType.LAST_STEP_SOFTMAX);
        Network<M> network = Network.create(backend, config, new NumpyRandomState(1), 0.1);
        SequenceBatch batch = new SequenceBatch(2, 1, new Inputs.Dense(new double[14], 7), new Targets.Classes(new int[] {0}));
        assertMessage(() -> network.forward(batch, RecurrentState.zeros(backend, config, 1)), "[2, 7]", "[2, 5]");
    }

    @Test
    void stateOfAnotherBatchSizeIsRejected() {
        stateOfAnotherBatchSize(Backends.byName("raw"));
    }

    private <M> void stateOfAnotherBatchSize(Backend<M> backend) {
        Network<M> network = Network.create(backend, LSTM, new NumpyRandomState(1), 0.1);
        SequenceBatch batch = SequenceBatch.ofClasses(2, 3, new int[6], new int[6]);
        assertMessage(() -> network.forward(batch, RecurrentState.zeros(backend, LSTM, 1)), "[1, 4]", "[3, 4]");
    }

    @Test
    void emptySequenceIsRejected() {
        assertMessage(() -> SequenceBatch.ofClasses(0, 1, new int[0], new int[0]), "empty");
        assertMessage(() -> new SequenceBatch(0, 1, new Inputs.OneHot(new int[] {1}), Targets.NONE), "steps must be ≥ 1");
    }

    @Test
    void indexOutsideTheVocabularyIsRejected() {
        indexOutsideTheVocabulary(Backends.byName("raw"));
    }

    private <M> void indexOutsideTheVocabulary(Backend<M> backend) {
        Network<M> network = Network.create(backend, LSTM, new NumpyRandomState(1), 0.1);
        RecurrentState<M> state = RecurrentState.zeros(backend, LSTM, 1);
        assertMessage(() -> network.forward(SequenceBatch.ofClasses(3, 1, new int[] {0, 5, 1}, new int[] {1, 2, 3}), state),
                "index[1] = 5", "[0, 5)");
        assertMessage(() -> network.forward(SequenceBatch.ofClasses(3, 1, new int[] {0, -1, 1}, new int[] {1, 2, 3}), state),
                "index[1] = -1");
        assertMessage(() -> network.forward(SequenceBatch.ofClasses(3, 1, new int[] {0, 1, 1}, new int[] {1, 2, 9}), state),
                "index[2] = 9", "[0, 5)");
        assertMessage(() -> backend.gatherRows(backend.zeros(4, 2), new int[] {4}, backend.zeros(1, 2)), "index[0] = 4", "[0, 4)");
    }

    @Test
    void nanInAnInputIsRejected() {
        double[] values = {0.5, 1.0, Double.NaN, 2.0};
        assertMessage(() -> new Inputs.Dense(values, 2), "row 1, column 0", "NaN", "finite");
        assertMessage(() -> new Targets.Binary(new double[] {0, Double.NaN}, 2), "value 1", "NaN");
    }

    @Test
    void zeroOrNegativeSizesAreRejected() {
        assertMessage(() -> new ModelConfig(CellType.RNN, 5, 0, 1, 5, HeadType.PER_STEP_SOFTMAX), "hiddenSize", "0");
        assertMessage(() -> new ModelConfig(CellType.RNN, -3, 4, 1, 5, HeadType.PER_STEP_SOFTMAX), "inputSize", "-3");
        assertMessage(() -> new ModelConfig(CellType.RNN, 5, 4, 0, 5, HeadType.PER_STEP_SOFTMAX), "layers", "0");
        assertMessage(() -> new ModelConfig(CellType.LSTM, 5, 4, 1, -1, HeadType.PER_STEP_SOFTMAX), "outputSize", "-1");
        for (String name : Backends.names()) {
            assertMessage(() -> Backends.byName(name).zeros(0, 3), "[0, 3]");
            assertMessage(() -> Backends.byName(name).zeros(2, -1), "[2, -1]");
        }
        assertMessage(() -> RecurrentState.zeros(Backends.byName("raw"), LSTM, 0), "batch", "0");
    }

    @Test
    void parameterLoadOfWrongLengthNamesTheShape() {
        parameterLoad(Backends.byName("raw"));
    }

    private <M> void parameterLoad(Backend<M> backend) {
        Network<M> network = Network.create(backend, LSTM, new NumpyRandomState(1), 0.1);
        assertMessage(() -> network.parameters().load(backend, "layer0.wX", new double[7]), "layer0.wX [5, 16]", "7", "80");
        assertMessage(() -> network.parameters().get("layer9.wX"), "no parameter 'layer9.wX'", "layer0.wX");
    }

    /** Requires an IllegalArgumentException whose message contains every fragment. */
    private static void assertMessage(Executable executable, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "message \"" + e.getMessage() + "\" should contain \"" + fragment + "\"");
        }
    }
}

package io.rnnbench.verification;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.Inputs;
import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.model.RecurrentState;
import io.rnnbench.core.model.SequenceBatch;
import io.rnnbench.core.model.Targets;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.core.spi.Transpose;
import io.rnnbench.core.train.Adagrad;
import io.rnnbench.core.train.Adam;
import io.rnnbench.core.train.GradientClipping;
import io.rnnbench.core.train.Sgd;
import io.rnnbench.core.train.TruncatedBptt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertMessage(() -> new SequenceBatch(2, 3, new Inputs.OneHot(new int[5]), Targets.NONE),
                "inputs have 5 rows, expected T·B = 2·3 = 6");
    }

    @Test
    void indexOutsideTheVocabularyIsRejected() {
        indexOutsideTheVocabulary(Backends.byName("raw"));
    }

    private <M> void indexOutsideTheVocabulary(Backend<M> backend) {
        Network<M> network = Network.create(backend, LSTM, new NumpyRandomState(1), 0.1);
        RecurrentState<M> state = RecurrentState.zeros(backend, LSTM, 1);
        assertMessage(() -> network.forward(SequenceBatch.ofClasses(3, 1, new int[] {0, 5, 1}, new int[] {1, 2, 3}), state),
                "forward: one-hot input: index[1] = 5", "[0, 5)");
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

    /** Every inspection of a pass before the first forward is refused, not answered from empty workspaces. */
    @Test
    void networkQueriesBeforeAForwardAreRefused() {
        noForwardYet(Backends.byName("raw"));
    }

    private <M> void noForwardYet(Backend<M> backend) {
        Network<M> network = Network.create(backend, LSTM, new NumpyRandomState(1), 0.1);
        RecurrentState<M> state = RecurrentState.zeros(backend, LSTM, 1);
        List<Executable> queries = List.of(network::backward, () -> network.backwardFromHidden(backend.zeros(2, 4), null),
                () -> network.gateActivations(0), () -> network.hiddenSequence(0), network::inputGradient,
                () -> network.copyFinalState(state), network::initialStateGradient, network::logits);
        for (Executable query : queries) {
            assertMessage(IllegalStateException.class, query, "no forward pass yet");
        }
    }

    /** After a forward of T = 2, B = 3: the upstream gradients, states and layer numbers that do not fit. */
    @Test
    void passArgumentsThatDoNotFitAreRejected() {
        passArguments(Backends.byName("raw"));
    }

    private <M> void passArguments(Backend<M> backend) {
        Network<M> network = Network.create(backend, LSTM, new NumpyRandomState(1), 0.1);
        network.forward(SequenceBatch.ofClasses(2, 3, new int[6], new int[6]), RecurrentState.zeros(backend, LSTM, 3));
        assertMessage(() -> network.backwardFromHidden(backend.zeros(6, 3), null), "dHidden [6, 4]", "[6, 3]");
        RecurrentState<M> single = RecurrentState.zeros(backend, LSTM, 1);
        String singleMessage = "state has 2 layers of [1, 4] with c, the network needs 2 layers of [B, H] = [3, 4] with c";
        assertMessage(() -> network.backwardFromHidden(backend.zeros(6, 4), single), singleMessage);
        assertMessage(() -> network.copyFinalState(single), singleMessage);
        assertMessage(() -> network.forward(SequenceBatch.ofClasses(2, 3, new int[6], new int[6]), single), singleMessage);
        ModelConfig rnn = new ModelConfig(CellType.RNN, 5, 4, 2, 5, HeadType.PER_STEP_SOFTMAX);
        assertMessage(() -> network.copyFinalState(RecurrentState.zeros(backend, rnn, 3)),
                "state has 2 layers of [3, 4], the network needs 2 layers of [B, H] = [3, 4] with c");
        for (int layer : new int[] {-1, 2}) {
            assertMessage(() -> network.hiddenSequence(layer), "layer " + layer + " is outside [0, 2)");
            assertMessage(() -> network.gateActivations(layer), "layer " + layer + " is outside [0, 2)");
        }
        assertTrue(backend.rows(network.hiddenSequence(0)) == 6 && backend.rows(network.gateActivations(0)) == 6,
                "layer 0 is a layer: its outputs and gates are [T·B, ·] = 6 rows");
        Network<M> plain = Network.create(backend, rnn, new NumpyRandomState(1), 0.1);
        plain.forward(SequenceBatch.ofClasses(2, 3, new int[6], new int[6]), RecurrentState.zeros(backend, rnn, 3));
        assertMessage(() -> plain.gateActivations(0), "gate activations exist for an LSTM", "RNN");
    }

    /** Class targets of a per-step head: one per row of T·B, each in [0, V), whichever head reads them. */
    @Test
    void classTargetsThatDoNotFitTheHeadAreRejected() {
        classTargets(Backends.byName("raw"), HeadType.PER_STEP_SOFTMAX);
        classTargets(Backends.byName("raw"), HeadType.PER_STEP_SIGMOID);
    }

    private <M> void classTargets(Backend<M> backend, HeadType head) {
        ModelConfig config = new ModelConfig(CellType.RNN, 5, 4, 1, 3, head);
        Network<M> network = Network.create(backend, config, new NumpyRandomState(1), 0.1);
        RecurrentState<M> state = RecurrentState.zeros(backend, config, 1);
        Inputs.OneHot input = new Inputs.OneHot(new int[] {0, 1});
        assertMessage(() -> network.forward(new SequenceBatch(2, 1, input, new Targets.Classes(new int[] {1})), state),
                head + " head", "class targets", "1", "2");
        assertMessage(() -> network.forward(new SequenceBatch(2, 1, input, new Targets.Classes(new int[] {1, 3})), state),
                head + " head: class targets", "index[1] = 3", "[0, 3)");
    }

    /** Sizes of 1 are sizes; 0, a ragged array and values outside [0, 1] are not. */
    @Test
    void inputsAndTargetsCheckTheirEdges() {
        assertEquals(3, new Inputs.Dense(new double[] {0.5, 1.0, 2.0}, 1).rows(), "width 1: three rows");
        assertMessage(() -> new Inputs.Dense(new double[] {0.5}, 0), "width must be ≥ 1, got 0");
        assertMessage(() -> new Inputs.Dense(new double[] {0.5, 1.0, 2.0}, 2), "3 values are not a whole number of rows of width 2");
        assertEquals(2, new Targets.Binary(new double[] {0.0, 1.0}, 1).rows(), "width 1, values 0 and 1: two rows");
        assertMessage(() -> new Targets.Binary(new double[] {0.0, 1.0}, 0), "not a whole number of rows of width 0");
        assertMessage(() -> new Targets.Binary(new double[] {0.0, 1.0, 1.0}, 2), "3 values are not a whole number of rows of width 2");
        assertMessage(() -> new Targets.Binary(new double[] {0.0, 1.5}, 2), "value 1 is 1.5", "[0, 1]");
        assertMessage(() -> new Targets.Binary(new double[] {-0.25, 1.0}, 2), "value 0 is -0.25", "[0, 1]");
    }

    /** A slice is a non-empty part of the sequence. */
    @Test
    void emptyOrOutOfRangeSlicesAreRejected() {
        SequenceBatch batch = SequenceBatch.ofClasses(3, 1, new int[3], new int[3]);
        for (int[] range : new int[][] {{1, 1}, {2, 1}, {-1, 2}, {0, 4}}) {
            assertMessage(() -> batch.slice(range[0], range[1]), "slice [" + range[0] + ", " + range[1] + ")", "[0, 3)");
        }
    }

    /** Learning rates, clipping bounds and ε are &gt; 0 and finite; Adam's β are in [0, 1). */
    @Test
    void hyperparametersOutsideTheirRangeAreRejected() {
        hyperparameters(Backends.byName("raw"));
    }

    private <M> void hyperparameters(Backend<M> backend) {
        Network<M> network = Network.create(backend, LSTM, new NumpyRandomState(1), 0.1);
        Parameters<M> theta = network.parameters();
        assertMessage(() -> new Sgd<>(backend, 0.0), "SGD learning rate must be finite and > 0, got 0.0");
        assertMessage(() -> new Adagrad<>(backend, theta, Double.NaN), "Adagrad learning rate", "NaN");
        assertMessage(() -> GradientClipping.byValue(0.0), "clipping limit", "0.0");
        assertMessage(() -> GradientClipping.byGlobalNorm(Double.POSITIVE_INFINITY), "clipping max norm", "Infinity");
        assertMessage(() -> new Adam<>(backend, theta, 0.1, 1.0, 0.999, 1e-8), "Adam β1 must be in [0, 1), got 1.0");
        assertMessage(() -> new Adam<>(backend, theta, 0.1, 0.9, -0.5, 1e-8), "Adam β2", "-0.5");
        assertMessage(() -> new Adam<>(backend, theta, 0.1, 0.9, 0.999, 0.0), "Adam ε", "0.0");
        new Adam<>(backend, theta, 0.1, 0.0, 0.0, 1e-8); // β = 0 is a fraction: no momentum, no second-moment average
    }

    /** Truncated BPTT needs chunks of at least one step. */
    @Test
    void truncationOfZeroStepsIsRejected() {
        truncation(Backends.byName("raw"));
    }

    private <M> void truncation(Backend<M> backend) {
        Network<M> network = Network.create(backend, LSTM, new NumpyRandomState(1), 0.1);
        SequenceBatch batch = SequenceBatch.ofClasses(2, 1, new int[2], new int[2]);
        RecurrentState<M> state = RecurrentState.zeros(backend, LSTM, 1);
        assertMessage(() -> TruncatedBptt.gradient(network, batch, 0, state, network.gradients().zerosLike(backend)),
                "chunk length k must be ≥ 1, got 0");
        assertMessage(() -> TruncatedBptt.loss(network, batch, 0, List.of(state)), "chunk length k must be ≥ 1, got 0");
    }

    /** Copying parameters between networks of other shapes names both shapes. */
    @Test
    void parameterCopyBetweenShapesNamesBoth() {
        parameterCopy(Backends.byName("raw"));
    }

    private <M> void parameterCopy(Backend<M> backend) {
        Network<M> network = Network.create(backend, LSTM, new NumpyRandomState(1), 0.1);
        ModelConfig wider = new ModelConfig(CellType.LSTM, 5, 6, 2, 5, HeadType.PER_STEP_SOFTMAX);
        Network<M> other = Network.create(backend, wider, new NumpyRandomState(1), 0.1);
        assertMessage(() -> network.parameters().copyFrom(backend, other.parameters()), "layer0.wX is [5, 16]",
                "source layer0.wX is [5, 24]");
    }

    /** Requires an IllegalArgumentException whose message contains every fragment. */
    private static void assertMessage(Executable executable, String... fragments) {
        assertMessage(IllegalArgumentException.class, executable, fragments);
    }

    /** Requires an exception of {@code type} whose message contains every fragment. */
    private static void assertMessage(Class<? extends RuntimeException> type, Executable executable, String... fragments) {
        RuntimeException e = assertThrows(type, executable);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "message \"" + e.getMessage() + "\" should contain \"" + fragment + "\"");
        }
    }
}

package io.rnnbench.verification;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.core.model.NamedMatrix;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.RecurrentState;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.core.train.Adagrad;
import io.rnnbench.core.train.Adam;
import io.rnnbench.core.train.GradientClipping;
import io.rnnbench.core.train.Optimizer;
import io.rnnbench.core.train.RowSparseOptimizer;
import io.rnnbench.core.train.Sgd;
import io.rnnbench.core.train.Trainer;
import io.rnnbench.workloads.text.TextCorpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Cross-backend agreement (DESIGN.md §4): the backend under test against the reference backend {@code raw},
 * under one seed. After one forward/backward, logits, loss, every gradient and the initial-state gradients agree to
 * the backend's {@link ToleranceClass#onePass} tolerance (float64: {@link Tolerances#ONE_PASS_ATOL} +
 * {@link Tolerances#ONE_PASS_RTOL}·|b|); after {@link Tolerances#TRAINING_STEPS} Adagrad steps on a text, every
 * parameter agrees to its {@link ToleranceClass#trained} tolerance (float64: {@link Tolerances#TRAINED_ATOL} +
 * {@link Tolerances#TRAINED_RTOL}·|b|).
 * A backend is verified by a subclass with one constructor: {@code super("my-backend")}.
 */
public abstract class BackendAgreementSuite {
    /** The reference every backend is compared with. */
    public static final String REFERENCE = "raw";

    /** The training text: a fixed paragraph, so the run needs no file. */
    static final String TEXT = "First Citizen:\nBefore we proceed any further, hear me speak.\n\nAll:\nSpeak, speak.\n\n"
            + "First Citizen:\nYou are all resolved rather to die than to famish?\n\nAll:\nResolved. resolved.\n";

    /**
     * Adagrad's learning rate for the training comparison. The seeds' 0.1 puts the 3-layer RNN of this test in a
     * chaotic regime: the 1e−16 rounding differences of one step (summation order) then grow about 3× per step
     * and exceed any tolerance by step 30 (measured; the LSTM and 1-layer nets stay within 1e−13). At 0.03 every
     * case stays within 1e−13 after 100 steps, so the comparison tests the backends, not the chaos.
     */
    static final double TRAINING_LEARNING_RATE = 0.03;

    private final String backendName;
    private final ToleranceClass tolerances;

    protected BackendAgreementSuite(String backendName) {
        this.backendName = backendName;
        this.tolerances = ToleranceClass.of(backendName);
    }

    static List<ModelCase> onePassCases() {
        List<ModelCase> cases = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            for (int layers = 1; layers <= 3; layers++) {
                for (HeadType head : HeadType.values()) {
                    cases.add(ModelCase.small(cell, layers, head, 3, 0, true));
                }
            }
        }
        return cases;
    }

    /**
     * Awkward shapes: sizes of 1, odd, prime, one past a power of two, none a multiple of a GEMM block; per-step
     * heads read one-hot input (V = X), last-step heads dense input.
     */
    static List<ModelCase> awkwardShapeCases() {
        List<ModelCase> cases = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            //                     cell, L, head,                       B, T, k, h0,   X,  H,  V
            cases.add(new ModelCase(cell, 1, HeadType.PER_STEP_SOFTMAX, 1, 1, 0, false, 1, 1, 1));
            cases.add(new ModelCase(cell, 2, HeadType.PER_STEP_SOFTMAX, 5, 3, 0, true, 7, 13, 7));
            cases.add(new ModelCase(cell, 1, HeadType.LAST_STEP_SOFTMAX, 2, 4, 0, true, 17, 1, 3));
            cases.add(new ModelCase(cell, 2, HeadType.LAST_STEP_SIGMOID, 3, 7, 0, true, 65, 31, 2));
            cases.add(new ModelCase(cell, 1, HeadType.PER_STEP_SOFTMAX, 1, 9, 0, false, 65, 33, 65));
        }
        return cases;
    }

    static List<Object[]> trainingCases() {
        List<Object[]> cases = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            for (int layers = 1; layers <= 3; layers++) {
                cases.add(new Object[] {cell, layers});
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onePassCases")
    void onePassAgreesWithReference(ModelCase modelCase) {
        onePassAgrees(modelCase, "agreement with raw: one pass");
    }

    private void onePassAgrees(ModelCase modelCase, String checkName) {
        assumeFalse(backendName.equals(REFERENCE), "the reference is not compared with itself");
        VerificationReport.check(backendName, checkName,
                () -> onePassAgreement(Backends.byName(REFERENCE), Backends.byName(backendName), backendName, modelCase,
                        tolerances.onePass()));
    }

    /**
     * Logits, loss, every gradient and the initial-state gradients of one forward/backward of {@code modelCase} on
     * {@code candidate} against {@code reference}, to {@code tolerance}; fails naming the tensor and its worst entry.
     *
     * @return the worst error as a fraction of its tolerance
     */
    public static double onePassAgreement(Backend<?> reference, Backend<?> candidate, String candidateName, ModelCase modelCase,
                                          ToleranceClass.Tolerance tolerance) {
        Pass expected = onePass(reference, modelCase);
        Pass actual = onePass(candidate, modelCase);
        String check = "one forward/backward, " + modelCase;
        double worst = Agreement.assertClose(candidateName, check, "loss", 1, new double[] {actual.loss},
                new double[] {expected.loss}, tolerance);
        for (int i = 0; i < expected.names.size(); i++) {
            worst = Math.max(worst, Agreement.assertClose(candidateName, check, expected.names.get(i), expected.cols.get(i),
                    actual.values.get(i), expected.values.get(i), tolerance));
        }
        return worst;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awkwardShapeCases")
    void awkwardShapesAgreeWithReference(ModelCase modelCase) {
        onePassAgrees(modelCase, "agreement with raw: awkward shapes");
    }

    @ParameterizedTest(name = "{0} L={1}")
    @MethodSource("trainingCases")
    void sameSeedTwiceIsBitIdentical(CellType cell, int layers) {
        VerificationReport.check(backendName, "determinism (same seed twice)", () -> {
        Backend<?> backend = Backends.byName(backendName);
        List<double[]> first = train(backend, cell, layers);
        List<double[]> second = train(backend, cell, layers);
        for (int i = 0; i < first.size(); i++) {
            for (int j = 0; j < first.get(i).length; j++) {
                if (Double.doubleToRawLongBits(first.get(i)[j]) != Double.doubleToRawLongBits(second.get(i)[j])) {
                    throw new AssertionError(backendName + ", determinism, " + cell + " L=" + layers + ": parameter " + i
                            + " entry " + j + " differs between two runs with the same seed: " + first.get(i)[j] + " vs "
                            + second.get(i)[j]);
                }
            }
        }
        return 0.0;
        });
    }

    @ParameterizedTest(name = "{0} L={1}")
    @MethodSource("trainingCases")
    void parametersAgreeAfterTraining(CellType cell, int layers) {
        assumeFalse(backendName.equals(REFERENCE), "the reference is not compared with itself");
        VerificationReport.check(backendName, "agreement with raw: after " + Tolerances.TRAINING_STEPS + " Adagrad steps", () -> {
        List<double[]> reference = train(Backends.byName(REFERENCE), cell, layers);
        List<double[]> candidate = train(Backends.byName(backendName), cell, layers);
        ModelConfig config = trainingConfig(cell, layers);
        List<NamedMatrix<?>> names = new ArrayList<>(Network.zeros(Backends.byName(REFERENCE), config).parameters().list());
        double worst = 0;
        for (int i = 0; i < reference.size(); i++) {
            worst = Math.max(worst, Agreement.assertClose(backendName, Tolerances.TRAINING_STEPS + " Adagrad steps, " + cell
                    + " L=" + layers, names.get(i).name(), names.get(i).cols(), candidate.get(i), reference.get(i),
                    tolerances.trained()));
        }
        return worst;
        });
    }

    /**
     * Training configurations beyond the char-RNN recipe: dense input, the sigmoid heads (binary and class
     * targets), SGD and Adam, and the row-sparse embedding optimizer (SGD and Adagrad rules), each trained
     * {@link #CONFIGURATION_STEPS} steps on one batch with the state carried.
     */
    static List<TrainingConfiguration> trainingConfigurations() {
        return List.of(
                new TrainingConfiguration(ModelCase.small(CellType.RNN, 2, HeadType.LAST_STEP_SIGMOID, 3, 0, true), 0, "sgd"),
                new TrainingConfiguration(ModelCase.small(CellType.LSTM, 1, HeadType.LAST_STEP_SIGMOID, 3, 0, true), 0, "adam"),
                new TrainingConfiguration(ModelCase.small(CellType.LSTM, 2, HeadType.LAST_STEP_SOFTMAX, 3, 0, true), 0, "adam"),
                new TrainingConfiguration(ModelCase.small(CellType.RNN, 1, HeadType.PER_STEP_SIGMOID, 3, 0, true), 0, "sgd"),
                new TrainingConfiguration(ModelCase.small(CellType.LSTM, 2, HeadType.PER_STEP_SIGMOID, 3, 0, true), 0, "adam"),
                new TrainingConfiguration(ModelCase.small(CellType.RNN, 2, HeadType.PER_STEP_SOFTMAX, 3, 0, true), 3, "row-sparse adagrad"),
                new TrainingConfiguration(ModelCase.small(CellType.LSTM, 1, HeadType.PER_STEP_SOFTMAX, 3, 0, true), 3, "row-sparse sgd"));
    }

    /** Steps of each training configuration. */
    static final int CONFIGURATION_STEPS = 30;

    /** One training configuration: a model case, an embedding size (0: none) and the optimizer's name. */
    record TrainingConfiguration(ModelCase modelCase, int embedding, String optimizer) {
        @Override
        public String toString() {
            return modelCase.cell() + " L=" + modelCase.layers() + " " + modelCase.head()
                    + (modelCase.head().perStep() ? (embedding > 0 ? " embedding D=" + embedding : " one-hot") : " dense")
                    + " input, " + optimizer;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trainingConfigurations")
    void parametersAgreeAfterTrainingConfigurations(TrainingConfiguration configuration) {
        assumeFalse(backendName.equals(REFERENCE), "the reference is not compared with itself");
        VerificationReport.check(backendName, "agreement with raw: after " + CONFIGURATION_STEPS + " steps of other configurations",
                () -> trainedAgreement(Backends.byName(REFERENCE), Backends.byName(backendName), backendName, configuration,
                        tolerances.trained()));
    }

    /**
     * Every parameter of {@code configuration} trained on {@code candidate} against {@code reference}, to
     * {@code tolerance}; fails naming the tensor and its worst entry.
     */
    static double trainedAgreement(Backend<?> reference, Backend<?> candidate, String candidateName,
                                   TrainingConfiguration configuration, ToleranceClass.Tolerance tolerance) {
        Trained expected = trainConfiguration(reference, configuration);
        Trained actual = trainConfiguration(candidate, configuration);
        double worst = 0;
        for (int i = 0; i < expected.names.size(); i++) {
            worst = Math.max(worst, Agreement.assertClose(candidateName, CONFIGURATION_STEPS + " steps, " + configuration,
                    expected.names.get(i), expected.cols.get(i), actual.values.get(i), expected.values.get(i),
                    tolerance));
        }
        return worst;
    }

    private record Trained(List<String> names, List<Integer> cols, List<double[]> values) {
    }

    private static <M> Trained trainConfiguration(Backend<M> backend, TrainingConfiguration configuration) {
        ModelCase modelCase = configuration.modelCase();
        ModelCase.Instance<M> instance = modelCase.build(backend);
        Network<M> network = instance.network();
        if (configuration.embedding() > 0) { //       the same draws, on a network that reads its one-hot input through E
            network = Network.zeros(backend, modelCase.config().withEmbedding(configuration.embedding()));
            NumpyRandomState random = new NumpyRandomState(Seeds.MODEL);
            for (NamedMatrix<M> p : network.parameters()) {
                double[] w = random.randn(p.rows() * p.cols());
                for (int i = 0; i < w.length; i++) {
                    w[i] *= 0.5;
                }
                network.parameters().load(backend, p.name(), w);
            }
        }
        double rate = 0.05;
        Optimizer<M> optimizer = switch (configuration.optimizer()) {
            case "sgd" -> new Sgd<>(backend, rate);
            case "adam" -> new Adam<>(backend, network.parameters(), rate);
            case "row-sparse adagrad" -> RowSparseOptimizer.adagrad(network, rate);
            case "row-sparse sgd" -> RowSparseOptimizer.sgd(network, rate);
            default -> throw new IllegalArgumentException(configuration.optimizer());
        };
        Trainer<M> trainer = new Trainer<>(network, optimizer, GradientClipping.byValue(5));
        RecurrentState<M> state = instance.initialState();
        for (int n = 0; n < CONFIGURATION_STEPS; n++) {
            trainer.step(instance.batch(), state);
        }
        Trained trained = new Trained(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (NamedMatrix<M> p : network.parameters()) {
            trained.names().add(p.name());
            trained.cols().add(p.cols());
            trained.values().add(backend.toArray(p.value()));
        }
        return trained;
    }

    private static <M> Pass onePass(Backend<M> backend, ModelCase modelCase) {
        ModelCase.Instance<M> instance = modelCase.build(backend);
        Network<M> network = instance.network();
        Pass pass = new Pass(network.forward(instance.batch(), instance.initialState()));
        network.backward();
        pass.add("logits", backend.cols(network.logits()), backend.toArray(network.logits()));
        for (NamedMatrix<M> g : network.gradients()) {
            pass.add("d" + g.name(), g.cols(), backend.toArray(g.value()));
        }
        RecurrentState<M> dState = network.initialStateGradient();
        for (int l = 0; l < dState.layers(); l++) {
            pass.add("dh0[" + l + "]", modelCase.hiddenSize(), backend.toArray(dState.h(l)));
            if (dState.hasCellState()) {
                pass.add("dc0[" + l + "]", modelCase.hiddenSize(), backend.toArray(dState.c(l)));
            }
        }
        return pass;
    }

    private static ModelConfig trainingConfig(CellType cell, int layers) {
        int vocabulary = TextCorpus.of(TEXT).vocabulary().size();
        return new ModelConfig(cell, vocabulary, 16, layers, vocabulary, HeadType.PER_STEP_SOFTMAX);
    }

    /**
     * The char-RNN recipe of the seeds (Adagrad, clip ±5, chunks of 10 steps, state carried, text wrapped) with
     * learning rate {@link #TRAINING_LEARNING_RATE}.
     */
    private static <M> List<double[]> train(Backend<M> backend, CellType cell, int layers) {
        TextCorpus corpus = TextCorpus.of(TEXT);
        ModelConfig config = trainingConfig(cell, layers);
        Network<M> network = Network.create(backend, config, new NumpyRandomState(Seeds.MODEL), 0.1);
        Trainer<M> trainer = new Trainer<>(network, new Adagrad<>(backend, network.parameters(), TRAINING_LEARNING_RATE), GradientClipping.byValue(5));
        RecurrentState<M> state = RecurrentState.zeros(backend, config, 1);
        int steps = 10;
        for (int n = 0; n < Tolerances.TRAINING_STEPS; n++) {
            int chunk = n % corpus.chunkCount(steps);
            if (chunk == 0) {
                state.zero(backend);
            }
            trainer.step(corpus.chunk(chunk, steps), state);
        }
        List<double[]> parameters = new ArrayList<>();
        for (NamedMatrix<M> p : network.parameters()) {
            parameters.add(backend.toArray(p.value()));
        }
        return parameters;
    }

    /** The results of one pass at the array boundary. */
    private static final class Pass {
        final double loss;
        final List<String> names = new ArrayList<>();
        final List<Integer> cols = new ArrayList<>();
        final List<double[]> values = new ArrayList<>();

        Pass(double loss) {
            this.loss = loss;
        }

        void add(String name, int columns, double[] entries) {
            names.add(name);
            cols.add(columns);
            values.add(entries);
        }
    }
}

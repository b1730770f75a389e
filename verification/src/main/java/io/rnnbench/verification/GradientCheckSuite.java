package io.rnnbench.verification;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.NamedMatrix;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.model.SequenceBatch;
import io.rnnbench.core.model.Targets;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Gradient checks of one backend, by name, over the grid cell {RNN, LSTM} × layers {1, 2, 3} × head {per-step
 * softmax, last-step softmax, last-step sigmoid} × batch {1, 3} × {full BPTT, truncated BPTT k = 2} × initial state
 * {zero, random}, clipping off; and the checks beyond values (reentrancy, zero upstream gradient, shapes).
 * A backend is verified by a subclass with one constructor: {@code super("my-backend")}. A float32 backend
 * ({@link ToleranceClass#FLOAT32}) runs the same grid, its analytic gradients compared with {@code raw}'s analytic
 * float64 ones on the same inputs instead of with float32 central differences ({@link AnalyticGradients}).
 */
public abstract class GradientCheckSuite {
    /** Entries checked per tensor; larger tensors are sampled. */
    private static final int MAX_ENTRIES = 40;

    /**
     * The heads of the grid (DESIGN.md §4). {@link HeadType#PER_STEP_SIGMOID} has its own grid
     * ({@link #perStepSigmoidGrid}) at ε = {@link Tolerances#SIGMOID_HEAD_EPSILON}: with V = 5 sigmoid terms per
     * step its loss is ≈ 19, and central differences at ε = 1e−6 carry up to 9e−9 of rounding, at the 1e−8
     * absolute tolerance.
     */
    static final List<HeadType> GRID_HEADS =
            List.of(HeadType.PER_STEP_SOFTMAX, HeadType.LAST_STEP_SOFTMAX, HeadType.LAST_STEP_SIGMOID);

    /** The resolution of the per-step sigmoid grid: ε from the head's curvature, the usual tolerances. */
    public static final GradientCheck.Resolution SIGMOID_HEAD = new GradientCheck.Resolution(Tolerances.SIGMOID_HEAD_EPSILON,
            Tolerances.GRADIENT_CHECK_RELATIVE, Tolerances.GRADIENT_CHECK_ABSOLUTE);

    private final String backendName;
    private final ToleranceClass tolerances;

    protected GradientCheckSuite(String backendName) {
        this.backendName = backendName;
        this.tolerances = ToleranceClass.of(backendName);
    }

    static List<ModelCase> grid() {
        List<ModelCase> cases = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            for (int layers = 1; layers <= 3; layers++) {
                for (HeadType head : GRID_HEADS) {
                    for (int batch : new int[] {1, 3}) {
                        for (int truncation : new int[] {0, 2}) {
                            for (boolean randomState : new boolean[] {false, true}) {
                                cases.add(ModelCase.small(cell, layers, head, batch, truncation, randomState));
                            }
                        }
                    }
                }
            }
        }
        return cases;
    }

    /**
     * The per-step sigmoid head with class targets (each row the one-hot of its class): cell × layers {1, 2} ×
     * {full, truncated BPTT k = 2}, batch 3, random initial state.
     */
    static List<ModelCase> perStepSigmoidGrid() {
        List<ModelCase> cases = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            for (int layers = 1; layers <= 2; layers++) {
                for (int truncation : new int[] {0, 2}) {
                    cases.add(ModelCase.small(cell, layers, HeadType.PER_STEP_SIGMOID, 3, truncation, true));
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grid")
    void gradientsMatchCentralDifferences(ModelCase modelCase) {
        check(Backends.byName(backendName), modelCase, GradientCheck.Resolution.DEFAULT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("perStepSigmoidGrid")
    void perStepSigmoidGradientsMatchCentralDifferences(ModelCase modelCase) {
        check(Backends.byName(backendName), modelCase, SIGMOID_HEAD);
    }

    /** The encoder–decoder, 2 layers: the encoder's gradients arrive only through its final state. */
    @ParameterizedTest(name = "{0} L=2")
    @MethodSource("cells")
    void encoderDecoderGradientsMatchCentralDifferences(CellType cell) {
        if (!tolerances.centralDifferences()) {
            VerificationReport.check(backendName, "gradient check: encoder–decoder, analytic vs raw's", () ->
                    AnalyticGradients.assertClose(backendName, "encoder–decoder " + cell + " L=2, analytic gradients vs raw's",
                            EncoderDecoderCheck.analyticGradients(Backends.byName(backendName), cell, 2),
                            EncoderDecoderCheck.analyticGradients(Backends.byName(BackendAgreementSuite.REFERENCE), cell, 2),
                            tolerances.onePass()));
            return;
        }
        VerificationReport.check(backendName, "gradient check: encoder–decoder", () -> {
            GradientCheck.Report report = EncoderDecoderCheck.check(Backends.byName(backendName), cell, 2, MAX_ENTRIES);
            if (!report.passes()) {
                fail(report.describe("encoder–decoder " + cell + " L=2"));
            }
            return report.worstFractionOfTolerance();
        });
    }

    static List<CellType> cells() {
        return List.of(CellType.values());
    }

    private <M> void check(Backend<M> backend, ModelCase modelCase, GradientCheck.Resolution resolution) {
        if (!tolerances.centralDifferences()) {
            VerificationReport.check(backendName, "gradient check: analytic vs raw's", () -> AnalyticGradients.assertClose(
                    backendName, modelCase + ", analytic gradients vs raw's", AnalyticGradients.of(modelCase.build(backend),
                            modelCase.truncation()), referenceGradients(modelCase), tolerances.onePass()));
            return;
        }
        VerificationReport.check(backendName, "gradient check", () -> {
            ModelCase.Instance<M> instance = modelCase.build(backend);
            GradientCheck.Report report = GradientCheck.check(instance.network(), instance.batch(), instance.initialState(),
                    modelCase.truncation(), MAX_ENTRIES, resolution);
            if (!report.passes()) {
                fail(report.describe(modelCase + ", " + resolution));
            }
            return report.worstFractionOfTolerance();
        });
    }

    @Test
    void secondBackwardIsBitIdentical() {
        VerificationReport.check(backendName, "gradient: second backward bit-identical", () -> {
            secondBackwardIsBitIdentical(Backends.byName(backendName));
            return 0.0;
        });
    }

    private <M> void secondBackwardIsBitIdentical(Backend<M> backend) {
        for (CellType cell : CellType.values()) {
            // backwardFromHidden after a backward: the head's gradients are zero (not the backward's), twice the same
            ModelCase.Instance<M> fromHidden = ModelCase.small(cell, 2, HeadType.PER_STEP_SOFTMAX, 3, 0, true).build(backend);
            Network<M> n = fromHidden.network();
            n.forward(fromHidden.batch(), fromHidden.initialState());
            n.backward();
            double[] dH = new double[fromHidden.batch().steps() * fromHidden.batch().batch() * n.config().hiddenSize()];
            for (int i = 0; i < dH.length; i++) {
                dH[i] = Math.sin(i + 1.0);
            }
            n.backwardFromHidden(backend.fromArray(dH.length / n.config().hiddenSize(), n.config().hiddenSize(), dH), null);
            List<double[]> once = gradientArrays(n);
            for (NamedMatrix<M> g : n.gradients()) {
                if (g.name().startsWith("head.")) {
                    assertTrue(Arrays.stream(backend.toArray(g.value())).allMatch(v -> v == 0.0),
                            backendName + " " + cell + ": backwardFromHidden left " + g.name() + " non-zero");
                }
            }
            n.backwardFromHidden(backend.fromArray(dH.length / n.config().hiddenSize(), n.config().hiddenSize(), dH), null);
            List<double[]> twice = gradientArrays(n);
            for (int i = 0; i < once.size(); i++) {
                assertArrayEquals(once.get(i), twice.get(i), 0.0,
                        backendName + " " + cell + ": a second backwardFromHidden changed " + n.gradients().list().get(i).name());
            }

            ModelCase.Instance<M> instance = ModelCase.small(cell, 2, HeadType.PER_STEP_SOFTMAX, 3, 0, true).build(backend);
            Network<M> network = instance.network();
            network.forward(instance.batch(), instance.initialState());
            network.backward();
            List<double[]> first = gradientArrays(network);
            network.backward();
            List<double[]> second = gradientArrays(network);
            for (int i = 0; i < first.size(); i++) {
                assertArrayEquals(first.get(i), second.get(i), 0.0,
                        backendName + " " + cell + ": a second backward changed " + network.gradients().list().get(i).name());
            }
        }
    }

    /**
     * Oracles for truncated BPTT independent of {@link io.rnnbench.core.train.TruncatedBptt} itself (the gradient
     * check differentiates its own chunk loss, so a bug shared by the two would pass it): the chunk losses sum to
     * the full forward's loss (the state flows across chunk boundaries); the head's gradients, which no recurrence
     * reaches, equal full BPTT's; and with k ≥ T every gradient equals full BPTT's.
     */
    @Test
    void truncatedBpttAgreesWithFullBpttWhereItMust() {
        VerificationReport.check(backendName, "gradient: truncated BPTT vs full BPTT", () -> {
            double worst = 0;
            for (CellType cell : CellType.values()) {
                worst = Math.max(worst, truncatedVsFull(Backends.byName(backendName), cell));
            }
            return worst;
        });
    }

    private <M> double truncatedVsFull(Backend<M> backend, CellType cell) {
        ModelCase.Instance<M> instance = ModelCase.small(cell, 2, HeadType.PER_STEP_SOFTMAX, 3, 0, true).build(backend);
        Network<M> network = instance.network();
        double fullLoss = network.forward(instance.batch(), instance.initialState());
        network.backward();
        Parameters<M> full = network.gradients().zerosLike(backend);
        full.copyFrom(backend, network.gradients());
        String check = "truncated vs full BPTT, " + cell;
        Parameters<M> chunked = network.gradients().zerosLike(backend);
        double chunkLoss = io.rnnbench.core.train.TruncatedBptt.gradient(network, instance.batch(), 2, instance.initialState(),
                chunked).loss();
        ToleranceClass.Tolerance tolerance = tolerances.onePass();
        double worst = Agreement.assertClose(backendName, check + " k=2", "loss (sum of the chunks')", 1, new double[] {chunkLoss},
                new double[] {fullLoss}, tolerance);
        for (String head : new String[] {"head.wY", "head.bY"}) {
            worst = Math.max(worst, Agreement.assertClose(backendName, check + " k=2", "d" + head, chunked.get(head).cols(),
                    backend.toArray(chunked.get(head).value()), backend.toArray(full.get(head).value()),
                    tolerance));
        }
        io.rnnbench.core.train.TruncatedBptt.gradient(network, instance.batch(), instance.batch().steps(), instance.initialState(),
                chunked);
        for (NamedMatrix<M> g : full) {
            worst = Math.max(worst, Agreement.assertClose(backendName, check + " k=T", "d" + g.name(), g.cols(),
                    backend.toArray(chunked.get(g.name()).value()), backend.toArray(g.value()),
                    tolerance));
        }
        return worst;
    }

    @Test
    void zeroUpstreamGradientGivesZeroGradients() {
        VerificationReport.check(backendName, "gradient: zero upstream gives zero", () -> {
            zeroUpstreamGradientGivesZeroGradients(Backends.byName(backendName));
            return 0.0;
        });
    }

    private <M> void zeroUpstreamGradientGivesZeroGradients(Backend<M> backend) {
        for (CellType cell : CellType.values()) {
            ModelCase.Instance<M> instance = ModelCase.small(cell, 2, HeadType.PER_STEP_SOFTMAX, 3, 0, true).build(backend);
            Network<M> network = instance.network();
            SequenceBatch noTargets = new SequenceBatch(instance.batch().steps(), instance.batch().batch(),
                    instance.batch().inputs(), Targets.NONE);
            assertEquals(0.0, network.forward(noTargets, instance.initialState()), backendName + ": loss without targets");
            network.backward();
            for (NamedMatrix<M> g : network.gradients()) {
                double[] values = backend.toArray(g.value());
                assertTrue(Arrays.stream(values).allMatch(v -> v == 0.0),
                        backendName + " " + cell + ": gradient " + g.name() + " is not zero without upstream gradient: "
                                + Arrays.toString(values));
            }
        }
    }

    @Test
    void gradientShapesEqualParameterShapes() {
        VerificationReport.check(backendName, "gradient: shapes equal parameter shapes", () -> {
            gradientShapesEqualParameterShapes(Backends.byName(backendName));
            return 0.0;
        });
    }

    private <M> void gradientShapesEqualParameterShapes(Backend<M> backend) {
        for (CellType cell : CellType.values()) {
            Network<M> network = ModelCase.small(cell, 3, HeadType.LAST_STEP_SOFTMAX, 3, 0, false).build(backend).network();
            assertEquals(network.parameters().size(), network.gradients().size());
            for (NamedMatrix<M> p : network.parameters()) {
                NamedMatrix<M> g = network.gradients().get(p.name());
                assertEquals(p.rows() + "x" + p.cols(), backend.rows(g.value()) + "x" + backend.cols(g.value()),
                        backendName + " " + cell + ": shape of the gradient of " + p.name());
            }
        }
    }

    @Test
    void nonFiniteGradientFailsLoudly() {
        VerificationReport.check(backendName, "gradient: NaN fails loudly", () -> {
            nonFiniteGradientFailsLoudly(Backends.byName(backendName));
            return 0.0;
        });
    }

    private <M> void nonFiniteGradientFailsLoudly(Backend<M> backend) {
        ModelCase modelCase = ModelCase.small(CellType.LSTM, 1, HeadType.PER_STEP_SOFTMAX, 1, 0, false);
        ModelCase.Instance<M> instance = modelCase.build(backend);
        Network<M> network = instance.network();
        NamedMatrix<M> wH = network.parameters().get("layer0.wH");
        double[] poisoned = backend.toArray(wH.value());
        poisoned[3] = Double.NaN;
        network.parameters().load(backend, wH.name(), poisoned);
        if (!tolerances.centralDifferences()) {
            AssertionError error = assertThrows(AssertionError.class, () -> AnalyticGradients.assertClose(backendName, "NaN",
                    AnalyticGradients.of(instance, 0), referenceGradients(modelCase), tolerances.onePass()),
                    backendName + ": a NaN weight must fail the comparison with raw's gradients");
            assertTrue(error.getMessage().contains("NaN"), error.getMessage());
            return;
        }
        GradientCheck.Report report = GradientCheck.check(network, instance.batch(), instance.initialState(), 0, MAX_ENTRIES);
        assertTrue(!report.passes(), backendName + ": a NaN weight must fail the gradient check:\n" + report.describe("NaN"));
    }

    /** {@code raw}'s analytic float64 gradients of {@code modelCase}, which a float32 backend's are compared with. */
    private static List<AnalyticGradients.Tensor> referenceGradients(ModelCase modelCase) {
        return AnalyticGradients.of(modelCase.build(Backends.byName(BackendAgreementSuite.REFERENCE)), modelCase.truncation());
    }

    private static <M> List<double[]> gradientArrays(Network<M> network) {
        List<double[]> arrays = new ArrayList<>();
        for (NamedMatrix<M> g : network.gradients()) {
            arrays.add(network.backend().toArray(g.value()));
        }
        return arrays;
    }

    /** The backend under test, for subclasses. */
    protected String backendName() {
        return backendName;
    }

}

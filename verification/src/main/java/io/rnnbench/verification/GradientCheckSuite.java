package io.rnnbench.verification;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.NamedMatrix;
import io.rnnbench.core.model.Network;
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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Gradient checks of one backend, by name, over the grid cell {RNN, LSTM} × layers {1, 2, 3} × head {per-step
 * softmax, last-step softmax, last-step sigmoid} × batch {1, 3} × {full BPTT, truncated BPTT k = 2} × initial state
 * {zero, random}, clipping off; and the checks beyond values (reentrancy, zero upstream gradient, shapes).
 * A backend is verified by a subclass with one constructor: {@code super("my-backend")}.
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

    protected GradientCheckSuite(String backendName) {
        this.backendName = backendName;
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
        ModelCase.Instance<M> instance = ModelCase.small(CellType.LSTM, 1, HeadType.PER_STEP_SOFTMAX, 1, 0, false).build(backend);
        Network<M> network = instance.network();
        NamedMatrix<M> wH = network.parameters().get("layer0.wH");
        double[] poisoned = backend.toArray(wH.value());
        poisoned[3] = Double.NaN;
        network.parameters().load(backend, wH.name(), poisoned);
        GradientCheck.Report report = GradientCheck.check(network, instance.batch(), instance.initialState(), 0, MAX_ENTRIES);
        assertTrue(!report.passes(), backendName + ": a NaN weight must fail the gradient check:\n" + report.describe("NaN"));
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

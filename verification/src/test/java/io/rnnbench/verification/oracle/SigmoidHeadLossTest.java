package io.rnnbench.verification.oracle;

import io.rnnbench.core.model.Activation;
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
import io.rnnbench.core.train.TruncatedBptt;
import io.rnnbench.verification.GradientCheck;
import io.rnnbench.verification.GradientCheckSuite;
import io.rnnbench.verification.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loss of the per-step σ head against a one-layer RNN written out here in plain loops, on {@code raw}:
 * <pre>
 * h_t = φ(x_t·W_x + h_{t−1}·W_h + b),  z_t = h_t·W_y + b_y,  L = (1/B)·Σ_{t, b, v} [max(z, 0) − z·y + ln(1 + e^{−|z|})]
 * </pre>
 * (binary cross-entropy of σ(z) against y, in its overflow-free form). Two target kinds: class targets, read as
 * one-hot rows y, and per-step binary targets [T·B, V]. With binary targets the loss is also computed by truncated
 * BPTT (chunks of k = 1 and 2, which divide T = 4, and k = 3, which does not): truncation changes the gradient, not the
 * forward pass, so the sum of the chunk losses is the full loss; the truncated gradients are checked against
 * central differences of those chunk losses. Tolerance 1e−12 on losses of order 10: the two sides round differently
 * (a few ulps per step), a wrong target row or a lost target is of order 0.1 or more.
 */
class SigmoidHeadLossTest {
    private static final int X = 3;
    private static final int H = 2;
    private static final int V = 3;
    private static final int T = 4;
    private static final int B = 2;
    private static final double TOLERANCE = 1e-12;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void perStepSigmoidLossWithClassTargets(Activation activation) {
        classTargets(Backends.byName("raw"), activation);
    }

    private <M> void classTargets(Backend<M> backend, Activation activation) {
        ModelConfig config = new ModelConfig(CellType.RNN, X, H, 1, V, HeadType.PER_STEP_SIGMOID).withActivation(activation);
        Network<M> network = Network.create(backend, config, new NumpyRandomState(Seeds.MODEL), 0.7);
        int[] input = {0, 2, 1, 1, 2, 0, 0, 1};
        int[] target = {2, 0, 1, 2, 0, 0, 1, 2};
        double[] dense = new double[T * B * X];
        double[] oneHot = new double[T * B * V];
        for (int r = 0; r < T * B; r++) {
            dense[r * X + input[r]] = 1;
            oneHot[r * V + target[r]] = 1;
        }
        double loss = network.forward(SequenceBatch.ofClasses(T, B, input, target), RecurrentState.zeros(backend, config, B));
        assertEquals(referenceLoss(backend, network, activation, dense, oneHot), loss, TOLERANCE,
                activation + ": per-step σ head, class targets as one-hot rows");
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void perStepBinaryTargetsFullAndTruncated(Activation activation) {
        binaryTargets(Backends.byName("raw"), activation);
    }

    private <M> void binaryTargets(Backend<M> backend, Activation activation) {
        ModelConfig config = new ModelConfig(CellType.RNN, X, H, 1, V, HeadType.PER_STEP_SIGMOID).withActivation(activation);
        Network<M> network = Network.create(backend, config, new NumpyRandomState(Seeds.MODEL), 0.7);
        NumpyRandomState data = new NumpyRandomState(Seeds.MODEL + 1);
        double[] x = data.randn(T * B * X);
        double[] y = new double[T * B * V];
        for (int i = 0; i < y.length; i++) {
            y[i] = data.nextInt(2);
        }
        y[4] = 0.25; //                                                          a soft target
        SequenceBatch batch = new SequenceBatch(T, B, new Inputs.Dense(x, X), new Targets.Binary(y, V));
        RecurrentState<M> zero = RecurrentState.zeros(backend, config, B);
        double want = referenceLoss(backend, network, activation, x, y);
        assertEquals(want, network.forward(batch, zero), TOLERANCE, activation + ": per-step σ head, binary targets");
        for (int k : new int[] {1, 2, 3}) {
            TruncatedBptt.Result<M> result = TruncatedBptt.gradient(network, batch, k, zero, network.gradients().zerosLike(backend));
            assertEquals(want, result.loss(), TOLERANCE, activation + ", k = " + k + ": the chunk losses of the gradient pass");
            assertEquals(want, TruncatedBptt.loss(network, batch, k, result.chunkStarts()), TOLERANCE,
                    activation + ", k = " + k + ": TruncatedBptt.loss");
            GradientCheck.Report report = GradientCheck.check(network, batch, zero, k, 30, GradientCheckSuite.SIGMOID_HEAD);
            assertTrue(report.passes(), report.describe(activation + " per-step σ head, binary targets, k = " + k));
        }
    }

    /** Steps [1, 3) of T = 3, B = 2: rows 2..5 of dense inputs and per-step targets; last-step targets stay with the end. */
    @Test
    void sliceCutsPerStepRowsAndKeepsLastStepTargetsAtTheEnd() {
        double[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}; //                      [T·B, 2]
        double[] y = {0, 1, 1, 0, 1, 1, 0, 0, 1, 0, 0, 1}; //                        [T·B, 2]
        SequenceBatch perStep = new SequenceBatch(3, 2, new Inputs.Dense(x, 2), new Targets.Binary(y, 2));
        SequenceBatch middle = perStep.slice(1, 3);
        assertEquals(2, middle.steps());
        assertEquals(2, middle.batch());
        assertArrayEquals(new double[] {4, 5, 6, 7, 8, 9, 10, 11}, ((Inputs.Dense) middle.inputs()).values());
        assertEquals(2, ((Inputs.Dense) middle.inputs()).width());
        assertArrayEquals(new double[] {1, 1, 0, 0, 1, 0, 0, 1}, ((Targets.Binary) middle.targets()).values());
        assertEquals(2, ((Targets.Binary) middle.targets()).width());

        Targets.Binary lastStep = new Targets.Binary(new double[] {1, 0, 0, 1}, 2); //   [B, 2]
        SequenceBatch last = new SequenceBatch(3, 2, new Inputs.Dense(x, 2), lastStep);
        assertSame(Targets.NONE, last.slice(0, 2).targets(), "an earlier chunk gets no last-step targets");
        assertSame(lastStep, last.slice(2, 3).targets(), "the chunk that holds the last step gets them");
        Targets.Classes lastClasses = new Targets.Classes(new int[] {1, 0});
        SequenceBatch classes = new SequenceBatch(3, 2, new Inputs.OneHot(new int[] {0, 1, 2, 3, 4, 5}), lastClasses);
        assertSame(Targets.NONE, classes.slice(1, 2).targets());
        assertSame(lastClasses, classes.slice(1, 3).targets());
        assertArrayEquals(new int[] {2, 3, 4, 5}, ((Inputs.OneHot) classes.slice(1, 3).inputs()).index());
    }

    /** The loss written out: see the class comment. {@code x} [T·B, X], {@code y} [T·B, V], time-major. */
    private static <M> double referenceLoss(Backend<M> backend, Network<M> network, Activation activation, double[] x, double[] y) {
        double[] wX = network.parameters().toArray(backend, "layer0.wX"); // [X, H]
        double[] wH = network.parameters().toArray(backend, "layer0.wH"); // [H, H]
        double[] b = network.parameters().toArray(backend, "layer0.b"); //   [1, H]
        double[] wY = network.parameters().toArray(backend, "head.wY"); //   [H, V]
        double[] bY = network.parameters().toArray(backend, "head.bY"); //   [1, V]
        double[][] h = new double[B][H];
        double sum = 0;
        for (int t = 0; t < T; t++) {
            double[][] next = new double[B][H];
            for (int s = 0; s < B; s++) {
                int row = t * B + s;
                for (int j = 0; j < H; j++) {
                    double z = b[j];
                    for (int i = 0; i < X; i++) {
                        z += x[row * X + i] * wX[i * H + j];
                    }
                    for (int i = 0; i < H; i++) {
                        z += h[s][i] * wH[i * H + j];
                    }
                    next[s][j] = switch (activation) {
                        case TANH -> Math.tanh(z);
                        case SIGMOID -> 1 / (1 + Math.exp(-z));
                        case IDENTITY -> z;
                    };
                }
                for (int v = 0; v < V; v++) {
                    double z = bY[v];
                    for (int j = 0; j < H; j++) {
                        z += next[s][j] * wY[j * V + v];
                    }
                    sum += Math.max(z, 0) - z * y[row * V + v] + Math.log1p(Math.exp(-Math.abs(z)));
                }
            }
            h = next;
        }
        return sum / B;
    }
}

package io.rnnbench.verification;

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

/**
 * One point of the verification grid: a small network, a batch and an initial state, drawn from
 * {@link Seeds#MODEL} as {@code double[]} and loaded into the backend, so every backend starts from the same
 * numbers. A per-step (language-model) head gets one-hot input, a last-step head dense input, so both input paths
 * are exercised.
 *
 * @param truncation chunk length k of truncated BPTT, or 0 for full BPTT
 */
public record ModelCase(CellType cell, int layers, HeadType head, int batch, int steps, int truncation,
                        boolean randomInitialState, int inputSize, int hiddenSize, int outputSize) {

    /** Input width, hidden size and outputs of the gradient-check grid: small, distinct, not powers of two. */
    public static ModelCase small(CellType cell, int layers, HeadType head, int batch, int truncation, boolean randomInitialState) {
        int inputSize = 5;
        return new ModelCase(cell, layers, head, batch, 5, truncation, randomInitialState, inputSize, 4,
                head.perStep() ? inputSize : 3);
    }

    public ModelConfig config() {
        return new ModelConfig(cell, inputSize, hiddenSize, layers, outputSize, head);
    }

    /** The network, batch and initial state of this case on {@code backend}. */
    public <M> Instance<M> build(Backend<M> backend) {
        NumpyRandomState random = new NumpyRandomState(Seeds.MODEL);
        Network<M> network = Network.zeros(backend, config());
        for (NamedMatrix<M> p : network.parameters()) { // weights and biases N(0, 0.5²): tanh and σ away from 0 and saturation
            network.parameters().load(backend, p.name(), scaled(random.randn(p.rows() * p.cols()), 0.5));
        }
        RecurrentState<M> state = RecurrentState.zeros(backend, config(), batch);
        if (randomInitialState) {
            for (int l = 0; l < layers; l++) {
                load(backend, state.h(l), scaled(random.randn(batch * hiddenSize), 0.5));
                if (state.hasCellState()) {
                    load(backend, state.c(l), scaled(random.randn(batch * hiddenSize), 0.5));
                }
            }
        }
        return new Instance<>(network, batchOf(random), state);
    }

    private SequenceBatch batchOf(NumpyRandomState random) {
        int rows = steps * batch;
        if (head.perStep()) {
            int[] inputs = new int[rows];
            int[] targets = new int[rows];
            for (int i = 0; i < rows; i++) {
                inputs[i] = random.nextInt(inputSize);
                targets[i] = random.nextInt(outputSize);
            }
            return SequenceBatch.ofClasses(steps, batch, inputs, targets);
        }
        Inputs inputs = new Inputs.Dense(random.randn(rows * inputSize), inputSize);
        Targets targets;
        if (head == HeadType.LAST_STEP_SOFTMAX) {
            int[] classes = new int[batch];
            for (int b = 0; b < batch; b++) {
                classes[b] = random.nextInt(outputSize);
            }
            targets = new Targets.Classes(classes);
        } else {
            double[] bits = new double[batch * outputSize];
            for (int i = 0; i < bits.length; i++) {
                bits[i] = random.nextInt(2);
            }
            targets = new Targets.Binary(bits, outputSize);
        }
        return new SequenceBatch(steps, batch, inputs, targets);
    }

    /** Overwrites {@code target} with row-major {@code values} through the array boundary. */
    public static <M> void load(Backend<M> backend, M target, double[] values) {
        M loaded = backend.fromArray(backend.rows(target), backend.cols(target), values);
        backend.copyBlock(loaded, 0, 0, target, 0, 0, backend.rows(target), backend.cols(target));
    }

    private static double[] scaled(double[] values, double scale) {
        for (int i = 0; i < values.length; i++) {
            values[i] *= scale;
        }
        return values;
    }

    @Override
    public String toString() {
        return cell + " L=" + layers + " " + head + " B=" + batch + " T=" + steps
                + (truncation > 0 ? " truncated k=" + truncation : " full BPTT")
                + (randomInitialState ? " random h0" : " zero h0");
    }

    /** A built case. */
    public record Instance<M>(Network<M> network, SequenceBatch batch, RecurrentState<M> initialState) {
    }
}

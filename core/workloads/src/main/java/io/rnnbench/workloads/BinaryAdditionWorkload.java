package io.rnnbench.workloads;

import io.rnnbench.core.model.Activation;
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
import io.rnnbench.core.train.GradientClipping;
import io.rnnbench.core.train.Sgd;
import io.rnnbench.core.train.SmoothedLoss;
import io.rnnbench.core.train.Trainer;

/**
 * {@code binary-addition} (seed 004 §4, Trask's "Anyone Can Learn To Code an LSTM-RNN", part 1): c = a + b for
 * a, b &lt; 128, 8 bits, fed least significant bit first; at step t the input is [a_t, b_t] and the target c_t.
 * <ul>
 *   <li>model: RNN 2 → 16 → 1 with a σ hidden layer (Trask's {@code layer_1 = sigmoid(...)}) and a per-step σ
 *       output ({@link HeadType#PER_STEP_SIGMOID}); biases (Trask has none) start at 0;</li>
 *   <li>init as the seed: {@code np.random.seed(0)}; {@code synapse_0 = 2·random((2, 16)) − 1},
 *       {@code synapse_1 = 2·random((16, 1)) − 1}, {@code synapse_h = 2·random((16, 16)) − 1} in that order, which are
 *       W_x, W_y and W_h in the core's layout (the seed also multiplies row vectors from the left);</li>
 *   <li>data: each step draws {@value #BATCH} pairs with {@code randint(128)} from the same generator, as the seed;</li>
 *   <li>loss: binary cross-entropy of the σ output (the seed backpropagates (y − ŷ)·ŷ(1 − ŷ), a squared-error
 *       gradient; cross-entropy's σ − y learns faster and is the core's sigmoid loss); SGD lr {@value #LEARNING_RATE},
 *       no clipping.</li>
 * </ul>
 * Quality: the fraction of all 128 × 128 operand pairs whose 8 sum bits are all right (a bit is 1 when its logit
 * is &gt; 0).
 */
public final class BinaryAdditionWorkload implements Workload {
    public static final int BITS = 8;
    public static final int HIDDEN = 16;
    /** Operands are below 2^(BITS−1) = 128 so the sum fits in 8 bits. */
    public static final int OPERANDS = 1 << (BITS - 1);
    public static final int BATCH = 1;
    public static final double LEARNING_RATE = 0.1;
    public static final long SEED = 0;

    @Override
    public String name() {
        return "binary-addition";
    }

    @Override
    public String description() {
        return "seed 004 (Trask): 8-bit a + b, LSB first, RNN 2-16-1 with σ hidden and per-step σ output, SGD lr "
                + LEARNING_RATE + ", batch " + BATCH;
    }

    public static ModelConfig config() {
        return new ModelConfig(CellType.RNN, 2, HIDDEN, 1, 1, HeadType.PER_STEP_SIGMOID).withActivation(Activation.SIGMOID);
    }

    @Override
    public <M> Run<M> start(Backend<M> backend) {
        return new Run<>(backend);
    }

    /** Inputs [T·B, 2] (row t·B + b = [bit t of a_b, bit t of b_b]) and targets [T·B, 1] of the given pairs. */
    public static SequenceBatch batch(int[] a, int[] b) {
        int n = a.length;
        double[] x = new double[BITS * n * 2];
        double[] y = new double[BITS * n];
        for (int t = 0; t < BITS; t++) {
            for (int i = 0; i < n; i++) {
                int row = t * n + i;
                x[2 * row] = (a[i] >> t) & 1;
                x[2 * row + 1] = (b[i] >> t) & 1;
                y[row] = ((a[i] + b[i]) >> t) & 1;
            }
        }
        return new SequenceBatch(BITS, n, new Inputs.Dense(x, 2), new Targets.Binary(y, 1));
    }

    /** The network, its trainer and the seed's generator. */
    public static final class Run<M> extends WorkloadRun<M> {
        private final Network<M> network;
        private final Trainer<M> trainer;
        private final NumpyRandomState random = new NumpyRandomState(SEED);
        private final RecurrentState<M> zero;

        Run(Backend<M> backend) {
            super(backend, SmoothedLoss.fromUniformGuess(2, BITS));
            network = Network.zeros(backend, config());
            double[] synapse0 = uniformPlusMinusOne(random.rand(2, HIDDEN)); //       [X, H]
            double[] synapse1 = uniformPlusMinusOne(random.rand(HIDDEN, 1)); //       [H, V]
            double[] synapseH = uniformPlusMinusOne(random.rand(HIDDEN, HIDDEN)); //  [H, H]
            network.parameters().load(backend, "layer0.wX", synapse0);
            network.parameters().load(backend, "layer0.wH", synapseH);
            network.parameters().load(backend, "head.wY", synapse1);
            trainer = new Trainer<>(network, new Sgd<>(backend, LEARNING_RATE), GradientClipping.none());
            zero = RecurrentState.zeros(backend, network.config(), BATCH);
        }

        private static double[] uniformPlusMinusOne(double[] u) {
            for (int i = 0; i < u.length; i++) {
                u[i] = 2 * u[i] - 1;
            }
            return u;
        }

        @Override
        protected double step() {
            int[] a = new int[BATCH];
            int[] b = new int[BATCH];
            for (int i = 0; i < BATCH; i++) {
                a[i] = (int) random.randint(0, OPERANDS);
                b[i] = (int) random.randint(0, OPERANDS);
            }
            backend.fill(zero.h(0), 0.0); // every sum starts from h = 0
            return trainer.step(batch(a, b), zero);
        }

        /** Fraction of the 128 × 128 pairs added exactly right. */
        @Override
        public Quality quality() {
            return new Quality("accuracy over all " + OPERANDS + "×" + OPERANDS + " pairs", accuracy(), true);
        }

        /** Fraction of the 128 × 128 pairs added exactly right, evaluated in batches of 128·16 pairs. */
        public double accuracy() {
            int perBatch = OPERANDS * 16;
            RecurrentState<M> state = RecurrentState.zeros(backend, network.config(), perBatch);
            int correct = 0;
            for (int first = 0; first < OPERANDS * OPERANDS; first += perBatch) {
                int[] a = new int[perBatch];
                int[] b = new int[perBatch];
                for (int i = 0; i < perBatch; i++) {
                    a[i] = (first + i) / OPERANDS;
                    b[i] = (first + i) % OPERANDS;
                }
                network.forward(new SequenceBatch(BITS, perBatch, batch(a, b).inputs(), Targets.NONE), state);
                double[] logits = backend.toArray(network.logits()); // [T·B, 1] the boundary
                for (int i = 0; i < perBatch; i++) {
                    int sum = 0;
                    for (int t = 0; t < BITS; t++) {
                        sum |= (logits[t * perBatch + i] > 0 ? 1 : 0) << t;
                    }
                    correct += sum == a[i] + b[i] ? 1 : 0;
                }
            }
            return correct / (double) (OPERANDS * OPERANDS);
        }

        @Override
        protected String workloadName() {
            return "binary-addition";
        }

        /** Vocabulary: the two bit values. The generator's position is not saved. */
        @Override
        protected CheckpointSpec<M> checkpointSpec() {
            return new CheckpointSpec<>(java.util.Map.of("network", network.config()), java.util.List.of("0", "1"), "sgd",
                    java.util.Map.of("learning_rate", LEARNING_RATE), network.parameters(), null, null);
        }

        public Network<M> network() {
            return network;
        }

        @Override
        public Parameters<M> parameters() {
            return network.parameters();
        }
    }
}

package io.rnnbench.workloads;

import io.rnnbench.core.model.Activation;
import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.Inputs;
import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.core.model.NamedMatrix;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.model.RecurrentState;
import io.rnnbench.core.model.SequenceBatch;
import io.rnnbench.core.model.Targets;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.train.SmoothedLoss;

import java.util.Arrays;

/**
 * {@code srn-by-hand} (seed 004 §1–3): a simple recurrent network with X = H = V = 2, every weight 1 and every bias
 * 0, over the inputs [[1, 1], [1, 1], [2, 2]] from h = 0, once with h_t = z_t (no activation, §1) and once with
 * h_t = tanh(z_t) (§2); the outputs y_t = h_t·W_y are the head's logits. Nothing is trained: a "step" is one
 * forward pass of both networks, and the outputs can be checked by hand.
 */
public final class SrnByHandWorkload implements Workload {
    /** The seed's input sequence, [T, X] = [3, 2]. */
    public static final double[][] INPUTS = {{1, 1}, {1, 1}, {2, 2}};

    @Override
    public String name() {
        return "srn-by-hand";
    }

    @Override
    public String description() {
        return "seed 004 §1–3: 2-2-2 SRN, all weights 1, inputs [[1,1],[1,1],[2,2]], linear and tanh; forward only";
    }

    /** The network's shape: RNN 2 → 2 → 2 with the given activation. */
    public static ModelConfig config(Activation activation) {
        return new ModelConfig(CellType.RNN, 2, 2, 1, 2, HeadType.PER_STEP_SOFTMAX).withActivation(activation);
    }

    /** The network with every weight 1 and every bias 0. */
    public static <M> Network<M> network(Backend<M> backend, Activation activation) {
        Network<M> network = Network.zeros(backend, config(activation));
        for (NamedMatrix<M> p : network.parameters()) {
            double[] values = new double[p.rows() * p.cols()];
            if (!p.name().endsWith(".b") && !p.name().endsWith(".bY")) {
                Arrays.fill(values, 1.0);
            }
            network.parameters().load(backend, p.name(), values);
        }
        return network;
    }

    @Override
    public <M> Run<M> start(Backend<M> backend) {
        return new Run<>(backend);
    }

    /** Both networks and their last outputs. */
    public static final class Run<M> extends WorkloadRun<M> {
        private final Network<M> linear;
        private final Network<M> tanh;
        private final SequenceBatch batch;
        private final RecurrentState<M> zero;

        Run(Backend<M> backend) {
            super(backend, new SmoothedLoss(0));
            linear = network(backend, Activation.IDENTITY);
            tanh = network(backend, Activation.TANH);
            double[] values = Arrays.stream(INPUTS).flatMapToDouble(Arrays::stream).toArray();
            batch = new SequenceBatch(INPUTS.length, 1, new Inputs.Dense(values, 2), Targets.NONE);
            zero = RecurrentState.zeros(backend, linear.config(), 1);
        }

        @Override
        protected double step() {
            linear.forward(batch, zero);
            tanh.forward(batch, zero);
            return 0.0;
        }

        /** y_t for t = 0, 1, 2 ([T, V] = [3, 2]) of the network with the given activation (IDENTITY or TANH). */
        public double[][] outputs(Activation activation) {
            Network<M> network = activation == Activation.IDENTITY ? linear : tanh;
            network.forward(batch, zero);
            return rows(backend.toArray(network.logits()));
        }

        /** h_t for t = 0, 1, 2 ([T, H] = [3, 2]). */
        public double[][] hidden(Activation activation) {
            Network<M> network = activation == Activation.IDENTITY ? linear : tanh;
            network.forward(batch, zero);
            return rows(backend.toArray(network.hiddenSequence(0)));
        }

        private static double[][] rows(double[] values) {
            double[][] out = new double[values.length / 2][];
            for (int t = 0; t < out.length; t++) {
                out[t] = Arrays.copyOfRange(values, 2 * t, 2 * t + 2);
            }
            return out;
        }

        @Override
        protected String workloadName() {
            return "srn-by-hand";
        }

        /** The linear network's last output y_2 (by hand: 32). */
        @Override
        public Quality quality() {
            return new Quality("linear y_2[0]", outputs(Activation.IDENTITY)[2][0], true);
        }

        @Override
        public Parameters<M> parameters() {
            return linear.parameters();
        }
    }
}

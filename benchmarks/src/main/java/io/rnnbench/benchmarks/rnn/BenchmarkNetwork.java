package io.rnnbench.benchmarks.rnn;

import io.rnnbench.benchmarks.shape.Shape;
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
import io.rnnbench.core.train.Adagrad;
import io.rnnbench.core.train.GradientClipping;
import io.rnnbench.core.train.Trainer;

/**
 * What one benchmark runs: a network on one backend, a batch and an initial state, all drawn from fixed seeds, so
 * that every backend (and the raw reference of the agreement check) gets bit-identical weights and data.
 *
 * <p>Weights: N(0, 1)·{@value #INIT_SCALE} from {@code NumpyRandomState(}{@value #WEIGHT_SEED}{@code )}, zero
 * biases (min-char-rnn's initialisation). Data from {@code NumpyRandomState(}{@value #DATA_SEED}{@code )}: one-hot
 * indices uniform in [0, X), or dense N(0, 1) values; then target classes uniform in [0, V). The initial state is
 * zero. Training: Adagrad with learning rate {@value #LEARNING_RATE}, gradients clipped to ±{@value #CLIP}
 * (the seeds' settings), the state carried from one step to the next.
 */
public final class BenchmarkNetwork<M> {
    /** Seed of the initial weights. */
    public static final long WEIGHT_SEED = 1;
    /** Seed of the inputs and targets. */
    public static final long DATA_SEED = 2;
    /** Scale of the initial weights, as in min-char-rnn. */
    public static final double INIT_SCALE = 0.01;
    /** Adagrad's learning rate, as in min-char-rnn. */
    public static final double LEARNING_RATE = 0.1;
    /** Gradient clipping by value, as in min-char-rnn's {@code np.clip(g, -5, 5)}. */
    public static final double CLIP = 5;

    private final Network<M> network;
    private final SequenceBatch batch;
    private final RecurrentState<M> state;
    private final Parameters<M> initialParameters;
    /** The optimizer and trainer, made at the first restart; later restarts zero Adagrad's memory instead. */
    private Adagrad<M> adagrad;
    private Trainer<M> trainer;

    private BenchmarkNetwork(Network<M> network, SequenceBatch batch) {
        this.network = network;
        this.batch = batch;
        this.state = RecurrentState.zeros(network.backend(), network.config(), batch.batch());
        this.initialParameters = network.parameters().zerosLike(network.backend());
        initialParameters.copyFrom(network.backend(), network.parameters());
    }

    /**
     * A network of {@code shape} with a per-step softmax head over {@code outputSize} classes, and a batch of its T
     * steps: with seeded class targets when {@code withTargets}, else {@link Targets#NONE} (no loss).
     */
    public static BenchmarkNetwork<?> create(Backend<?> backend, CellType cell, Shape shape, int outputSize, boolean withTargets) {
        return typed(backend, cell, shape, outputSize, withTargets);
    }

    private static <M> BenchmarkNetwork<M> typed(Backend<M> backend, CellType cell, Shape shape, int outputSize,
                                            boolean withTargets) {
        ModelConfig config = new ModelConfig(cell, shape.inputSize(), shape.hiddenSize(), shape.layers(), outputSize,
                HeadType.PER_STEP_SOFTMAX);
        Network<M> network = Network.create(backend, config, new NumpyRandomState(WEIGHT_SEED), INIT_SCALE);
        return new BenchmarkNetwork<>(network, batch(shape, outputSize, withTargets));
    }

    private static SequenceBatch batch(Shape shape, int outputSize, boolean withTargets) {
        NumpyRandomState random = new NumpyRandomState(DATA_SEED);
        int rows = shape.steps() * shape.batch(); // T·B
        Inputs inputs;
        if (shape.oneHot()) {
            int[] index = new int[rows];
            for (int i = 0; i < rows; i++) {
                index[i] = random.nextInt(shape.inputSize());
            }
            inputs = new Inputs.OneHot(index);
        } else {
            inputs = new Inputs.Dense(random.randn(rows * shape.inputSize()), shape.inputSize()); // [T·B, X]
        }
        Targets targets = Targets.NONE;
        if (withTargets) {
            int[] classes = new int[rows];
            for (int i = 0; i < rows; i++) {
                classes[i] = random.nextInt(outputSize);
            }
            targets = new Targets.Classes(classes);
        }
        return new SequenceBatch(shape.steps(), shape.batch(), inputs, targets);
    }

    /** The whole batch forward from the initial state; returns the loss (0 without targets). */
    public double forward() {
        return network.forward(batch, state);
    }

    /** The logits of the last forward, [T·B, V], owned by the network. */
    public M logits() {
        return network.logits();
    }

    /** The logits of the last forward as an array (boundary: for the agreement check, not for timing). */
    public double[] logitsArray() {
        return network.backend().toArray(network.logits());
    }

    /** BPTT of the last forward; returns the gradients (overwritten by the next call, bit-identical on repeat). */
    public Parameters<M> backward() {
        network.backward();
        return network.gradients();
    }

    /**
     * Puts the initial weights back, zeroes the state and starts a fresh Adagrad: every measurement iteration of
     * the training step starts from the same point.
     */
    public void restartTraining() {
        Backend<M> backend = network.backend();
        network.parameters().copyFrom(backend, initialParameters);
        state.zero(backend);
        if (trainer == null) {
            adagrad = new Adagrad<>(backend, network.parameters(), LEARNING_RATE);
            trainer = new Trainer<>(network, adagrad, GradientClipping.byValue(CLIP));
        } else {
            adagrad.memory().zero(backend); // a fresh Adagrad without allocating: JMH counts set-up allocation per iteration
        }
    }

    /** One training step (forward, backward, clipping, update), the state carried; returns the loss. */
    public double trainingStep() {
        if (trainer == null) {
            throw new IllegalStateException("restartTraining() must come before the first training step");
        }
        return trainer.step(batch, state);
    }

    /** The backend's registry name. */
    public String backendName() {
        return network.backend().name();
    }
}

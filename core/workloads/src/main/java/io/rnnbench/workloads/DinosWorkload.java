package io.rnnbench.workloads;

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
import io.rnnbench.core.spi.Precision;
import io.rnnbench.core.train.GradientClipping;
import io.rnnbench.core.train.Sgd;
import io.rnnbench.core.train.SmoothedLoss;
import io.rnnbench.core.train.Trainer;
import io.rnnbench.workloads.text.Vocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code dinos} (seed 002's {@code model()} / {@code optimize()}): a tanh RNN with n_a = {@value #HIDDEN} over the 27
 * characters of {@code dinos.txt}, one name per step with {@code X = [None] + name} (None = a zero input row) and
 * {@code Y = name + newline}, the hidden state carried from one name to the next, loss summed over steps, clip by
 * value ±{@value #CLIP}, SGD lr {@value #LEARNING_RATE}; names shuffled with {@code np.random.seed(0)}; weights as
 * {@code np.random.seed(1); Wax = randn(n_a, V)·0.01; Waa = randn(n_a, n_a)·0.01; Wya = randn(V, n_a)·0.01}, biases
 * 0; the smoothed loss starts at {@code −ln(1/27)·7} (the seed's {@code get_initial_loss(vocab_size, dino_names)}).
 * The verification module's golden suite proves this run reproduces NumPy's trajectory.
 *
 * <p>Quality: the smoothed loss; {@link Run#stepsToTarget()} is the time-to-quality figure (the first step whose
 * smoothed loss is below {@value #TARGET_SMOOTHED_LOSS}). Sampling draws a name of lower-case letters ending in a
 * newline (at most 50 characters, then a newline is appended, as the seed).
 */
public final class DinosWorkload implements Workload {
    public static final int HIDDEN = 50;
    public static final double LEARNING_RATE = 0.01;
    public static final double CLIP = 5.0;
    public static final long INIT_SEED = 1;
    public static final double INIT_SCALE = 0.01;
    public static final long SHUFFLE_SEED = 0;
    /** The seed's {@code dino_names = 7}: the initial smoothed loss is that of a uniform guess over 7 steps. */
    public static final int INITIAL_LOSS_STEPS = 7;
    /** The time-to-quality target: the first step with a smoothed loss below this. */
    public static final double TARGET_SMOOTHED_LOSS = 23.0;
    /** The seed's sampling limit. */
    public static final int MAX_NAME_LENGTH = 50;

    @Override
    public String name() {
        return "dinos";
    }

    @Override
    public String description() {
        return "seed 002: dinosaur names, RNN n_a = 50, one name per step, SGD lr 0.01, clip ±5";
    }

    /** The network of seed 002: weights drawn as the seed draws them, mapped onto the core's layout by {@link SeedNotation}. */
    public static <M> Network<M> network(Backend<M> backend, int vocabulary, int hidden, long initSeed, double initScale) {
        NumpyRandomState random = new NumpyRandomState(initSeed);
        double[] wax = scaled(random.randn(hidden, vocabulary), initScale); // Wax [n_a, V]
        double[] waa = scaled(random.randn(hidden, hidden), initScale); //     Waa [n_a, n_a]
        double[] wya = scaled(random.randn(vocabulary, hidden), initScale); // Wya [V, n_a]
        Network<M> network = Network.zeros(backend, new ModelConfig(CellType.RNN, vocabulary, hidden, 1, vocabulary,
                HeadType.PER_STEP_SOFTMAX));
        SeedNotation.load(network, network.parameters(), java.util.Map.of("Wax", wax, "Waa", waa, "Wya", wya)); // biases 0
        return network;
    }

    /**
     * The training examples in the seed's order ({@code np.random.seed(shuffleSeed); np.random.shuffle(examples)}),
     * as batches of one name: dense one-hot inputs (None = zero row) and class targets.
     */
    public static List<SequenceBatch> batches(DinoNames data, long shuffleSeed) {
        Vocabulary vocabulary = data.vocabulary();
        int v = vocabulary.size();
        List<String> examples = data.examples();
        new NumpyRandomState(shuffleSeed).shuffle(examples);
        List<SequenceBatch> batches = new ArrayList<>(examples.size());
        for (String name : examples) {
            int[] x = DinoNames.inputs(vocabulary, name);
            batches.add(new SequenceBatch(x.length, 1, new Inputs.Dense(DinoNames.oneHotRows(x, v), v),
                    new Targets.Classes(DinoNames.targets(vocabulary, name))));
        }
        return batches;
    }

    /** The seed's trainer: SGD with clipping by value. */
    public static <M> Trainer<M> trainer(Network<M> network, double learningRate, double clip) {
        return new Trainer<>(network, new Sgd<>(network.backend(), learningRate), GradientClipping.byValue(clip));
    }

    @Override
    public <M> Run<M> start(Backend<M> backend) {
        return new Run<>(backend);
    }

    private static double[] scaled(double[] values, double scale) {
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i] * scale;
        }
        return values;
    }

    /**
     * The seed's {@code sample(parameters, char_to_ix, seed)} on any per-step softmax network over {@code vocabulary}
     * (the run's own network, or weights loaded from elsewhere, e.g. a golden case): x = 0 at the first step, then
     * the one-hot of the index drawn; draw n seeds {@code np.random.seed(seed + 2n)}; at most
     * {@value #MAX_NAME_LENGTH} characters, then a newline is appended.
     */
    public static <M> String sampleName(Network<M> network, Vocabulary vocabulary, long seed) {
        return sampleName(network, vocabulary, new NumpyRandomState(seed), seed);
    }

    /** As {@link #sampleName(Network, Vocabulary, long)}; with {@code seed < 0}, {@code random}'s stream unseeded. */
    private static <M> String sampleName(Network<M> network, Vocabulary vocabulary, NumpyRandomState random, long seed) {
        Backend<M> backend = network.backend();
        int v = vocabulary.size();
        int newline = vocabulary.index('\n');
        RecurrentState<M> h = RecurrentState.zeros(backend, network.config(), 1);
        M probabilities = backend.zeros(1, v);
        Precision precision = Backends.precision(backend.name()); // of the probabilities choice checks
        SequenceBatch input = new SequenceBatch(1, 1, new Inputs.Dense(new double[v], v), Targets.NONE); // x = 0
        StringBuilder name = new StringBuilder();
        int index = -1;
        int counter = 0;
        while (index != newline && counter != MAX_NAME_LENGTH) {
            network.forward(input, h);
            network.copyFinalState(h);
            backend.softmax(network.logits(), probabilities);
            if (seed >= 0) {
                random.seed(seed + 2L * counter);
            }
            index = random.choice(v, backend.toArray(probabilities), precision);
            name.appendCodePoint(vocabulary.codePoint(index));
            input = new SequenceBatch(1, 1, new Inputs.OneHot(new int[] {index}), Targets.NONE);
            counter++;
        }
        if (counter == MAX_NAME_LENGTH) {
            name.append('\n');
        }
        return name.toString();
    }

    /** The seed's training loop. */
    public static final class Run<M> extends WorkloadRun<M> {
        private final DinoNames data = DinoNames.fromResource();
        private final Network<M> network;
        private final Trainer<M> trainer;
        private final List<SequenceBatch> batches;
        private final RecurrentState<M> state;
        private long stepsToTarget = -1;
        private long nanosToTarget = -1;
        private final long startNanos = System.nanoTime();

        Run(Backend<M> backend) {
            super(backend, SmoothedLoss.fromUniformGuess(27, INITIAL_LOSS_STEPS));
            int v = data.vocabulary().size();
            network = DinosWorkload.network(backend, v, HIDDEN, INIT_SEED, INIT_SCALE);
            trainer = trainer(network, LEARNING_RATE, CLIP);
            batches = batches(data, SHUFFLE_SEED);
            state = RecurrentState.zeros(backend, network.config(), 1);
        }

        @Override
        protected double step() {
            double loss = trainer.step(batches.get((int) (steps() % batches.size())), state);
            if (stepsToTarget < 0 && 0.999 * smoothedLoss() + 0.001 * loss < TARGET_SMOOTHED_LOSS) {
                stepsToTarget = steps() + 1;
                nanosToTarget = System.nanoTime() - startNanos;
            }
            return loss;
        }

        /** Steps until the smoothed loss first fell below {@value #TARGET_SMOOTHED_LOSS}, or −1 while it has not. */
        public long stepsToTarget() {
            return stepsToTarget;
        }

        /** Wall time from the start of the run to {@link #stepsToTarget()}, or −1. */
        public long nanosToTarget() {
            return nanosToTarget;
        }

        @Override
        public Quality quality() {
            return new Quality("smoothed loss", smoothedLoss(), false);
        }

        /** One name drawn with {@code random} (lower-case letters and a final newline). */
        @Override
        public String sample(NumpyRandomState random) {
            return sampleName(random, -1);
        }

        /**
         * The seed's {@code sample(parameters, char_to_ix, seed)}: draw n uses {@code np.random.seed(counter + seed)}
         * with both incremented per draw, i.e. {@code seed + 2n}.
         */
        public String sampleName(long seed) {
            return sampleName(new NumpyRandomState(seed), seed);
        }

        private String sampleName(NumpyRandomState random, long seed) {
            return DinosWorkload.sampleName(network, data.vocabulary(), random, seed);
        }

        @Override
        protected String workloadName() {
            return "dinos";
        }

        @Override
        protected CheckpointSpec<M> checkpointSpec() {
            return new CheckpointSpec<>(java.util.Map.of("network", network.config()), characters(data.vocabulary()), "sgd",
                    java.util.Map.of("learning_rate", LEARNING_RATE, "clip", CLIP), network.parameters(), null, null);
        }

        @Override
        protected void afterRestore() {
            state.zero(backend);
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

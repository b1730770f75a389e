package io.rnnbench.workloads;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.model.RecurrentState;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.train.Adagrad;
import io.rnnbench.core.train.GradientClipping;
import io.rnnbench.core.train.SmoothedLoss;
import io.rnnbench.core.train.Trainer;
import io.rnnbench.workloads.text.TextCorpus;
import io.rnnbench.workloads.text.TextSampler;

import java.util.Map;

/**
 * {@code shakespeare}, {@code shakespeare-deep}, {@code shakespeare-lstm} (seeds 000 and 003, min-char-rnn): a
 * character language model on {@code tinyshakespeare.txt} (1,115,394 characters, 65 distinct, sorted vocabulary).
 * Hidden {@value #HIDDEN}, sequence {@value #SEQUENCE}, Adagrad lr {@value #LEARNING_RATE} (ε = 1e−8 inside the
 * root), clip by value ±{@value #CLIP}; chunk n has inputs {@code text[n·T .. n·T+T)} and targets shifted by one;
 * the hidden state is carried from chunk to chunk and reset to 0 when the pointer wraps to the start of the text;
 * the seeds' smoothed loss starts at −ln(1/65)·25. Weights N(0, 1)·0.01 from {@code NumpyRandomState(}{@value #SEED}
 * {@code )} in the core's draw order ({@link Network#create}), biases 0.
 * <ul>
 *   <li>{@code shakespeare}: one tanh RNN layer;</li>
 *   <li>{@code shakespeare-deep}: three stacked tanh RNN layers (layer l reads layer l−1's outputs; each carries its
 *       own state);</li>
 *   <li>{@code shakespeare-lstm}: one LSTM layer.</li>
 * </ul>
 * Sampling: primed with {@value #PRIME}, {@value #SAMPLE_LENGTH} characters at temperature {@value #TEMPERATURE}.
 */
public final class ShakespeareWorkload implements Workload {
    public static final int HIDDEN = 100;
    public static final int SEQUENCE = 25;
    public static final double LEARNING_RATE = 0.1;
    public static final double CLIP = 5.0;
    public static final double INIT_SCALE = 0.01;
    public static final long SEED = 0;
    public static final String PRIME = "First Citizen:";
    public static final int SAMPLE_LENGTH = 200;
    public static final double TEMPERATURE = 0.8;

    private static TextCorpus corpus;

    private final String name;
    private final CellType cell;
    private final int layers;

    private ShakespeareWorkload(String name, CellType cell, int layers) {
        this.name = name;
        this.cell = cell;
        this.layers = layers;
    }

    public static ShakespeareWorkload standard() {
        return new ShakespeareWorkload("shakespeare", CellType.RNN, 1);
    }

    public static ShakespeareWorkload deep() {
        return new ShakespeareWorkload("shakespeare-deep", CellType.RNN, 3);
    }

    public static ShakespeareWorkload lstm() {
        return new ShakespeareWorkload("shakespeare-lstm", CellType.LSTM, 1);
    }

    /** The text, read once from the class path (1.1 MB). */
    public static synchronized TextCorpus corpus() {
        if (corpus == null) {
            corpus = TextCorpus.of(Resources.text(Resources.TINY_SHAKESPEARE));
        }
        return corpus;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "seeds 000/003: char-RNN on tiny Shakespeare, " + cell + " × " + layers + " layer(s) of " + HIDDEN
                + ", T = " + SEQUENCE + ", Adagrad lr " + LEARNING_RATE + ", clip ±" + CLIP;
    }

    public ModelConfig config() {
        int v = corpus().vocabulary().size();
        return new ModelConfig(cell, v, HIDDEN, layers, v, HeadType.PER_STEP_SOFTMAX);
    }

    @Override
    public <M> Run<M> start(Backend<M> backend) {
        return new Run<>(backend, config(), name);
    }

    /** The training loop of min-char-rnn. */
    public static final class Run<M> extends WorkloadRun<M> {
        private final TextCorpus text = corpus();
        private final Network<M> network;
        private final Adagrad<M> optimizer;
        private final Trainer<M> trainer;
        private final RecurrentState<M> state;
        private final int chunks;
        private final String name;

        Run(Backend<M> backend, ModelConfig config, String name) {
            super(backend, SmoothedLoss.fromUniformGuess(config.outputSize(), SEQUENCE));
            network = Network.create(backend, config, new NumpyRandomState(SEED), INIT_SCALE);
            optimizer = new Adagrad<>(backend, network.parameters(), LEARNING_RATE);
            trainer = new Trainer<>(network, optimizer, GradientClipping.byValue(CLIP));
            state = RecurrentState.zeros(backend, config, 1);
            chunks = text.chunkCount(SEQUENCE);
            this.name = name;
        }

        @Override
        protected double step() {
            int n = (int) (steps() % chunks);
            if (n == 0) {
                state.zero(backend); // min-char-rnn: hprev = 0 when the pointer (re)starts at the beginning
            }
            return trainer.step(text.chunk(n, SEQUENCE), state);
        }

        @Override
        public Quality quality() {
            return new Quality("smoothed loss (per " + SEQUENCE + " characters)", smoothedLoss(), false);
        }

        /** {@value #SAMPLE_LENGTH} characters after {@value #PRIME} at temperature {@value #TEMPERATURE}. */
        @Override
        public String sample(NumpyRandomState random) {
            return TextSampler.sample(network, text.vocabulary(), PRIME, SAMPLE_LENGTH, TEMPERATURE, random);
        }

        public Network<M> network() {
            return network;
        }

        public Adagrad<M> optimizer() {
            return optimizer;
        }

        /** The state carried to the next chunk. */
        public RecurrentState<M> state() {
            return state;
        }

        @Override
        public Parameters<M> parameters() {
            return network.parameters();
        }

        @Override
        protected String workloadName() {
            return name;
        }

        @Override
        protected CheckpointSpec<M> checkpointSpec() {
            return new CheckpointSpec<>(Map.of("network", network.config()), characters(text.vocabulary()), "adagrad",
                    Map.of("learning_rate", LEARNING_RATE, "epsilon", Adagrad.EPSILON, "clip", CLIP), network.parameters(),
                    "m", optimizer.memory());
        }

        @Override
        protected void afterRestore() {
            state.zero(backend);
        }

    }
}

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
import io.rnnbench.core.train.RowSparseOptimizer;
import io.rnnbench.core.train.SmoothedLoss;
import io.rnnbench.core.train.Trainer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code words} (seed 001, with seed 003's sparse rows): a word-level RNN language model on the words of
 * {@code tinyshakespeare.txt}. Tokens: the lower-cased text split into runs of letters and apostrophes and single
 * other non-space characters (punctuation); vocabulary: the distinct tokens, sorted (12,641). A learned embedding
 * table E [V, {@value #EMBEDDING}] is gathered by row into layer 0 ({@link ModelConfig#withEmbedding}); tanh RNN of
 * {@value #HIDDEN}; per-step softmax over V; truncated BPTT over chunks of {@value #SEQUENCE} tokens with the state
 * carried; Adagrad lr {@value #LEARNING_RATE}, clip ±{@value #CLIP}, through {@link RowSparseOptimizer}: the rows of
 * E (and of its Adagrad memory) that a chunk does not contain are never touched by the update, and no dense
 * one-hot GEMM is ever formed (forward gathers rows of E; backward scatter-adds into them).
 */
public final class WordsWorkload implements Workload {
    public static final int EMBEDDING = 100;
    public static final int HIDDEN = 100;
    public static final int SEQUENCE = 25;
    public static final double LEARNING_RATE = 0.1;
    public static final double CLIP = 5.0;
    public static final double INIT_SCALE = 0.01;
    public static final long SEED = 1;
    public static final String PRIME = "first citizen :";
    public static final int SAMPLE_WORDS = 30;
    public static final double TEMPERATURE = 0.8;
    private static final Pattern TOKEN = Pattern.compile("[a-z']+|[^\\sa-z']");

    private static Corpus corpus;

    /** The tokenised text and its sorted word list. */
    public record Corpus(List<String> words, int[] tokens) {
        /** The index of a word. */
        public int index(String word) {
            int i = java.util.Collections.binarySearch(words, word);
            if (i < 0) {
                throw new IllegalArgumentException("'" + word + "' is not one of the " + words.size() + " words");
            }
            return i;
        }
    }

    /** The tokens of {@code text}, as this workload cuts them. */
    public static List<String> tokenize(String text) {
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        List<String> tokens = new ArrayList<>();
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /** The corpus, read and tokenised once. */
    public static synchronized Corpus corpus() {
        if (corpus == null) {
            List<String> tokens = tokenize(Resources.text(Resources.TINY_SHAKESPEARE));
            List<String> words = new ArrayList<>(new TreeSet<>(tokens));
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < words.size(); i++) {
                index.put(words.get(i), i);
            }
            corpus = new Corpus(List.copyOf(words), tokens.stream().mapToInt(index::get).toArray());
        }
        return corpus;
    }

    @Override
    public String name() {
        return "words";
    }

    @Override
    public String description() {
        return "seed 001/003: word-level RNN on tiny Shakespeare, embedding " + EMBEDDING + ", hidden " + HIDDEN
                + ", T = " + SEQUENCE + ", row-sparse Adagrad lr " + LEARNING_RATE;
    }

    public static ModelConfig config() {
        int v = corpus().words().size();
        return new ModelConfig(CellType.RNN, v, HIDDEN, 1, v, HeadType.PER_STEP_SOFTMAX).withEmbedding(EMBEDDING);
    }

    @Override
    public <M> Run<M> start(Backend<M> backend) {
        return new Run<>(backend);
    }

    /** Truncated BPTT over the token stream. */
    public static final class Run<M> extends WorkloadRun<M> {
        private final Corpus text = corpus();
        private final Network<M> network;
        private final RowSparseOptimizer<M> optimizer;
        private final Trainer<M> trainer;
        private final RecurrentState<M> state;
        private final int chunks;

        Run(Backend<M> backend) {
            super(backend, SmoothedLoss.fromUniformGuess(corpus().words().size(), SEQUENCE));
            network = Network.create(backend, config(), new NumpyRandomState(SEED), INIT_SCALE);
            optimizer = RowSparseOptimizer.adagrad(network, LEARNING_RATE);
            trainer = new Trainer<>(network, optimizer, GradientClipping.byValue(CLIP));
            state = RecurrentState.zeros(backend, network.config(), 1);
            chunks = (text.tokens().length - 1) / SEQUENCE;
        }

        @Override
        protected double step() {
            int n = (int) (steps() % chunks);
            if (n == 0) {
                state.zero(backend);
            }
            int p = n * SEQUENCE;
            int[] x = Arrays.copyOfRange(text.tokens(), p, p + SEQUENCE);
            int[] y = Arrays.copyOfRange(text.tokens(), p + 1, p + SEQUENCE + 1);
            return trainer.step(SequenceBatch.ofClasses(SEQUENCE, 1, x, y), state);
        }

        @Override
        public Quality quality() {
            return new Quality("smoothed loss (per " + SEQUENCE + " words)", smoothedLoss(), false);
        }

        /** {@value #SAMPLE_WORDS} words after {@value #PRIME} at temperature {@value #TEMPERATURE}, space-separated. */
        @Override
        public String sample(NumpyRandomState random) {
            int v = text.words().size();
            RecurrentState<M> h = RecurrentState.zeros(backend, network.config(), 1);
            M p = backend.zeros(1, v);
            Precision precision = Backends.precision(backend.name()); // of the probabilities choice checks
            int next = -1;
            for (String word : tokenize(PRIME)) {
                next = text.index(word);
                forwardOne(next, h);
            }
            StringBuilder out = new StringBuilder();
            for (int n = 0; n < SAMPLE_WORDS; n++) {
                backend.copyBlock(network.logits(), 0, 0, p, 0, 0, 1, v);
                backend.scale(1.0 / TEMPERATURE, p);
                backend.softmax(p, p);
                next = random.choice(v, backend.toArray(p), precision);
                out.append(n == 0 ? "" : " ").append(text.words().get(next));
                forwardOne(next, h);
            }
            return out.toString();
        }

        private void forwardOne(int index, RecurrentState<M> h) {
            network.forward(new SequenceBatch(1, 1, new Inputs.OneHot(new int[] {index}), Targets.NONE), h);
            network.copyFinalState(h);
        }

        @Override
        protected String workloadName() {
            return "words";
        }

        @Override
        protected CheckpointSpec<M> checkpointSpec() {
            return new CheckpointSpec<>(Map.of("network", network.config()), text.words(), "row-sparse-adagrad",
                    Map.of("learning_rate", LEARNING_RATE, "epsilon", io.rnnbench.core.train.Adagrad.EPSILON, "clip", CLIP),
                    network.parameters(), "m", optimizer.state());
        }

        @Override
        protected void afterRestore() {
            state.zero(backend);
        }

        public Network<M> network() {
            return network;
        }

        public RowSparseOptimizer<M> optimizer() {
            return optimizer;
        }

        @Override
        public Parameters<M> parameters() {
            return network.parameters();
        }
    }
}

package io.rnnbench.workloads;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.Inputs;
import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.model.Seq2Seq;
import io.rnnbench.core.model.SequenceBatch;
import io.rnnbench.core.model.Targets;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.train.Adagrad;
import io.rnnbench.core.train.GradientClipping;
import io.rnnbench.core.train.SmoothedLoss;
import io.rnnbench.core.train.Trainer;

import java.util.List;

/**
 * {@code seq2seq} (seed 004 §6–7): a character encoder–decoder ({@link Seq2Seq}) that maps each word of the antonym
 * pairs to its partner. Symbols as the seed: {@code S} (start), {@code E} (end), {@code ?} (pad), a–z (29). Every
 * word is padded with {@code ?} to {@value #LENGTH} letters; encoder input = source + E; decoder input = S + target;
 * decoder target = target + E (teacher forcing). All six pairs form one batch (B = 6, T = 6).
 *
 * <p>Differences from the seed (PyTorch, RNN 128, Adam 1e−3, batch 3, 5000 epochs; translation fed S + pads): a
 * tanh RNN of {@value #HIDDEN}, Adagrad lr {@value #LEARNING_RATE} with clipping ±5 (Adagrad's state is a
 * checkpointable optimizer of the core), one full batch per step, and greedy decoding (each output is fed back as
 * the next input until E) — the honest test of a teacher-forced decoder. Quality: fraction of the six source words
 * translated exactly.
 */
public final class Seq2SeqWorkload implements Workload {
    /** The seed's antonym pairs. */
    public static final List<String[]> PAIRS = List.of(new String[] {"man", "women"}, new String[] {"black", "white"},
            new String[] {"king", "queen"}, new String[] {"girl", "boy"}, new String[] {"up", "down"},
            new String[] {"high", "low"});
    /** The seed's symbols: index 0 = S, 1 = E, 2 = ?, then a–z. */
    public static final String SYMBOLS = "SE?abcdefghijklmnopqrstuvwxyz";
    public static final int START = 0;
    public static final int END = 1;
    public static final int PAD = 2;
    /** n_step: the longest word. */
    public static final int LENGTH = 5;
    public static final int HIDDEN = 32;
    public static final double LEARNING_RATE = 0.1;
    public static final double INIT_SCALE = 0.1;
    public static final long SEED = 4;

    @Override
    public String name() {
        return "seq2seq";
    }

    @Override
    public String description() {
        return "seed 004: character encoder–decoder on 6 antonym pairs, RNN " + HIDDEN + ", Adagrad lr " + LEARNING_RATE
                + ", greedy decoding";
    }

    @Override
    public <M> Run<M> start(Backend<M> backend) {
        return new Run<>(backend);
    }

    /** The symbol indices of {@code word} padded with ? to {@value #LENGTH} letters. */
    public static int[] padded(String word) {
        if (word.length() > LENGTH) {
            throw new IllegalArgumentException("word '" + word + "' is longer than " + LENGTH);
        }
        int[] out = new int[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = i < word.length() ? symbol(word.charAt(i)) : PAD;
        }
        return out;
    }

    private static int symbol(char c) {
        int index = SYMBOLS.indexOf(c);
        if (index < 3) {
            throw new IllegalArgumentException("'" + c + "' is not a lower-case letter a–z");
        }
        return index;
    }

    /** Encoder input of one word: the padded word + E. */
    public static int[] sourceOf(String word) {
        int[] source = java.util.Arrays.copyOf(padded(word), LENGTH + 1);
        source[LENGTH] = END;
        return source;
    }

    /** The model, the fixed training batch and the optimizer. */
    public static final class Run<M> extends WorkloadRun<M> {
        private final Seq2Seq<M> model;
        private final Adagrad<M> optimizer;
        private final Trainer<M> trainer;
        private final SequenceBatch source;
        private final SequenceBatch target;

        Run(Backend<M> backend) {
            super(backend, SmoothedLoss.fromUniformGuess(SYMBOLS.length(), LENGTH + 1));
            model = Seq2Seq.create(backend, CellType.RNN, SYMBOLS.length(), HIDDEN, 1, new NumpyRandomState(SEED), INIT_SCALE);
            optimizer = new Adagrad<>(backend, model.parameters(), LEARNING_RATE);
            trainer = new Trainer<>(model, optimizer, GradientClipping.byValue(5));
            int b = PAIRS.size();
            int steps = LENGTH + 1;
            int[] src = new int[steps * b];
            int[] decIn = new int[steps * b];
            int[] decOut = new int[steps * b];
            for (int i = 0; i < b; i++) {
                int[] s = sourceOf(PAIRS.get(i)[0]);
                int[] t = padded(PAIRS.get(i)[1]);
                for (int k = 0; k < steps; k++) { //                   time-major: row k·B + i
                    src[k * b + i] = s[k];
                    decIn[k * b + i] = k == 0 ? START : t[k - 1];
                    decOut[k * b + i] = k < LENGTH ? t[k] : END;
                }
            }
            source = new SequenceBatch(steps, b, new Inputs.OneHot(src), Targets.NONE);
            target = SequenceBatch.ofClasses(steps, b, decIn, decOut);
        }

        @Override
        protected double step() {
            return trainer.step(() -> model.forward(source, target));
        }

        /** Greedy translation of a word (pads removed). */
        public String translate(String word) {
            int[] out = model.translate(sourceOf(word), START, END, LENGTH + 1);
            StringBuilder text = new StringBuilder();
            for (int index : out) {
                if (index != PAD) {
                    text.append(SYMBOLS.charAt(index));
                }
            }
            return text.toString();
        }

        /** Fraction of the six training words translated exactly. */
        @Override
        public Quality quality() {
            int right = 0;
            for (String[] pair : PAIRS) {
                right += translate(pair[0]).equals(pair[1]) ? 1 : 0;
            }
            return new Quality("training pairs translated", right / (double) PAIRS.size(), true);
        }

        @Override
        protected String workloadName() {
            return "seq2seq";
        }

        @Override
        protected CheckpointSpec<M> checkpointSpec() {
            java.util.Map<String, io.rnnbench.core.model.ModelConfig> models = new java.util.LinkedHashMap<>();
            models.put("encoder", model.encoder().config());
            models.put("decoder", model.decoder().config());
            List<String> vocabulary = SYMBOLS.chars().mapToObj(Character::toString).toList();
            return new CheckpointSpec<>(models, vocabulary, "adagrad", java.util.Map.of("learning_rate", LEARNING_RATE,
                    "epsilon", Adagrad.EPSILON, "clip", 5.0), model.parameters(), "m", optimizer.memory());
        }

        public Seq2Seq<M> model() {
            return model;
        }

        public Adagrad<M> optimizer() {
            return optimizer;
        }

        @Override
        public Parameters<M> parameters() {
            return model.parameters();
        }
    }
}

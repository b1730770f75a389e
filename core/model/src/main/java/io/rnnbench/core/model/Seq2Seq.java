package io.rnnbench.core.model;

import io.rnnbench.core.random.RandomSource;
import io.rnnbench.core.spi.Backend;

/**
 * A character encoder–decoder made of two {@link Network}s of the same cell, depth and hidden size (seed 004 §7):
 * <pre>
 * encoder:  s = final state of the encoder over the source        (its head is not used)
 * decoder:  per-step softmax over the target, teacher-forced, starting from s
 * backward: decoder BPTT from the loss, giving dL/ds = decoder.initialStateGradient();
 *           encoder BPTT from dL/ds alone: backwardFromHidden(dH = 0, dFinalState = dL/ds)
 * </pre>
 * The encoder is a {@link Network} with a {@link HeadType#LAST_STEP_SOFTMAX} head of one output: its forward costs
 * one [B, H]·[H, 1] product per sequence, and {@link Network#backwardFromHidden} skips it, so it is left out of
 * {@link #parameters()} (it never changes). A dedicated "no head" type would save that one product and was not
 * worth a new head kind. Parameter names are the networks' own with the prefixes {@code encoder.} and
 * {@code decoder.}. Not thread-safe.
 */
public final class Seq2Seq<M> implements Model<M> {
    private static final String ENCODER = "encoder.";
    private static final String DECODER = "decoder.";

    private final Backend<M> backend;
    private final Network<M> encoder;
    private final Network<M> decoder;
    private final Parameters<M> parameters = new Parameters<>();
    private final Parameters<M> gradients = new Parameters<>();
    private RecurrentState<M> zeroState;
    private RecurrentState<M> encoded;
    /** [T_src·B, H] zeros: no loss reads the encoder's outputs. */
    private M zeroHidden;

    private Seq2Seq(Network<M> encoder, Network<M> decoder) {
        this.backend = encoder.backend();
        this.encoder = encoder;
        this.decoder = decoder;
        for (NamedMatrix<M> p : encoder.parameters()) {
            if (!p.name().startsWith("head.")) {
                parameters.addShared(ENCODER + p.name(), p);
                gradients.addShared(ENCODER + p.name(), encoder.gradients().get(p.name()));
            }
        }
        for (NamedMatrix<M> p : decoder.parameters()) {
            parameters.addShared(DECODER + p.name(), p);
            gradients.addShared(DECODER + p.name(), decoder.gradients().get(p.name()));
        }
    }

    /** The encoder's config for a vocabulary of V symbols. */
    public static ModelConfig encoderConfig(CellType cell, int vocabulary, int hidden, int layers) {
        return new ModelConfig(cell, vocabulary, hidden, layers, 1, HeadType.LAST_STEP_SOFTMAX);
    }

    /** The decoder's config for a vocabulary of V symbols. */
    public static ModelConfig decoderConfig(CellType cell, int vocabulary, int hidden, int layers) {
        return new ModelConfig(cell, vocabulary, hidden, layers, vocabulary, HeadType.PER_STEP_SOFTMAX);
    }

    /** Weights N(0, 1)·initScale (encoder first, each in {@link Network#create}'s order), zero biases. */
    public static <M> Seq2Seq<M> create(Backend<M> backend, CellType cell, int vocabulary, int hidden, int layers,
                                        RandomSource random, double initScale) {
        Network<M> encoder = Network.create(backend, encoderConfig(cell, vocabulary, hidden, layers), random, initScale);
        Network<M> decoder = Network.create(backend, decoderConfig(cell, vocabulary, hidden, layers), random, initScale);
        return new Seq2Seq<>(encoder, decoder);
    }

    /** All parameters zero, to be loaded (e.g. from a checkpoint). */
    public static <M> Seq2Seq<M> zeros(Backend<M> backend, CellType cell, int vocabulary, int hidden, int layers) {
        return new Seq2Seq<>(Network.zeros(backend, encoderConfig(cell, vocabulary, hidden, layers)),
                Network.zeros(backend, decoderConfig(cell, vocabulary, hidden, layers)));
    }

    /**
     * Encodes {@code source} (its targets are ignored) from the zero state and runs the decoder over {@code target}
     * (inputs: start symbol + word; targets: word + end symbol) from the encoder's final state.
     *
     * @return the decoder's loss (summed over steps, averaged over the batch)
     */
    public double forward(SequenceBatch source, SequenceBatch target) {
        if (source.batch() != target.batch()) {
            throw new IllegalArgumentException("seq2seq: source batch " + source.batch() + " and target batch "
                    + target.batch() + " differ");
        }
        int b = source.batch();
        if (zeroState == null || zeroState.batch() != b) {
            zeroState = RecurrentState.zeros(backend, encoder.config(), b);
            encoded = RecurrentState.zeros(backend, encoder.config(), b);
        }
        encoder.forward(new SequenceBatch(source.steps(), b, source.inputs(), Targets.NONE), zeroState);
        encoder.copyFinalState(encoded); //                                   s = encoder's final state
        return decoder.forward(target, encoded);
    }

    /** Gradients of the last {@link #forward}'s loss w.r.t. every parameter of both networks. */
    @Override
    public void backward() {
        decoder.backward(); //                                                 dL/ds = decoder's dState_0
        int rows = backend.rows(encoder.hiddenSequence(encoder.config().layers() - 1));
        if (zeroHidden == null || backend.rows(zeroHidden) != rows) {
            zeroHidden = backend.zeros(rows, encoder.config().hiddenSize()); //    [T_src·B, H]
        }
        encoder.backwardFromHidden(zeroHidden, decoder.initialStateGradient());
    }

    /**
     * Greedy decoding of one source sequence: encode, then feed {@code start}, take the most likely symbol (of equal
     * logits the lowest index, as NumPy's {@code argmax}), feed it back, until {@code end} or {@code maxLength} symbols.
     *
     * @return the decoded symbols without {@code end}
     */
    public int[] translate(int[] source, int start, int end, int maxLength) {
        RecurrentState<M> state = RecurrentState.zeros(backend, encoder.config(), 1);
        encoder.forward(new SequenceBatch(source.length, 1, new Inputs.OneHot(source), Targets.NONE), state);
        encoder.copyFinalState(state);
        int[] out = new int[maxLength];
        int n = 0;
        int previous = start;
        while (n < maxLength) {
            decoder.forward(new SequenceBatch(1, 1, new Inputs.OneHot(new int[] {previous}), Targets.NONE), state);
            decoder.copyFinalState(state);
            double[] logits = backend.toArray(decoder.logits()); //               [1, V] the boundary
            int best = 0;
            for (int j = 1; j < logits.length; j++) {
                if (logits[j] > logits[best]) {
                    best = j;
                }
            }
            if (best == end) {
                break;
            }
            out[n++] = best;
            previous = best;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The trained parameters of both networks (encoder head excluded), names prefixed {@code encoder.}/{@code decoder.}. */
    @Override
    public Parameters<M> parameters() {
        return parameters;
    }

    /** The gradients of the last backward, same names as {@link #parameters()}. */
    @Override
    public Parameters<M> gradients() {
        return gradients;
    }

    public Network<M> encoder() {
        return encoder;
    }

    public Network<M> decoder() {
        return decoder;
    }

    @Override
    public Backend<M> backend() {
        return backend;
    }
}

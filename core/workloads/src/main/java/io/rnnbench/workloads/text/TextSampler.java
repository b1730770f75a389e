package io.rnnbench.workloads.text;

import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.Inputs;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.RecurrentState;
import io.rnnbench.core.model.SequenceBatch;
import io.rnnbench.core.model.Targets;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import io.rnnbench.core.spi.Precision;

/**
 * Text generation from a character language model: the priming text is fed one character at a time, then each
 * next character is drawn from softmax(logits / temperature) with NumPy's {@code choice(V, p)} rule and fed back.
 */
public final class TextSampler {
    private TextSampler() {
    }

    /**
     * Samples {@code length} characters after {@code prime}.
     *
     * @param network     a {@link HeadType#PER_STEP_SOFTMAX} network over {@code vocabulary}
     * @param temperature &gt; 0; below 1 sharper, above 1 flatter than the model
     * @param random      the draws; its stream advances by one uniform per sampled character
     * @return the sampled characters (without the prime)
     */
    public static <M> String sample(Network<M> network, Vocabulary vocabulary, String prime, int length,
                                    double temperature, NumpyRandomState random) {
        if (network.config().head() != HeadType.PER_STEP_SOFTMAX) {
            throw new IllegalArgumentException("sampling needs a per-step softmax head, the network has " + network.config().head());
        }
        if (network.config().inputSize() != vocabulary.size() || network.config().outputSize() != vocabulary.size()) {
            throw new IllegalArgumentException("network is " + network.config().inputSize() + " → " + network.config().outputSize()
                    + " classes but the vocabulary has " + vocabulary.size());
        }
        if (prime == null || prime.isEmpty()) {
            throw new IllegalArgumentException("sampling needs a non-empty priming text");
        }
        if (length < 0) {
            throw new IllegalArgumentException("sample length must be ≥ 0, got " + length);
        }
        if (!(temperature > 0 && Double.isFinite(temperature))) {
            throw new IllegalArgumentException("temperature must be finite and > 0, got " + temperature);
        }
        Backend<M> backend = network.backend();
        RecurrentState<M> state = RecurrentState.zeros(backend, network.config(), 1);
        M probabilities = backend.zeros(1, vocabulary.size()); // [1, V]
        Precision precision = Backends.precision(backend.name()); // of the probabilities choice checks
        int[] primeIndices = vocabulary.encode(prime);
        for (int index : primeIndices) {
            step(network, index, state);
        }
        StringBuilder sampled = new StringBuilder();
        for (int n = 0; n < length; n++) {
            M logits = network.logits(); //                       [1, V]
            backend.copyBlock(logits, 0, 0, probabilities, 0, 0, 1, vocabulary.size());
            backend.scale(1.0 / temperature, probabilities);
            backend.softmax(probabilities, probabilities);
            int next = random.choice(vocabulary.size(), backend.toArray(probabilities), precision);
            sampled.appendCodePoint(vocabulary.codePoint(next));
            step(network, next, state);
        }
        return sampled.toString();
    }

    private static <M> void step(Network<M> network, int index, RecurrentState<M> state) {
        network.forward(new SequenceBatch(1, 1, new Inputs.OneHot(new int[] {index}), Targets.NONE), state);
        network.copyFinalState(state);
    }
}

package io.rnnbench.verification;

import io.rnnbench.core.model.NamedMatrix;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.model.RecurrentState;
import io.rnnbench.core.model.SequenceBatch;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.train.TruncatedBptt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Finite-difference gradient check (DESIGN.md §4): for each checked entry θ_e of every parameter (and, with full
 * BPTT, of the initial state), the central difference n = (L(θ + ε·e) − L(θ − ε·e)) / 2ε in float64 against the
 * analytic gradient a. An entry passes when |a − n| / max(|a|, |n|) ≤ {@link Tolerances#GRADIENT_CHECK_RELATIVE}
 * or |a − n| ≤ {@link Tolerances#GRADIENT_CHECK_ABSOLUTE}. Tensors with more than {@code maxEntries} entries are
 * checked on a seeded sample; every tensor, biases included, is checked.
 *
 * <p>With truncated BPTT the function differentiated is the sum of the chunk losses, each chunk starting from the
 * state the unperturbed run carried into it (a constant: no gradient crosses a chunk boundary).
 */
public final class GradientCheck {
    private GradientCheck() {
    }

    /**
     * The step and tolerances of a check: central differences with step {@code epsilon}; an entry passes when
     * |a − n| / max(|a|, |n|) ≤ {@code relative} or |a − n| ≤ {@code absolute}.
     */
    public record Resolution(double epsilon, double relative, double absolute) {
        /** ε = 1e−6, 1e−6 relative or 1e−8 absolute (DESIGN.md §4). */
        public static final Resolution DEFAULT = new Resolution(Tolerances.GRADIENT_CHECK_EPSILON,
                Tolerances.GRADIENT_CHECK_RELATIVE, Tolerances.GRADIENT_CHECK_ABSOLUTE);

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "ε %.0e, tolerance %.0e relative or %.0e absolute", epsilon, relative, absolute);
        }
    }

    /** Checks the network's gradients on one batch at the {@link Resolution#DEFAULT} resolution. */
    public static <M> Report check(Network<M> network, SequenceBatch batch, RecurrentState<M> initialState,
                                   int truncation, int maxEntries) {
        return check(network, batch, initialState, truncation, maxEntries, Resolution.DEFAULT);
    }

    /** Checks the network's gradients on one batch; the parameters are left as they were. */
    public static <M> Report check(Network<M> network, SequenceBatch batch, RecurrentState<M> initialState,
                                   int truncation, int maxEntries, Resolution resolution) {
        Backend<M> backend = network.backend();
        List<TensorResult> results = new ArrayList<>();
        DoubleSupplier loss;
        Parameters<M> analytic;
        RecurrentState<M> dState = RecurrentState.zeros(backend, network.config(), batch.batch());
        if (truncation > 0) {
            analytic = network.parameters().zerosLike(backend);
            var run = TruncatedBptt.gradient(network, batch, truncation, initialState, analytic);
            loss = () -> TruncatedBptt.loss(network, batch, truncation, run.chunkStarts());
        } else {
            network.forward(batch, initialState);
            network.backward();
            analytic = network.gradients().zerosLike(backend);
            analytic.copyFrom(backend, network.gradients());
            dState.copyFrom(backend, network.initialStateGradient());
            loss = () -> network.forward(batch, initialState);
        }
        for (NamedMatrix<M> p : network.parameters()) {
            results.add(checkTensor(backend, p.name(), p.value(), p.cols(), backend.toArray(analytic.get(p.name()).value()), loss,
                    maxEntries, resolution));
        }
        if (truncation == 0) {
            for (int l = 0; l < initialState.layers(); l++) {
                results.add(checkTensor(backend, "h0[" + l + "]", initialState.h(l), network.config().hiddenSize(),
                        backend.toArray(dState.h(l)), loss, maxEntries, resolution));
                if (initialState.hasCellState()) {
                    results.add(checkTensor(backend, "c0[" + l + "]", initialState.c(l), network.config().hiddenSize(),
                            backend.toArray(dState.c(l)), loss, maxEntries, resolution));
                }
            }
        }
        return new Report(backend.name(), results);
    }

    /**
     * Checks any model's gradients: {@code loss} runs the forward pass from the current parameters and returns the
     * loss; {@code analytic} holds the gradients of the unperturbed loss, one per entry of {@code parameters} under
     * the same names (e.g. an encoder–decoder's). The parameters are left as they were.
     */
    public static <M> Report check(Backend<M> backend, Parameters<M> parameters, Parameters<M> analytic, DoubleSupplier loss,
                                   int maxEntries, Resolution resolution) {
        List<TensorResult> results = new ArrayList<>();
        for (NamedMatrix<M> p : parameters) {
            results.add(checkTensor(backend, p.name(), p.value(), p.cols(), backend.toArray(analytic.get(p.name()).value()), loss,
                    maxEntries, resolution));
        }
        return new Report(backend.name(), results);
    }

    private static <M> TensorResult checkTensor(Backend<M> backend, String name, M tensor, int cols, double[] analytic,
                                                DoubleSupplier loss, int maxEntries, Resolution resolution) {
        double[] values = backend.toArray(tensor);
        TensorResult worst = null;
        for (int e : entries(values.length, maxEntries)) {
            double original = values[e];
            values[e] = original + resolution.epsilon();
            ModelCase.load(backend, tensor, values);
            double plus = loss.getAsDouble();
            values[e] = original - resolution.epsilon();
            ModelCase.load(backend, tensor, values);
            double minus = loss.getAsDouble();
            values[e] = original;
            ModelCase.load(backend, tensor, values);
            double numeric = (plus - minus) / (2 * resolution.epsilon());
            TensorResult entry = new TensorResult(name, e / cols, e % cols, analytic[e], numeric, resolution);
            if (worst == null || entry.badness() > worst.badness()) {
                worst = entry;
            }
        }
        return worst;
    }

    /** All entries, or a seeded sample of {@code maxEntries} of them (always including the first and the last). */
    static int[] entries(int size, int maxEntries) {
        if (size <= maxEntries) {
            return java.util.stream.IntStream.range(0, size).toArray();
        }
        int[] permutation = new NumpyRandomState(Seeds.ENTRY_SAMPLE).permutation(size);
        int[] sample = Arrays.copyOf(permutation, maxEntries);
        sample[0] = 0;
        sample[1] = size - 1;
        return Arrays.stream(sample).distinct().sorted().toArray();
    }

    /** The worst checked entry of one tensor. */
    public record TensorResult(String tensor, int row, int col, double analytic, double numeric, Resolution resolution) {

        public double absoluteError() {
            return Math.abs(analytic - numeric);
        }

        public double relativeError() {
            double scale = Math.max(Math.abs(analytic), Math.abs(numeric));
            return scale == 0 ? 0 : absoluteError() / scale;
        }

        public boolean finite() {
            return Double.isFinite(analytic) && Double.isFinite(numeric);
        }

        public boolean passes() {
            return badness() <= 1.0;
        }

        /** How far past the tolerance: ≤ 1 passes; non-finite values are the worst. */
        double badness() {
            return finite()
                    ? Math.min(relativeError() / resolution.relative(), absoluteError() / resolution.absolute())
                    : Double.POSITIVE_INFINITY;
        }

        @Override
        public String toString() {
            return String.format("%-10s worst at (%d, %d): analytic %.12e, numeric %.12e, |a−n| %.3e, relative %.3e%s",
                    tensor, row, col, analytic, numeric, absoluteError(), relativeError(), passes() ? "" : "  FAIL");
        }
    }

    /** The worst entry of every checked tensor. */
    public record Report(String backend, List<TensorResult> tensors) {

        public boolean passes() {
            return tensors.stream().allMatch(TensorResult::passes);
        }

        /** The worst entry's error as a fraction of the tolerance (≤ 1 passes; ∞ for NaN or ∞). */
        public double worstFractionOfTolerance() {
            return tensors.stream().mapToDouble(TensorResult::badness).max().orElse(0);
        }

        /** Every tensor's worst entry, one per line. */
        public String describe(String context) {
            StringBuilder text = new StringBuilder("gradient check, backend " + backend + ", " + context + ":");
            tensors.forEach(t -> text.append("\n  ").append(t));
            return text.toString();
        }
    }
}

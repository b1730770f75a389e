package io.rnnbench.verification;

import io.rnnbench.core.model.NamedMatrix;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.model.RecurrentState;
import io.rnnbench.core.model.SequenceBatch;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.train.TruncatedBptt;

import java.util.ArrayList;
import java.util.List;

/**
 * The gradient check of a float32 backend: its analytic gradients against {@code raw}'s analytic float64 ones on the
 * same inputs ({@link ToleranceClass#FLOAT32}: central differences in float32 are too coarse). {@code raw}'s
 * gradients are themselves checked against float64 central differences on the same grid, so the comparison
 * inherits that check.
 */
public final class AnalyticGradients {
    private AnalyticGradients() {
    }

    /** One tensor at the array boundary: name, columns (to report an index as (row, column)) and entries. */
    public record Tensor(String name, int cols, double[] values) {
    }

    /**
     * The loss and every gradient of one case: with full BPTT ({@code truncation} 0) the parameters' and the initial
     * state's after one forward/backward, with truncated BPTT the parameters' summed over the chunks.
     */
    public static <M> List<Tensor> of(ModelCase.Instance<M> instance, int truncation) {
        return of(instance.network(), instance.batch(), instance.initialState(), truncation);
    }

    /** {@link #of(ModelCase.Instance, int)} of any network, batch and initial state. */
    public static <M> List<Tensor> of(Network<M> network, SequenceBatch batch, RecurrentState<M> initialState, int truncation) {
        Backend<M> backend = network.backend();
        List<Tensor> tensors = new ArrayList<>();
        if (truncation > 0) {
            Parameters<M> gradients = network.parameters().zerosLike(backend);
            double loss = TruncatedBptt.gradient(network, batch, truncation, initialState, gradients).loss();
            tensors.add(new Tensor("loss", 1, new double[] {loss}));
            add(backend, gradients, tensors);
            return tensors;
        }
        double loss = network.forward(batch, initialState);
        network.backward();
        tensors.add(new Tensor("loss", 1, new double[] {loss}));
        add(backend, network.gradients(), tensors);
        RecurrentState<M> dState = network.initialStateGradient();
        int hidden = network.config().hiddenSize();
        for (int l = 0; l < dState.layers(); l++) {
            tensors.add(new Tensor("dh0[" + l + "]", hidden, backend.toArray(dState.h(l))));
            if (dState.hasCellState()) {
                tensors.add(new Tensor("dc0[" + l + "]", hidden, backend.toArray(dState.c(l))));
            }
        }
        return tensors;
    }

    /** "d" + name of every gradient in {@code gradients}, in order. */
    static <M> void add(Backend<M> backend, Parameters<M> gradients, List<Tensor> tensors) {
        for (NamedMatrix<M> g : gradients) {
            tensors.add(new Tensor("d" + g.name(), g.cols(), backend.toArray(g.value())));
        }
    }

    /**
     * Every tensor of {@code actual} against the same-named one of {@code expected} to {@code tolerance}; fails naming
     * the tensor and its worst entry.
     *
     * @return the worst error as a fraction of its tolerance
     */
    public static double assertClose(String backend, String check, List<Tensor> actual, List<Tensor> expected,
                                     ToleranceClass.Tolerance tolerance) {
        if (actual.size() != expected.size()) {
            throw new AssertionError(backend + ", " + check + ": " + actual.size() + " gradients, reference has " + expected.size());
        }
        double worst = 0;
        for (int i = 0; i < expected.size(); i++) {
            Tensor e = expected.get(i);
            Tensor a = actual.get(i);
            if (!a.name().equals(e.name())) {
                throw new AssertionError(backend + ", " + check + ": gradient " + i + " is " + a.name() + ", reference has " + e.name());
            }
            worst = Math.max(worst, Agreement.assertClose(backend, check, e.name(), e.cols(), a.values(), e.values(), tolerance));
        }
        return worst;
    }
}

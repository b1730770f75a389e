package io.rnnbench.core.train;

import io.rnnbench.core.model.NamedMatrix;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.model.RecurrentState;
import io.rnnbench.core.model.SequenceBatch;

import java.util.ArrayList;
import java.util.List;

/**
 * The truncated-BPTT gradient of a long batch without updating: the sum over chunks of k steps of each chunk's
 * gradient, where a chunk starts from the state the previous chunk ended in, taken as a constant (no gradient
 * crosses a chunk boundary). This is the function {@link #loss} computes, so the two can be checked against each
 * other with finite differences.
 */
public final class TruncatedBptt {
    private TruncatedBptt() {
    }

    /**
     * Computes the truncated-BPTT loss and gradient.
     *
     * @param initialState Not modified.
     * @param gradientSum  same names as the parameters. Modified: overwritten with Σ_chunks dL_chunk/dθ.
     * @return the chunk start states (chunk 0 starts from a copy of {@code initialState}) and the total loss
     */
    public static <M> Result<M> gradient(Network<M> network, SequenceBatch batch, int k,
                                         RecurrentState<M> initialState, Parameters<M> gradientSum) {
        requireChunkLength(k);
        var backend = network.backend();
        gradientSum.zero(backend);
        List<RecurrentState<M>> chunkStarts = new ArrayList<>();
        RecurrentState<M> state = RecurrentState.zeros(backend, network.config(), batch.batch());
        state.copyFrom(backend, initialState);
        double loss = 0;
        for (int from = 0; from < batch.steps(); from += k) {
            RecurrentState<M> start = RecurrentState.zeros(backend, network.config(), batch.batch());
            start.copyFrom(backend, state);
            chunkStarts.add(start);
            loss += network.forward(batch.slice(from, Math.min(from + k, batch.steps())), start);
            network.backward();
            for (NamedMatrix<M> g : network.gradients()) {
                backend.axpy(1.0, g.value(), gradientSum.get(g.name()).value());
            }
            network.copyFinalState(state);
        }
        return new Result<>(loss, chunkStarts);
    }

    /** The truncated-BPTT loss with every chunk starting from the given (fixed) state. */
    public static <M> double loss(Network<M> network, SequenceBatch batch, int k, List<RecurrentState<M>> chunkStarts) {
        requireChunkLength(k);
        double loss = 0;
        int chunk = 0;
        for (int from = 0; from < batch.steps(); from += k) {
            loss += network.forward(batch.slice(from, Math.min(from + k, batch.steps())), chunkStarts.get(chunk++));
        }
        return loss;
    }

    static void requireChunkLength(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("truncated BPTT: chunk length k must be ≥ 1, got " + k);
        }
    }

    /** The total loss and the state each chunk started from. */
    public record Result<M>(double loss, List<RecurrentState<M>> chunkStarts) {
    }
}

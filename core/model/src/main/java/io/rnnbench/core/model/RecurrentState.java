package io.rnnbench.core.model;

import io.rnnbench.core.spi.Backend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The recurrent state of every layer for a batch: h [B, H] per layer and, for the LSTM, c [B, H]. Used as the
 * initial state of a pass, as the final state carried to the next chunk, and as the gradient w.r.t. the
 * initial state.
 */
public final class RecurrentState<M> {
    private final int batch;
    private final List<M> h;
    private final List<M> c;

    private RecurrentState(int batch, List<M> h, List<M> c) {
        this.batch = batch;
        this.h = h;
        this.c = c;
    }

    /** The zero state of {@code config}'s network for a batch of B. */
    public static <M> RecurrentState<M> zeros(Backend<M> backend, ModelConfig config, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("state: batch must be ≥ 1, got " + batch);
        }
        List<M> h = new ArrayList<>();
        List<M> c = new ArrayList<>();
        for (int l = 0; l < config.layers(); l++) {
            h.add(backend.zeros(batch, config.hiddenSize())); // [B, H]
            if (config.cell().hasCellState()) {
                c.add(backend.zeros(batch, config.hiddenSize())); // [B, H]
            }
        }
        return new RecurrentState<>(batch, Collections.unmodifiableList(h), Collections.unmodifiableList(c));
    }

    /** B. */
    public int batch() {
        return batch;
    }

    /** Number of layers. */
    public int layers() {
        return h.size();
    }

    /** h of layer l, [B, H]. */
    public M h(int layer) {
        return h.get(layer);
    }

    /** c of layer l, [B, H]; only for a cell with a memory cell. */
    public M c(int layer) {
        if (c.isEmpty()) {
            throw new IllegalStateException("this state has no memory cell c (the cell is not an LSTM)");
        }
        return c.get(layer);
    }

    /** Whether the state carries c. */
    public boolean hasCellState() {
        return !c.isEmpty();
    }

    /** Sets every entry to zero (e.g. at the start of a new text). */
    public void zero(Backend<M> backend) {
        h.forEach(m -> backend.fill(m, 0.0));
        c.forEach(m -> backend.fill(m, 0.0));
    }

    /** Copies {@code source} (same layers and batch) into this state. */
    public void copyFrom(Backend<M> backend, RecurrentState<M> source) {
        for (int l = 0; l < h.size(); l++) {
            copy(backend, source.h(l), h(l));
            if (hasCellState()) {
                copy(backend, source.c(l), c(l));
            }
        }
    }

    static <M> void copy(Backend<M> backend, M from, M to) {
        backend.copyBlock(from, 0, 0, to, 0, 0, backend.rows(to), backend.cols(to));
    }
}

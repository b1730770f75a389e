package io.rnnbench.verification.golden;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.spi.Backend;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one converter between the seeds' column-vector notation and the core's batch-major layout, both ways.
 *
 * <p>Seeds (Andrew Ng's notebooks): x_t is {@code [n_x, m]} (m = batch), a is {@code [n_a, m]}, a sequence is
 * {@code [n, m, T_x]}; {@code Wax [n_a, n_x]}, {@code Waa [n_a, n_a]}, {@code Wya [n_y, n_a]}, {@code ba [n_a, 1]},
 * {@code by [n_y, 1]}; the LSTM has {@code Wf, Wi, Wc, Wo [n_a, n_a + n_x]} applied to {@code concat([a_prev; x_t])}
 * (a_prev rows FIRST) and {@code bf, bi, bc, bo [n_a, 1]}.
 *
 * <p>Core: x_t is {@code [B, X]}, h is {@code [B, H]}, a sequence is {@code [T·B, X]} with step t of sequence b at
 * row {@code t·B + b}; {@code layer0.wX [X, G]}, {@code layer0.wH [H, G]}, {@code layer0.b [1, G]},
 * {@code head.wY [H, V]}, {@code head.bY [1, V]}; LSTM gate blocks {@code i | f | g | o} with g = c̃.
 * <pre>
 * RNN:   W_x = Waxᵀ   W_h = Waaᵀ   b = baᵀ   W_y = Wyaᵀ   b_y = byᵀ
 * LSTM:  W_x[:, block k] = W_k[:, n_a:]ᵀ   W_h[:, block k] = W_k[:, :n_a]ᵀ   b[block k] = b_kᵀ
 *        for (k, W_k) in (i, Wi), (f, Wf), (g, Wc), (o, Wo)
 * </pre>
 * Gradients go back the same way ({@code dWax = dW_xᵀ}; {@code dWf = [dW_h block f ; dW_x block f]ᵀ}).
 *
 * <p>Maps are keyed by the seeds' names without the {@code d} prefix: {@code Wax, Waa, ba, Wya, by} for the RNN,
 * {@code Wf, bf, Wi, bi, Wc, bc, Wo, bo, Wy, by} for the LSTM.
 */
public final class SeedNotation {
    private SeedNotation() {
    }

    /** The seeds' LSTM gate letters in the core's block order i | f | g | o (the seeds call g "c", c̃). */
    static final String[] LSTM_GATES_IN_CORE_ORDER = {"i", "f", "c", "o"};

    // ---- plain layouts -----------------------------------------------------------------------------

    /** A seed matrix {@code [r, c]} as the row-major entries of its transpose {@code [c, r]}. */
    public static double[] transpose(NdArray a) {
        requireRank(a, 2);
        int rows = a.dim(0);
        int cols = a.dim(1);
        double[] t = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = a.data()[i * cols + j];
            }
        }
        return t;
    }

    /** Core row-major {@code [rows, cols]} entries as the seed matrix {@code [cols, rows]} (its transpose). */
    public static NdArray transposeBack(double[] rowMajor, int rows, int cols) {
        return NdArray.of(cols, rows, transpose(NdArray.of(rows, cols, rowMajor)));
    }

    /** A seed sequence {@code [n, m, T]} as the core's time-major rows {@code [T·m, n]}: row t·m + b, column j = x[j, b, t]. */
    public static double[] sequenceToRows(NdArray x) {
        requireRank(x, 3);
        int n = x.dim(0);
        int m = x.dim(1);
        int steps = x.dim(2);
        double[] rows = new double[steps * m * n];
        for (int j = 0; j < n; j++) {
            for (int b = 0; b < m; b++) {
                for (int t = 0; t < steps; t++) {
                    rows[(t * m + b) * n + j] = x.get(j, b, t);
                }
            }
        }
        return rows;
    }

    /** The core's time-major rows {@code [T·m, n]} as a seed sequence {@code [n, m, T]}. */
    public static NdArray rowsToSequence(double[] rows, int n, int m, int steps) {
        if (rows.length != steps * m * n) {
            throw new IllegalArgumentException("rowsToSequence: " + rows.length + " entries are not [T·m, n] = ["
                    + steps + "·" + m + ", " + n + "]");
        }
        double[] seq = new double[rows.length];
        for (int j = 0; j < n; j++) {
            for (int b = 0; b < m; b++) {
                for (int t = 0; t < steps; t++) {
                    seq[(j * m + b) * steps + t] = rows[(t * m + b) * n + j];
                }
            }
        }
        return new NdArray(new int[] {n, m, steps}, seq);
    }

    /** A seed batch of column vectors {@code [n, m]} as a one-step sequence {@code [n, m, 1]}. */
    public static NdArray asOneStep(NdArray columns) {
        requireRank(columns, 2);
        return new NdArray(new int[] {columns.dim(0), columns.dim(1), 1}, columns.data());
    }

    /** Step t of a seed sequence {@code [n, m, T]}: the columns {@code [n, m]}. */
    public static NdArray step(NdArray sequence, int t) {
        requireRank(sequence, 3);
        int n = sequence.dim(0);
        int m = sequence.dim(1);
        double[] out = new double[n * m];
        for (int j = 0; j < n; j++) {
            for (int b = 0; b < m; b++) {
                out[j * m + b] = sequence.get(j, b, t);
            }
        }
        return NdArray.of(n, m, out);
    }

    /** The first {@code steps} steps of a seed sequence {@code [n, m, T]}. */
    public static NdArray firstSteps(NdArray sequence, int steps) {
        requireRank(sequence, 3);
        int n = sequence.dim(0);
        int m = sequence.dim(1);
        double[] out = new double[n * m * steps];
        for (int j = 0; j < n; j++) {
            for (int b = 0; b < m; b++) {
                for (int t = 0; t < steps; t++) {
                    out[(j * m + b) * steps + t] = sequence.get(j, b, t);
                }
            }
        }
        return new NdArray(new int[] {n, m, steps}, out);
    }

    // ---- networks -------------------------------------------------------------------------------------

    /** The core shape of a seed network: 1 layer; X from Wax (RNN) or W_k minus n_a columns (LSTM); V from the head. */
    public static ModelConfig config(CellType cell, Map<String, NdArray> seed, HeadType head) {
        if (cell == CellType.RNN) {
            NdArray wax = require(seed, "Wax");
            NdArray wya = require(seed, "Wya");
            return new ModelConfig(cell, wax.dim(1), wax.dim(0), 1, wya.dim(0), head);
        }
        NdArray wf = require(seed, "Wf");
        NdArray wy = require(seed, "Wy");
        int hidden = wf.dim(0);
        return new ModelConfig(cell, wf.dim(1) - hidden, hidden, 1, wy.dim(0), head);
    }

    /**
     * Loads seed-notation weights into a one-layer network (RNN: Wax, Waa, ba, Wya, by; LSTM: Wf, bf, Wi, bi, Wc,
     * bc, Wo, bo, Wy, by).
     */
    public static <M> void load(Network<M> network, Map<String, NdArray> seed) {
        load(network, network.parameters(), seed);
    }

    /**
     * Loads seed-notation matrices into a parameter set of {@code network}: its parameters, or its gradients (the
     * seeds' {@code dWax, …} under the keys {@code Wax, …}, e.g. to clip them).
     */
    public static <M> void load(Network<M> network, Parameters<M> p, Map<String, NdArray> seed) {
        Backend<M> backend = network.backend();
        ModelConfig config = network.config();
        if (config.layers() != 1) {
            throw new IllegalArgumentException("the seeds' networks have one layer, this one has " + config.layers());
        }
        int x = config.inputSize();
        int h = config.hiddenSize();
        if (config.cell() == CellType.RNN) {
            p.load(backend, "layer0.wX", transpose(require(seed, "Wax").requireShape("Wax", h, x)));
            p.load(backend, "layer0.wH", transpose(require(seed, "Waa").requireShape("Waa", h, h)));
            p.load(backend, "layer0.b", require(seed, "ba").requireShape("ba", h, 1).data());
        } else {
            int g = 4 * h;
            double[] wX = new double[x * g];
            double[] wH = new double[h * g];
            double[] b = new double[g];
            for (int k = 0; k < 4; k++) {
                String gate = LSTM_GATES_IN_CORE_ORDER[k];
                NdArray w = require(seed, "W" + gate).requireShape("W" + gate, h, h + x);
                NdArray bias = require(seed, "b" + gate).requireShape("b" + gate, h, 1);
                for (int j = 0; j < h; j++) {
                    int col = k * h + j;
                    for (int r = 0; r < h; r++) {
                        wH[r * g + col] = w.get(j, r); //         W_h[r, kH + j] = W_k[j, r]          (a_prev part)
                    }
                    for (int r = 0; r < x; r++) {
                        wX[r * g + col] = w.get(j, h + r); //     W_x[r, kH + j] = W_k[j, n_a + r]    (x part)
                    }
                    b[col] = bias.data()[j];
                }
            }
            p.load(backend, "layer0.wX", wX);
            p.load(backend, "layer0.wH", wH);
            p.load(backend, "layer0.b", b);
        }
        String wy = config.cell() == CellType.RNN ? "Wya" : "Wy";
        p.load(backend, "head.wY", transpose(require(seed, wy).requireShape(wy, config.outputSize(), h)));
        p.load(backend, "head.bY", require(seed, "by").requireShape("by", config.outputSize(), 1).data());
    }

    /**
     * Reads a parameter set of a one-layer network (its parameters, or its gradients) back into seed notation,
     * with the same keys as {@link #load} (a gradient map's {@code Wax} is the seeds' {@code dWax}).
     */
    public static <M> Map<String, NdArray> read(Network<M> network, Parameters<M> set) {
        Backend<M> backend = network.backend();
        ModelConfig config = network.config();
        int x = config.inputSize();
        int h = config.hiddenSize();
        Map<String, NdArray> seed = new LinkedHashMap<>();
        double[] wX = set.toArray(backend, "layer0.wX");
        double[] wH = set.toArray(backend, "layer0.wH");
        double[] b = set.toArray(backend, "layer0.b");
        if (config.cell() == CellType.RNN) {
            seed.put("Wax", transposeBack(wX, x, h));
            seed.put("Waa", transposeBack(wH, h, h));
            seed.put("ba", NdArray.of(h, 1, b));
        } else {
            int g = 4 * h;
            for (int k = 0; k < 4; k++) {
                String gate = LSTM_GATES_IN_CORE_ORDER[k];
                double[] w = new double[h * (h + x)];
                double[] bias = new double[h];
                for (int j = 0; j < h; j++) {
                    int col = k * h + j;
                    for (int r = 0; r < h; r++) {
                        w[j * (h + x) + r] = wH[r * g + col];
                    }
                    for (int r = 0; r < x; r++) {
                        w[j * (h + x) + h + r] = wX[r * g + col];
                    }
                    bias[j] = b[col];
                }
                seed.put("W" + gate, NdArray.of(h, h + x, w));
                seed.put("b" + gate, NdArray.of(h, 1, bias));
            }
        }
        int v = config.outputSize();
        seed.put(config.cell() == CellType.RNN ? "Wya" : "Wy", transposeBack(set.toArray(backend, "head.wY"), h, v));
        seed.put("by", NdArray.of(v, 1, set.toArray(backend, "head.bY")));
        return seed;
    }

    // ---- states ----------------------------------------------------------------------------------------

    /** Writes seed columns {@code [n_a, m]} into a core state matrix {@code [B = m, H = n_a]}. */
    public static <M> void loadState(Backend<M> backend, NdArray columns, M state) {
        requireRank(columns, 2);
        int rows = backend.rows(state);
        int cols = backend.cols(state);
        columns.requireShape("state", cols, rows);
        backend.copyBlock(backend.fromArray(rows, cols, transpose(columns)), 0, 0, state, 0, 0, rows, cols);
    }

    /** A core state matrix {@code [B, H]} as seed columns {@code [H, B]}. */
    public static <M> NdArray readState(Backend<M> backend, M state) {
        return transposeBack(backend.toArray(state), backend.rows(state), backend.cols(state));
    }

    private static NdArray require(Map<String, NdArray> seed, String name) {
        NdArray a = seed.get(name);
        if (a == null) {
            throw new IllegalArgumentException("seed weights: no '" + name + "'; given: " + seed.keySet());
        }
        return a;
    }

    private static void requireRank(NdArray a, int rank) {
        if (a.rank() != rank) {
            throw new IllegalArgumentException("expected a " + rank + "-D array, got shape " + a.shapeString());
        }
    }
}

package io.rnnbench.verification.golden;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.workloads.SeedNotation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The golden cases' arrays ({@link NdArray}, in the seeds' column-vector notation) on the core's batch-major layout:
 * sequences, steps and states here; weights and gradients through {@link io.rnnbench.workloads.SeedNotation}, the
 * one home of the weight mapping (which the dinos workload uses too).
 *
 * <p>Seeds: x_t is {@code [n_x, m]} (m = batch), a is {@code [n_a, m]}, a sequence is {@code [n, m, T_x]}. Core: x_t
 * is {@code [B, X]}, h is {@code [B, H]}, a sequence is {@code [T·B, X]} with step t of sequence b at row
 * {@code t·B + b}.
 */
public final class SeedArrays {
    private SeedArrays() {
    }

    // ---- plain layouts -----------------------------------------------------------------------------

    /** A seed matrix {@code [r, c]} as the row-major entries of its transpose {@code [c, r]}. */
    public static double[] transpose(NdArray a) {
        requireRank(a, 2);
        return SeedNotation.transpose(a.data(), a.dim(0), a.dim(1));
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
     * bc, Wo, bo, Wy, by); every one must be given.
     */
    public static <M> void load(Network<M> network, Map<String, NdArray> seed) {
        load(network, network.parameters(), seed);
    }

    /**
     * Loads seed-notation matrices into a parameter set of {@code network}: its parameters, or its gradients (the
     * seeds' {@code dWax, …} under the keys {@code Wax, …}, e.g. to clip them). Every shape is checked first.
     */
    public static <M> void load(Network<M> network, Parameters<M> p, Map<String, NdArray> seed) {
        ModelConfig config = network.config();
        int x = config.inputSize();
        int h = config.hiddenSize();
        int v = config.outputSize();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        if (config.cell() == CellType.RNN) {
            shapes.put("Wax", new int[] {h, x});
            shapes.put("Waa", new int[] {h, h});
            shapes.put("ba", new int[] {h, 1});
        } else {
            for (String gate : SeedNotation.LSTM_GATES_IN_CORE_ORDER) {
                shapes.put("W" + gate, new int[] {h, h + x});
                shapes.put("b" + gate, new int[] {h, 1});
            }
        }
        shapes.put(SeedNotation.outputWeights(config.cell()), new int[] {v, h});
        shapes.put("by", new int[] {v, 1});
        Map<String, double[]> arrays = new LinkedHashMap<>();
        shapes.forEach((name, shape) -> arrays.put(name, require(seed, name).requireShape(name, shape).data()));
        SeedNotation.load(network, p, arrays);
    }

    /**
     * Reads a parameter set of a one-layer network (its parameters, or its gradients) back into seed notation,
     * with the same keys as {@link #load} (a gradient map's {@code Wax} is the seeds' {@code dWax}).
     */
    public static <M> Map<String, NdArray> read(Network<M> network, Parameters<M> set) {
        ModelConfig config = network.config();
        int h = config.hiddenSize();
        int v = config.outputSize();
        Map<String, NdArray> seed = new LinkedHashMap<>();
        SeedNotation.read(network, set).forEach((name, data) -> {
            int rows = name.equals(SeedNotation.outputWeights(config.cell())) || name.equals("by") ? v : h; // [rows, ·]
            seed.put(name, NdArray.of(rows, data.length / rows, data));
        });
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

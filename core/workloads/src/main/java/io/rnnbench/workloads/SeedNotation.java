package io.rnnbench.workloads;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.model.Parameters;
import io.rnnbench.core.spi.Backend;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one mapping between the seeds' column-vector weights and a one-layer {@link Network}'s batch-major
 * parameters, both ways (the dinos workload loads its seed-drawn weights with it; the verification module's golden
 * cases load and read every weight and gradient with it).
 *
 * <p>Seeds (Andrew Ng's notebooks, seed 002): {@code Wax [n_a, n_x]}, {@code Waa [n_a, n_a]}, {@code Wya [n_y, n_a]},
 * {@code ba [n_a, 1]} (the seed's {@code b}), {@code by [n_y, 1]}; the LSTM has {@code Wf, Wi, Wc, Wo [n_a, n_a + n_x]}
 * applied to {@code concat([a_prev; x_t])} (a_prev rows first), {@code bf, bi, bc, bo [n_a, 1]} and {@code Wy [n_y, n_a]}.
 * Core: {@code layer0.wX [X, G]}, {@code layer0.wH [H, G]}, {@code layer0.b [1, G]}, {@code head.wY [H, V]},
 * {@code head.bY [1, V]}; LSTM gate blocks {@code i | f | g | o} with g = c̃.
 * <pre>
 * RNN:   W_x = Waxᵀ   W_h = Waaᵀ   b = baᵀ   W_y = Wyaᵀ   b_y = byᵀ
 * LSTM:  W_x[:, block k] = W_k[:, n_a:]ᵀ   W_h[:, block k] = W_k[:, :n_a]ᵀ   b[block k] = b_kᵀ
 *        for (k, W_k) in (i, Wi), (f, Wf), (g, Wc), (o, Wo);   W_y = Wyᵀ   b_y = byᵀ
 * </pre>
 * Arrays are row-major {@code double[]} in the seeds' shapes. Maps are keyed by the seeds' names without a
 * {@code d} prefix ({@code Wax, Waa, ba, Wya, by}; {@code Wf, bf, Wi, bi, Wc, bc, Wo, bo, Wy, by}), so a gradient
 * set reads back as the seeds' {@code dWax, …} under {@code Wax, …}.
 */
public final class SeedNotation {
    private SeedNotation() {
    }

    /** The seeds' LSTM gate letters in the core's block order i | f | g | o (the seeds call g "c", c̃). */
    public static final String[] LSTM_GATES_IN_CORE_ORDER = {"i", "f", "c", "o"};

    /** Row-major {@code [rows, cols]} as the row-major entries of its transpose {@code [cols, rows]}. */
    public static double[] transpose(double[] a, int rows, int cols) {
        if (a.length != rows * cols) {
            throw new IllegalArgumentException("transpose: " + a.length + " entries are not [" + rows + ", " + cols + "]");
        }
        double[] t = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = a[i * cols + j];
            }
        }
        return t;
    }

    /** The seed name of the output weights: {@code Wya} (RNN) or {@code Wy} (LSTM). */
    public static String outputWeights(CellType cell) {
        return cell == CellType.RNN ? "Wya" : "Wy";
    }

    /**
     * Loads seed weights into a parameter set of a one-layer {@code network}: its parameters, or its gradients. A
     * key that {@code seed} lacks leaves that core parameter as it is (e.g. zero biases), except that an LSTM gate
     * needs both its W and b or neither.
     */
    public static <M> void load(Network<M> network, Parameters<M> set, Map<String, double[]> seed) {
        Backend<M> backend = network.backend();
        ModelConfig config = requireOneLayer(network.config());
        int x = config.inputSize();
        int h = config.hiddenSize();
        int v = config.outputSize();
        if (config.cell() == CellType.RNN) {
            loadIfPresent(backend, set, "layer0.wX", seed, "Wax", h, x);
            loadIfPresent(backend, set, "layer0.wH", seed, "Waa", h, h);
            loadIfPresent(backend, set, "layer0.b", seed, "ba", h, 1);
        } else {
            int g = 4 * h;
            double[] wX = set.toArray(backend, "layer0.wX");
            double[] wH = set.toArray(backend, "layer0.wH");
            double[] b = set.toArray(backend, "layer0.b");
            for (int k = 0; k < 4; k++) {
                String gate = LSTM_GATES_IN_CORE_ORDER[k];
                double[] w = seed.get("W" + gate);
                double[] bias = seed.get("b" + gate);
                if (w == null && bias == null) {
                    continue;
                }
                requireLength("W" + gate, w, h, h + x);
                requireLength("b" + gate, bias, h, 1);
                for (int j = 0; j < h; j++) {
                    int col = k * h + j;
                    for (int r = 0; r < h; r++) {
                        wH[r * g + col] = w[j * (h + x) + r]; //       W_h[r, kH + j] = W_k[j, r]          (a_prev part)
                    }
                    for (int r = 0; r < x; r++) {
                        wX[r * g + col] = w[j * (h + x) + h + r]; //   W_x[r, kH + j] = W_k[j, n_a + r]    (x part)
                    }
                    b[col] = bias[j];
                }
            }
            set.load(backend, "layer0.wX", wX);
            set.load(backend, "layer0.wH", wH);
            set.load(backend, "layer0.b", b);
        }
        loadIfPresent(backend, set, "head.wY", seed, outputWeights(config.cell()), v, h);
        loadIfPresent(backend, set, "head.bY", seed, "by", v, 1);
    }

    /** Reads a parameter set of a one-layer {@code network} back into seed weights, with {@link #load}'s keys. */
    public static <M> Map<String, double[]> read(Network<M> network, Parameters<M> set) {
        Backend<M> backend = network.backend();
        ModelConfig config = requireOneLayer(network.config());
        int x = config.inputSize();
        int h = config.hiddenSize();
        int v = config.outputSize();
        Map<String, double[]> seed = new LinkedHashMap<>();
        double[] wX = set.toArray(backend, "layer0.wX");
        double[] wH = set.toArray(backend, "layer0.wH");
        double[] b = set.toArray(backend, "layer0.b");
        if (config.cell() == CellType.RNN) {
            seed.put("Wax", transpose(wX, x, h));
            seed.put("Waa", transpose(wH, h, h));
            seed.put("ba", b);
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
                seed.put("W" + gate, w);
                seed.put("b" + gate, bias);
            }
        }
        seed.put(outputWeights(config.cell()), transpose(set.toArray(backend, "head.wY"), h, v));
        seed.put("by", set.toArray(backend, "head.bY"));
        return seed;
    }

    private static <M> void loadIfPresent(Backend<M> backend, Parameters<M> set, String core, Map<String, double[]> seed,
                                          String name, int rows, int cols) {
        double[] a = seed.get(name);
        if (a == null) {
            return;
        }
        requireLength(name, a, rows, cols);
        set.load(backend, core, transpose(a, rows, cols)); // a vector's transpose has the same entries
    }

    private static void requireLength(String name, double[] a, int rows, int cols) {
        if (a == null || a.length != rows * cols) {
            throw new IllegalArgumentException("seed weights: " + name + " must be [" + rows + ", " + cols + "], "
                    + (a == null ? "missing" : "has " + a.length + " entries"));
        }
    }

    private static ModelConfig requireOneLayer(ModelConfig config) {
        if (config.layers() != 1) {
            throw new IllegalArgumentException("the seeds' networks have one layer, this one has " + config.layers());
        }
        if (config.hasEmbedding()) {
            throw new IllegalArgumentException("the seeds' networks read one-hot or dense input, not an embedding");
        }
        return config;
    }
}

package io.rnnbench.verification.golden;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The converter between seed notation and the core layout: layouts and round trips (semantics: the golden cases). */
class SeedArraysTest {

    @Test
    void sequenceRowsAreTimeMajor() {
        // x [n=2, m=3, T=4] with x[j, b, t] = 100j + 10b + t
        double[] data = new double[24];
        for (int j = 0; j < 2; j++) {
            for (int b = 0; b < 3; b++) {
                for (int t = 0; t < 4; t++) {
                    data[(j * 3 + b) * 4 + t] = 100 * j + 10 * b + t;
                }
            }
        }
        NdArray x = new NdArray(new int[] {2, 3, 4}, data);
        double[] rows = SeedArrays.sequenceToRows(x); // [T·m, n]: row t·m + b, column j
        assertEquals(100 * 1 + 10 * 2 + 3, rows[(3 * 3 + 2) * 2 + 1]);
        assertEquals(x, SeedArrays.rowsToSequence(rows, 2, 3, 4));
        assertEquals(NdArray.of(2, 3, new double[] {2, 12, 22, 102, 112, 122}), SeedArrays.step(x, 2));
    }

    @Test
    void transposeRoundTrips() {
        NdArray a = NdArray.of(2, 3, new double[] {1, 2, 3, 4, 5, 6});
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, SeedArrays.transpose(a));
        assertEquals(a, SeedArrays.transposeBack(SeedArrays.transpose(a), 3, 2));
    }

    @Test
    void rnnWeightsRoundTrip() {
        roundTrip(Backends.byName("raw"), CellType.RNN);
    }

    @Test
    void lstmWeightsRoundTripAndLandInTheirGateBlocks() {
        Backend<?> backend = Backends.byName("raw");
        Map<String, NdArray> seed = roundTrip(backend, CellType.LSTM);
        // Wf[j, r] (gate f = core block 1) of the a_prev part lands in W_h[r, 1·H + j]; of the x part in W_x[r − n_a, H + j]
        Network<?> network = loaded(backend, CellType.LSTM, seed);
        int h = 3;
        int g = 4 * h;
        double[] wH = param(network, "layer0.wH");
        double[] wX = param(network, "layer0.wX");
        assertEquals(seed.get("Wf").get(2, 1), wH[1 * g + h + 2]);
        assertEquals(seed.get("Wf").get(2, h + 1), wX[1 * g + h + 2]);
        assertEquals(seed.get("Wc").get(0, 0), wH[2 * h]); //  c̃ is the core's g, block 2
        assertEquals(seed.get("Wo").get(1, h), wX[3 * h + 1]);
    }

    private static Map<String, NdArray> roundTrip(Backend<?> backend, CellType cell) {
        Map<String, NdArray> seed = distinctWeights(cell, 2, 3, 5);
        Network<?> network = loaded(backend, cell, seed);
        Map<String, NdArray> back = read(network);
        assertEquals(seed.keySet(), back.keySet());
        for (String k : seed.keySet()) {
            assertEquals(seed.get(k), back.get(k), k);
        }
        return seed;
    }

    /** Every entry distinct: 1000·(matrix number) + 10·row + column. */
    private static Map<String, NdArray> distinctWeights(CellType cell, int x, int h, int v) {
        Map<String, NdArray> w = new LinkedHashMap<>();
        if (cell == CellType.RNN) {
            w.put("Wax", filled(1, h, x));
            w.put("Waa", filled(2, h, h));
            w.put("ba", filled(3, h, 1));
            w.put("Wya", filled(4, v, h));
        } else {
            int n = 1;
            for (String gate : new String[] {"f", "i", "c", "o"}) {
                w.put("W" + gate, filled(n++, h, h + x));
                w.put("b" + gate, filled(n++, h, 1));
            }
            w.put("Wy", filled(n, v, h));
        }
        w.put("by", filled(9, v, 1));
        return w;
    }

    private static NdArray filled(int matrix, int rows, int cols) {
        double[] d = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                d[i * cols + j] = 1000 * matrix + 10 * i + j;
            }
        }
        return NdArray.of(rows, cols, d);
    }

    private static <M> Network<M> loaded(Backend<M> backend, CellType cell, Map<String, NdArray> seed) {
        Network<M> network = Network.zeros(backend, SeedArrays.config(cell, seed, HeadType.PER_STEP_SOFTMAX));
        SeedArrays.load(network, seed);
        return network;
    }

    private static <M> Map<String, NdArray> read(Network<M> network) {
        return SeedArrays.read(network, network.parameters());
    }

    private static <M> double[] param(Network<M> network, String name) {
        return network.parameters().toArray(network.backend(), name);
    }
}

package io.rnnbench.verification.oracle;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.core.model.NamedMatrix;
import io.rnnbench.core.model.Network;
import io.rnnbench.core.random.NumpyRandomState;
import io.rnnbench.core.spi.Backend;
import io.rnnbench.core.spi.Backends;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Network#create}'s documented initial weights, on {@code raw}: W ~ N(0, 1)·initScale, biases zero, drawn
 * in the order E, then per layer W_x, W_h, then W_y, each row-major.
 *
 * <p>Statistics, per weight matrix of n draws: the mean within 5σ/√n of 0 and the variance s² within
 * 5·√(2/(n − 1))·σ² of σ² = initScale² (the standard deviation of s² for normal draws is σ²·√(2/(n − 1))). The
 * smallest matrix here is E, n = 40·8 = 320 draws, a variance bound of 0.40·σ²; the others have 600 to 3,600. Five
 * standard deviations: a correct draw fails with probability below 1e−6 per check, while a scale off by a factor
 * of 2 (variance ×4 or ×¼) or a matrix left at zero fails on every matrix. The draws are also checked one by one
 * against a second generator of the same seed read in the documented order.
 */
class InitialWeightsTest {
    /** An instance field, not a constant: a mutant of ModelConfig must meet it (PIT does not rerun static initialisers). */
    private final ModelConfig config =
            new ModelConfig(CellType.LSTM, 40, 30, 2, 20, HeadType.PER_STEP_SOFTMAX).withEmbedding(8);
    private static final long SEED = 20261202L;
    private static final double SCALE = 0.05;

    @Test
    void weightsAreScaledNormalDrawsInTheDocumentedOrderAndBiasesZero() {
        check(Backends.byName("raw"));
    }

    private <M> void check(Backend<M> backend) {
        Network<M> network = Network.create(backend, config, new NumpyRandomState(SEED), SCALE);
        NumpyRandomState replay = new NumpyRandomState(SEED);
        int weights = 0;
        for (NamedMatrix<M> p : network.parameters()) {
            double[] values = backend.toArray(p.value());
            if (p.name().endsWith(".b") || p.name().endsWith(".bY")) {
                assertArrayEquals(new double[values.length], values, p.name() + ": biases start at zero");
                continue;
            }
            weights++;
            int n = values.length;
            double mean = 0;
            for (double v : values) {
                mean += v / n;
            }
            double variance = 0;
            for (double v : values) {
                variance += (v - mean) * (v - mean) / (n - 1);
            }
            double sigma2 = SCALE * SCALE;
            assertTrue(Math.abs(mean) <= 5 * SCALE / Math.sqrt(n), p.name() + ": mean " + mean + " of " + n + " draws");
            assertTrue(Math.abs(variance - sigma2) <= 5 * Math.sqrt(2.0 / (n - 1)) * sigma2,
                    p.name() + ": variance " + variance + " of " + n + " draws, expected " + sigma2);
            for (int i = 0; i < n; i++) {
                assertEquals(replay.nextGaussian() * SCALE, values[i], 0.0, p.name() + "[" + i + "] in draw order");
            }
        }
        assertEquals(6, weights, "E, W_x and W_h of two layers, W_y");
    }

    /** The parameters' names in their documented order, and their count: 12,940 entries, summed here by hand. */
    @Test
    void parameterNamesAndCount() {
        names(Backends.byName("raw"));
    }

    private <M> void names(Backend<M> backend) {
        Network<M> network = Network.create(backend, config, new NumpyRandomState(SEED), SCALE);
        assertEquals(java.util.List.of(Network.EMBEDDING, "layer0.wX", "layer0.wH", "layer0.b", "layer1.wX", "layer1.wH", "layer1.b",
                "head.wY", "head.bY"), network.parameters().names());
        assertTrue(network.parameters().contains("layer1.wH"), "contains layer1.wH");
        assertFalse(network.parameters().contains("layer2.wH"), "contains no layer2.wH");
        // E [40, 8]; layer 0: W_x [8, 120], W_h [30, 120], b [1, 120]; layer 1: W_x, W_h [30, 120], b; W_y [30, 20], b_y [1, 20]
        long count = 40 * 8 + (8 * 120 + 30 * 120 + 120) + (30 * 120 + 30 * 120 + 120) + 30 * 20 + 20;
        assertEquals(12_940, count);
        assertEquals(count, config.parameterCount());
    }

    @Test
    void scaleZeroGivesZerosAndBadScalesAreRejected() {
        scales(Backends.byName("raw"));
    }

    private <M> void scales(Backend<M> backend) {
        Network<M> zero = Network.create(backend, config, new NumpyRandomState(SEED), 0.0);
        for (NamedMatrix<M> p : zero.parameters()) {
            for (double v : backend.toArray(p.value())) {
                assertEquals(0.0, v, 0.0, p.name() + " at scale 0"); //     ±0: a negative draw times 0 is −0
            }
        }
        for (double bad : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Network.create(backend, config, new NumpyRandomState(SEED), bad));
            assertTrue(e.getMessage().contains("initScale must be finite and ≥ 0, got " + bad), e.getMessage());
        }
    }
}

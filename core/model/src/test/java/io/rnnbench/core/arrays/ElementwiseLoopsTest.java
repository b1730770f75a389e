package io.rnnbench.core.arrays;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each loop on values small enough to check by hand. */
class ElementwiseLoopsTest {

    @Test
    void backwardFormsUseTheSavedOutput() {
        double[] y = {0.5, -0.5, 0};
        double[] dy = {2, 4, -1};
        double[] dx = new double[3];
        ElementwiseLoops.tanhBackward(y, dy, dx);
        assertArrayEquals(new double[] {1.5, 3, -1}, dx); //    dy · (1 − y²)
        ElementwiseLoops.sigmoidBackward(y, dy, dy); //          in place
        assertArrayEquals(new double[] {0.5, -3, 0}, dy, 0.0); // dy · y · (1 − y); −0 = 0
    }

    @Test
    void productsClampAndTheQuotientUpdate() {
        double[] a = {1, -2, 3};
        double[] b = {4, 0.5, -1};
        double[] out = {10, 10, 10};
        ElementwiseLoops.hadamard(a, b, out);
        assertArrayEquals(new double[] {4, -1, -3}, out);
        ElementwiseLoops.addHadamard(0.5, a, b, out);
        assertArrayEquals(new double[] {6, -1.5, -4.5}, out);
        ElementwiseLoops.clamp(out, -2, 5);
        assertArrayEquals(new double[] {5, -1.5, -2}, out);
        double[] g = {3, -8, 1};
        double[] g2 = {9, 16, 0};
        ElementwiseLoops.addQuotientBySqrt(-1, g, g2, 0, 1, out); // out −= g / (√g2 + 1)
        assertArrayEquals(new double[] {5 - 0.75, -1.5 + 1.6, -2 - 1}, out, 1e-15);
    }

    @Test
    void sigmoidCrossEntropyAtZeroAndLargeLogits() {
        double[] z = {0, 1e4, -1e4};
        double[] y = {1, 0, 0};
        double[] dz = new double[3];
        double loss = ElementwiseLoops.sigmoidCrossEntropy(z, y, 2, dz);
        assertEquals(Math.log(2) + 1e4, loss, 1e-9); //          log 2, then z − 0 + log(1 + e^−1e4), then ≈ 0
        assertArrayEquals(new double[] {2 * (0.5 - 1), 2, 0}, dz, 1e-15);
    }
}

package io.rnnbench.backend.rawsimd;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The vectorized activations against {@code java.lang.Math}, at the limits, and compiled against interpreted. */
class SimdActivationsTest {
    private static final double MAX_ULPS = 4;
    /** What the output holds outside the range. */
    private static final double UNTOUCHED = 12345.0;

    @Test
    void tanhWithinFourUlpsOfMath() {
        assertWithinUlps("tanh", new SimdActivations()::tanh, Math::tanh);
    }

    @Test
    void sigmoidWithinFourUlpsOfMath() {
        assertWithinUlps("sigmoid", new SimdActivations()::sigmoid, x -> 1.0 / (1.0 + Math.exp(-x)));
    }

    /** 200,001 points evenly over [−30, 30], through every k of the reduction, from k = 0 (|x| &lt; 0.17 for tanh) up. */
    @Test
    void denseSweep() {
        int n = 200_001;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -30 + 60.0 * i / (n - 1);
        }
        double[] tanh = new double[n];
        double[] sigmoid = new double[n];
        SimdActivations activations = new SimdActivations();
        activations.tanh(x, tanh, 0, n);
        activations.sigmoid(x, sigmoid, 0, n);
        for (int i = 0; i < n; i++) {
            assertWithinUlps("tanh", x[i], tanh[i], Math.tanh(x[i]));
            assertWithinUlps("sigmoid", x[i], sigmoid[i], 1.0 / (1.0 + Math.exp(-x[i])));
        }
    }

    @Test
    void limitsAsMathGivesThem() {
        double[] x = {Double.NEGATIVE_INFINITY, -1e4, -800, -709.9, -22.5, -1e-300, -0.0, 0.0, 1e-300, 22.5, 709.9, 800, 1e4,
                      Double.POSITIVE_INFINITY, Double.NaN, 0.55, -0.55};
        double[] tanh = new double[x.length];
        double[] sigmoid = new double[x.length];
        SimdActivations activations = new SimdActivations();
        activations.tanh(x, tanh, 0, x.length);
        activations.sigmoid(x, sigmoid, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            assertWithinUlps("tanh", x[i], tanh[i], Math.tanh(x[i]));
            assertWithinUlps("sigmoid", x[i], sigmoid[i], 1.0 / (1.0 + Math.exp(-x[i])));
        }
        assertEquals("[-0.0, 0.0]", Arrays.toString(new double[] {tanh[6], tanh[7]}), "the sign of zero is kept");
    }

    /**
     * The point of computing from exact operations only: the first call (the Vector API running lane by lane,
     * interpreted) and a call after 20,000 (compiled by C2) give the same bits.
     */
    @Test
    void sameBitsInterpretedAndCompiled() {
        double[] x = new Random(7).doubles(1000, -30, 30).toArray();
        double[] firstTanh = new double[x.length];
        double[] firstSigmoid = new double[x.length];
        SimdActivations activations = new SimdActivations();
        activations.tanh(x, firstTanh, 0, x.length);
        activations.sigmoid(x, firstSigmoid, 0, x.length);
        double[] tanh = new double[x.length];
        double[] sigmoid = new double[x.length];
        for (int i = 0; i < 20_000; i++) {
            activations.tanh(x, tanh, 0, x.length);
            activations.sigmoid(x, sigmoid, 0, x.length);
        }
        assertArrayEquals(firstTanh, tanh, "tanh");
        assertArrayEquals(firstSigmoid, sigmoid, "sigmoid");
    }

    /**
     * Every range length 0 .. 40 (whole vectors and every tail), starting at 0 and at 3, over values from ~1e−3 to
     * ~100 in magnitude; the entries outside the range are left as they were.
     */
    private static void assertWithinUlps(String name, ArrayFunction vectorized, DoubleUnaryOperator reference) {
        Random random = new Random(42);
        for (int from : new int[] {0, 3}) {
            for (int n = 0; n <= 40; n++) {
                int to = from + n;
                double[] x = new double[to + 5];
                for (int i = 0; i < x.length; i++) {
                    x[i] = random.nextGaussian() * Math.pow(10, random.nextInt(6) - 3);
                }
                double[] out = new double[x.length];
                Arrays.fill(out, UNTOUCHED);
                vectorized.apply(x, out, from, to);
                for (int i = 0; i < x.length; i++) {
                    if (i < from || i >= to) {
                        assertEquals(UNTOUCHED, out[i], name + " wrote entry " + i + " outside [" + from + ", " + to + ")");
                    } else {
                        assertWithinUlps(name, x[i], out[i], reference.applyAsDouble(x[i]));
                    }
                }
            }
        }
    }

    /** got within {@value #MAX_ULPS} ulps of want; NaN only for NaN, infinities and zeros exactly. */
    private static void assertWithinUlps(String name, double x, double got, double want) {
        boolean ok = Double.compare(got, want) == 0 || Math.abs(got - want) <= MAX_ULPS * Math.ulp(want);
        assertTrue(ok, name + "(" + x + ") = " + got + ", Math gives " + want);
    }

    @FunctionalInterface
    private interface ArrayFunction {
        void apply(double[] x, double[] out, int from, int to);
    }
}

package io.rnnbench.backend.rawsimd.f32;

import org.junit.jupiter.api.Test;

import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The float32 activations against {@code java.lang.Math} rounded to float (within {@value #MAX_ULPS} float ulps; a
 * subnormal σ as a subnormal or 0), at the limits, and position-independent (the tail through the scratch vector gives the same bits as a whole vector).
 */
class F32ActivationsTest {
    /** Float ulps allowed against Math's value rounded to float. */
    private static final double MAX_ULPS = 3;

    /** 400,001 points evenly over [−100, 100], through every k of both reductions, and the limits. */
    @Test
    void withinThreeFloatUlpsOfMathAndTheLimitsAsMathGivesThem() {
        int n = 400_001;
        float[] x = new float[n + 12];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (-100 + 200.0 * i / (n - 1));
        }
        float[] limits = {Float.NEGATIVE_INFINITY, -1e4f, -88.8f, -88.7f, -1e-40f, -0f, 0f, 1e-40f, 88.8f, 1e4f,
                          Float.POSITIVE_INFINITY, Float.NaN};
        System.arraycopy(limits, 0, x, n, limits.length);
        float[] tanh = new float[x.length];
        float[] sigmoid = new float[x.length];
        F32Activations activations = new F32Activations();
        activations.tanh(x, tanh, 0, x.length);
        activations.sigmoid(x, sigmoid, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            assertWithinUlps("tanh", x[i], tanh[i], Math::tanh);
            assertWithinUlps("sigmoid", x[i], sigmoid[i], v -> 1.0 / (1.0 + Math.exp(-v)));
        }
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(tanh[n + 5]), "tanh(−0) is −0");
    }

    /** An entry's value does not depend on where in the range it sits: whole vector or the padded tail. */
    @Test
    void theTailGivesTheSameBitsAsAWholeVector() {
        float[] x = new float[37];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(i) * 7;
        }
        F32Activations activations = new F32Activations();
        for (int from = 0; from < x.length; from++) {
            float[] whole = new float[x.length];
            float[] part = new float[x.length];
            activations.sigmoid(x, whole, 0, x.length);
            activations.sigmoid(x, part, from, from + 1);
            assertEquals(Float.floatToRawIntBits(whole[from]), Float.floatToRawIntBits(part[from]), "σ of entry " + from);
            activations.tanh(x, whole, 0, x.length);
            activations.tanh(x, part, from, from + 1);
            assertEquals(Float.floatToRawIntBits(whole[from]), Float.floatToRawIntBits(part[from]), "tanh of entry " + from);
        }
    }

    /** |ours − f(x) rounded to float| within {@link #MAX_ULPS} float ulps of the reference; NaN and ±∞ exactly. */
    private static void assertWithinUlps(String what, float x, float ours, DoubleUnaryOperator f) {
        float want = (float) f.applyAsDouble(x);
        if (Float.isNaN(want) || Float.isInfinite(want) || want == ours) {
            assertTrue(Float.compare(want, ours) == 0 || want == ours, what + "(" + x + ") = " + ours + ", Math gives " + want);
            return;
        }
        if (Math.abs(want) < Float.MIN_NORMAL) { //  σ below x ≈ −87.3, subnormal: 0 from x = −88.72, where float exp overflows
            assertTrue(Math.abs(ours) < Float.MIN_NORMAL, what + "(" + x + ") = " + ours + ", Math rounded to float " + want);
            return;
        }
        double ulps = Math.abs(ours - want) / Math.ulp(want);
        assertTrue(ulps <= MAX_ULPS, what + "(" + x + ") = " + ours + ", Math rounded to float " + want + ": " + ulps + " ulps");
    }
}

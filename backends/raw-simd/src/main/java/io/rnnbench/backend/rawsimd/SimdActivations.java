package io.rnnbench.backend.rawsimd;

import io.rnnbench.backend.raw.Activations;
import java.math.BigDecimal;
import java.math.MathContext;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Activations} a vector at a time, from exact operations only (fused multiply-add, +, ×, ÷, comparisons, bit
 * shifts), so that every entry is the same bits whether the Vector API runs compiled or, before C2 has compiled
 * it, lane by lane in Java. The Vector API's own {@code TANH} and {@code EXP} are not: compiled they are Intel's
 * SVML routines, interpreted {@code Math}'s, and the bits differ (DESIGN-NOTES.md §7).
 * <pre>
 * e<sup>x</sup>   = 2<sup>k</sup>·e<sup>r</sup>, k = round(x·log₂e), r = x − k·ln 2 (ln 2 in two parts), e<sup>r</sup> by its Taylor series to r¹³, |r| ≤ 0.35
 * σ(x)  = 1 / (1 + e<sup>−x</sup>)                            e<sup>−x</sup> saturated: ∞ below x = −709.78, e<sup>−708</sup> above 708
 * tanh(x) = sign(x)·m / (m + 2), m = e<sup>2|x|</sup> − 1        |x| clamped to 22 (tanh = 1 in double beyond);
 *           for |x| &lt; 0.55, m = e<sup>t</sup> − 1 by its own Taylor series to t²⁰ (t = 2|x|), free of cancellation
 * </pre>
 * Accuracy against {@code Math}: at most 3 ulps for tanh and 2 for σ over [−30, 30] (tested with a bound of 4); the limits (±∞, NaN, ±0) as {@code Math} gives them. The
 * entries past the last whole vector go through the same vector code via a scratch vector, so an entry's value
 * does not depend on its position. One instance per backend instance (the scratch is not shared).
 */
final class SimdActivations implements Activations {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private static final double LOG2_E = 1.4426950408889634;
    /** ln 2 = LN2_HI + LN2_LO; LN2_HI has trailing zero bits, so k·LN2_HI is exact for |k| ≤ 1100. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5·2⁵²: (v + it) − it rounds v to an integer for |v| &lt; 2⁵¹, and the integer sits in v + it's low bits. */
    private static final double ROUNDING = 0x1.8p52;
    /** 1/n! for n = 13 .. 0 (Horner order): e<sup>r</sup>. */
    private static final double[] EXP_SERIES = inverseFactorials(13, 0);
    /** 1/n! for n = 20 .. 1 (Horner order): (e<sup>t</sup> − 1)/t. */
    private static final double[] EXPM1_SERIES = inverseFactorials(20, 1);
    private static final long SIGN_BIT = 0x8000000000000000L;

    /** The last partial vector of a range, padded. */
    private final double[] scratch = new double[LANES];

    @Override
    public void tanh(double[] x, double[] out, int from, int to) {
        apply(true, x, out, from, to);
    }

    @Override
    public void sigmoid(double[] x, double[] out, int from, int to) {
        apply(false, x, out, from, to);
    }

    /**
     * tanh or σ of x[from:to] into out, a vector at a time; the last partial vector through {@link #scratch}. All
     * vector work is in this one method, on purpose: a vector passed to or returned from a method that C2 did not
     * inline is boxed on the heap, and with helper methods per function it did not inline them all (at batch 1,
     * 576 KB allocated per `char` LSTM forward).
     */
    private void apply(boolean tanh, double[] x, double[] out, int from, int to) {
        for (int i = from; i < to; i += LANES) {
            boolean whole = i + LANES <= to;
            if (!whole) {
                System.arraycopy(x, i, scratch, 0, to - i);
            }
            DoubleVector v = DoubleVector.fromArray(SPECIES, whole ? x : scratch, whole ? i : 0);
            // e^arg, arg = 2|x| (tanh, |x| clamped to 22) or −x (σ, clamped to [−708, 709]): 2^k·e^r
            DoubleVector arg = tanh ? v.abs().min(22.0).mul(2.0) : v.neg().max(-708.0).min(709.0);
            DoubleVector shifted = arg.fma(LOG2_E, ROUNDING); //                              ROUNDING + k
            DoubleVector k = shifted.sub(ROUNDING);
            DoubleVector r = k.fma(DoubleVector.broadcast(SPECIES, -LN2_HI), arg);
            r = k.fma(DoubleVector.broadcast(SPECIES, -LN2_LO), r); //                          r = arg − k·ln 2
            DoubleVector twoToK = shifted.reinterpretAsLongs().add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector expR = DoubleVector.broadcast(SPECIES, EXP_SERIES[0]); //              e^r by Horner's rule
            for (int c = 1; c < EXP_SERIES.length; c++) {
                expR = expR.fma(r, DoubleVector.broadcast(SPECIES, EXP_SERIES[c]));
            }
            DoubleVector e = expR.mul(twoToK);
            DoubleVector y;
            if (tanh) {
                // m = e^t − 1, t = 2|x|; below |x| = 0.55 from its own series, free of cancellation
                DoubleVector expm1OverT = DoubleVector.broadcast(SPECIES, EXPM1_SERIES[0]);
                for (int c = 1; c < EXPM1_SERIES.length; c++) {
                    expm1OverT = expm1OverT.fma(arg, DoubleVector.broadcast(SPECIES, EXPM1_SERIES[c]));
                }
                DoubleVector m = e.sub(1.0).blend(arg.mul(expm1OverT), arg.compare(VectorOperators.LT, 1.1));
                DoubleVector magnitude = m.div(m.add(2.0));
                LongVector sign = v.reinterpretAsLongs().and(SIGN_BIT);
                y = magnitude.reinterpretAsLongs().or(sign).reinterpretAsDoubles();
            } else {
                e = e.blend(Double.POSITIVE_INFINITY, v.compare(VectorOperators.LT, -709.78)); // e^−x overflows
                y = DoubleVector.broadcast(SPECIES, 1.0).div(e.add(1.0));
            }
            if (whole) {
                y.intoArray(out, i);
            } else {
                y.intoArray(scratch, 0);
                System.arraycopy(scratch, 0, out, i, to - i);
            }
        }
    }

    /** 1/n! for n = top .. bottom, each the double nearest the exact value. */
    private static double[] inverseFactorials(int top, int bottom) {
        double[] c = new double[top - bottom + 1];
        for (int n = top; n >= bottom; n--) {
            BigDecimal factorial = BigDecimal.ONE;
            for (int f = 2; f <= n; f++) {
                factorial = factorial.multiply(BigDecimal.valueOf(f));
            }
            c[top - n] = BigDecimal.ONE.divide(factorial, MathContext.DECIMAL128).doubleValue();
        }
        return c;
    }
}

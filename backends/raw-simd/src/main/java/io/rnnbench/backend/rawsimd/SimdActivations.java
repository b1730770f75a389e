package io.rnnbench.backend.rawsimd;

import io.rnnbench.backend.raw.Activations;
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
 * e<sup>a</sup> − 1 = 2<sup>k</sup>·(e<sup>r</sup> − 1) + (2<sup>k</sup> − 1), k = round(a·log₂e), r = a − k·ln 2 (ln 2 in two parts), |r| ≤ 0.35
 * e<sup>r</sup> − 1 = r + r²·p(r), p(r) = Σ r<sup>n−2</sup>/n! for n = 2 .. 13 (Taylor to r¹³), by Estrin's scheme
 * tanh(x) = sign(x)·m / (m + 2), m = e<sup>2|x|</sup> − 1    |x| clamped to 22 (tanh = 1 in double beyond); for |x| small
 *           k = 0 and m = e<sup>r</sup> − 1 itself: no cancellation, one series for every x
 * σ(x)  = 1 / (1 + e<sup>−x</sup>)                            e<sup>−x</sup> = ∞ below x = −709.78 (where {@code Math.exp} overflows),
 *                                                        e<sup>−x</sup> = e<sup>−708</sup> above x = 708
 * </pre>
 * Both are computed in halves, w = m/2 = 2<sup>k−1</sup>·(e<sup>r</sup> − 1) + 2<sup>k−1</sup> − ½ and w = e<sup>−x</sup>/2
 * = 2<sup>k−1</sup>·(e<sup>r</sup> − 1) + 2<sup>k−1</sup>, so that 2<sup>k−1</sup> is a normal double for every k up to 1024
 * (e<sup>−x</sup> up to the largest double): tanh = w/(w + 1), σ = ½/(w + ½), the same quotients (scaling by 2 is
 * exact). Accuracy against {@code Math} (2,000,001 points in [−30, 30]): at most 3 ulps for tanh and 2 for σ; 4 for
 * both in denser or wider sweeps (tanh near |x| = 0.2, σ near x = −37), the test's bound; the limits (±∞, NaN, ±0) as
 * {@code Math} gives them. The entries past the last whole vector go through the same vector code via a scratch
 * vector, so an entry's value does not depend on its position. One instance per backend instance (the scratch is
 * not shared).
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
    /** {@code Math.exp(a)} is ∞ for a above this (fdlibm's overflow threshold). */
    private static final double EXP_OVERFLOW = 7.09782712893383973096e+02;
    /** 1/n!, the Taylor coefficients of p(r) = (e<sup>r</sup> − 1 − r)/r². */
    private static final double F2 = inverseFactorial(2), F3 = inverseFactorial(3), F4 = inverseFactorial(4),
        F5 = inverseFactorial(5), F6 = inverseFactorial(6), F7 = inverseFactorial(7), F8 = inverseFactorial(8),
        F9 = inverseFactorial(9), F10 = inverseFactorial(10), F11 = inverseFactorial(11), F12 = inverseFactorial(12),
        F13 = inverseFactorial(13);
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
            // a = 2|x| (tanh, |x| clamped to 22) or −x (σ, clamped to [−708, 709.8], so k ≤ 1024); a = k·ln 2 + r
            DoubleVector a = tanh ? v.abs().min(22.0).mul(2.0) : v.neg().max(-708.0).min(709.8);
            DoubleVector shifted = a.fma(LOG2_E, ROUNDING); //                                ROUNDING + k
            DoubleVector k = shifted.sub(ROUNDING);
            DoubleVector r = k.fma(DoubleVector.broadcast(SPECIES, -LN2_HI), a);
            r = k.fma(DoubleVector.broadcast(SPECIES, -LN2_LO), r); //                          r = a − k·ln 2
            DoubleVector halfTwoToK = shifted.reinterpretAsLongs().add(1022).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles(); // 2^(k−1)
            // p(r) by Estrin's scheme, a short dependency chain instead of Horner's chain of twelve:
            // p = (F2 + F3·r) + r²·(F4 + F5·r) + r⁴·[(F6 + F7·r) + r²·(F8 + F9·r)] + r⁸·[(F10 + F11·r) + r²·(F12 + F13·r)]
            DoubleVector r2 = r.mul(r);
            DoubleVector r4 = r2.mul(r2);
            DoubleVector r8 = r4.mul(r4);
            DoubleVector p23 = r.fma(F3, F2), p45 = r.fma(F5, F4), p67 = r.fma(F7, F6), p89 = r.fma(F9, F8);
            DoubleVector p1011 = r.fma(F11, F10), p1213 = r.fma(F13, F12);
            DoubleVector p2to5 = r2.fma(p45, p23), p6to9 = r2.fma(p89, p67), p10to13 = r2.fma(p1213, p1011);
            DoubleVector p = r8.fma(p10to13, r4.fma(p6to9, p2to5));
            DoubleVector expm1R = r2.fma(p, r); //                                              e^r − 1 = r + r²·p
            DoubleVector y;
            if (tanh) {
                // w = m/2 = 2^(k−1)·(e^r − 1) + (2^(k−1) − ½); for k = 0 that is (e^r − 1)/2 (r = 2|x|: tanh(x) = x for tiny x)
                DoubleVector w = halfTwoToK.fma(expm1R, halfTwoToK.sub(0.5));
                DoubleVector magnitude = w.div(w.add(1.0)); //                                  m/(m + 2)
                LongVector sign = v.reinterpretAsLongs().and(SIGN_BIT);
                y = magnitude.reinterpretAsLongs().or(sign).reinterpretAsDoubles();
            } else {
                // w = e^−x/2 = 2^(k−1)·(e^r − 1) + 2^(k−1); ∞ where Math.exp overflows
                DoubleVector w = halfTwoToK.fma(expm1R, halfTwoToK);
                w = w.blend(Double.POSITIVE_INFINITY, v.compare(VectorOperators.LT, -EXP_OVERFLOW));
                y = DoubleVector.broadcast(SPECIES, 0.5).div(w.add(0.5)); //                   1/(1 + e^−x)
            }
            if (whole) {
                y.intoArray(out, i);
            } else {
                y.intoArray(scratch, 0);
                System.arraycopy(scratch, 0, out, i, to - i);
            }
        }
    }

    /** 1/n!, the double nearest (n! is exact in a double for n ≤ 18, and the quotient is rounded once). */
    private static double inverseFactorial(int n) {
        double factorial = 1;
        for (int f = 2; f <= n; f++) {
            factorial *= f;
        }
        return 1 / factorial;
    }
}

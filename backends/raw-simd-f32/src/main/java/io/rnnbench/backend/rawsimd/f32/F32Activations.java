package io.rnnbench.backend.rawsimd.f32;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * tanh and σ over float arrays, in float32, a vector at a time, from exact operations only (fused multiply-add, +,
 * ×, ÷, comparisons, bit shifts), so that every entry is the same bits whether the Vector API runs compiled or lane
 * by lane before C2 has compiled it. The scheme of {@code raw-simd}'s double activations, with float constants and a
 * series cut where float32 needs it:
 * <pre>
 * e<sup>a</sup> − 1 = 2<sup>k</sup>·(e<sup>r</sup> − 1) + (2<sup>k</sup> − 1), k = round(a·log₂e), r = a − k·ln 2 (ln 2 in two parts, fdlibm's expf), |r| ≤ 0.35
 * e<sup>r</sup> − 1 = r + r²·p(r), p(r) = Σ r<sup>n−2</sup>/n! for n = 2 .. 8: the first term left out, r⁸/9!·… &lt; 6e−10·|r| ≪ u = 2<sup>−24</sup>
 * tanh(x) = sign(x)·m / (m + 2), m = e<sup>2|x|</sup> − 1    |x| clamped to 10 (tanh rounds to 1 in float beyond 9.1)
 * σ(x)   = 1 / (1 + e<sup>−x</sup>)                          e<sup>−x</sup> = ∞ below x = −88.72 (where float exp overflows); −x clamped to [−86, 88.7]
 * </pre>
 * both in halves, w = m/2 and w = e<sup>−x</sup>/2, so that 2<sup>k−1</sup> is a normal float for every k reached
 * (−124 .. 128). The entries past the last whole vector go through the same vector code via a scratch vector, so an
 * entry's value does not depend on its position. One instance per backend instance (the scratch is not shared).
 */
final class F32Activations {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private static final float LOG2_E = 1.44269504f;
    /** ln 2 = LN2_HI + LN2_LO (fdlibm's expf); LN2_HI has 9 trailing zero bits, so k·LN2_HI is exact for |k| ≤ 512. */
    private static final float LN2_HI = 0x1.62e4p-1f;
    private static final float LN2_LO = 0x1.7f7d1cp-20f;
    /** 1.5·2²³: (v + it) − it rounds v to an integer for |v| &lt; 2²², and the integer sits in v + it's low bits. */
    private static final float ROUNDING = 0x1.8p23f;
    /** Float exp(a) overflows for a above this (fdlibm's expf threshold). */
    private static final float EXP_OVERFLOW = 88.7216796875f;
    /** 1/n!, the Taylor coefficients of p(r) = (e<sup>r</sup> − 1 − r)/r². */
    private static final float F2 = inverseFactorial(2), F3 = inverseFactorial(3), F4 = inverseFactorial(4),
        F5 = inverseFactorial(5), F6 = inverseFactorial(6), F7 = inverseFactorial(7), F8 = inverseFactorial(8);
    private static final int SIGN_BIT = 0x80000000;

    /** The last partial vector of a range, padded. */
    private final float[] scratch = new float[LANES];

    /** out[i] = tanh(x[i]) for from ≤ i &lt; to; out may be x. */
    void tanh(float[] x, float[] out, int from, int to) {
        apply(true, x, out, from, to);
    }

    /** out[i] = σ(x[i]) for from ≤ i &lt; to (0 for x → −∞, 1 for x → +∞); out may be x. */
    void sigmoid(float[] x, float[] out, int from, int to) {
        apply(false, x, out, from, to);
    }

    /**
     * tanh (or, if not {@code tanh}, σ) of x[from:to] into out; out may be x. All vector work is in this one method (a
     * vector passed to a method C2 did not inline is boxed).
     */
    void apply(boolean tanh, float[] x, float[] out, int from, int to) {
        for (int i = from; i < to; i += LANES) {
            boolean whole = i + LANES <= to;
            if (!whole) {
                System.arraycopy(x, i, scratch, 0, to - i);
            }
            FloatVector v = FloatVector.fromArray(SPECIES, whole ? x : scratch, whole ? i : 0);
            // a = 2|x| (tanh, |x| clamped to 10) or −x (σ, clamped to [−86, 88.7], so −124 ≤ k ≤ 128); a = k·ln 2 + r
            FloatVector a = tanh ? v.abs().min(10f).mul(2f) : v.neg().max(-86f).min(88.7f);
            FloatVector shifted = a.fma(LOG2_E, ROUNDING); //                                     ROUNDING + k
            FloatVector k = shifted.sub(ROUNDING);
            FloatVector r = k.fma(FloatVector.broadcast(SPECIES, -LN2_HI), a);
            r = k.fma(FloatVector.broadcast(SPECIES, -LN2_LO), r); //                              r = a − k·ln 2
            FloatVector halfTwoToK = shifted.reinterpretAsInts().add(126).lanewise(VectorOperators.LSHL, 23)
                    .reinterpretAsFloats(); //                                                     2^(k−1)
            // p = (F2 + F3·r) + r²·(F4 + F5·r) + r⁴·[(F6 + F7·r) + r²·F8]   (Estrin's scheme)
            FloatVector r2 = r.mul(r);
            FloatVector r4 = r2.mul(r2);
            FloatVector p23 = r.fma(F3, F2);
            FloatVector p45 = r.fma(F5, F4);
            FloatVector p678 = r2.fma(FloatVector.broadcast(SPECIES, F8), r.fma(F7, F6));
            FloatVector p = r4.fma(p678, r2.fma(p45, p23));
            FloatVector expm1R = r2.fma(p, r); //                                                  e^r − 1 = r + r²·p
            FloatVector y;
            if (tanh) {
                // w = m/2 = 2^(k−1)·(e^r − 1) + (2^(k−1) − ½)
                FloatVector w = halfTwoToK.fma(expm1R, halfTwoToK.sub(0.5f));
                FloatVector magnitude = w.div(w.add(1f)); //                                       m/(m + 2)
                IntVector sign = v.reinterpretAsInts().and(SIGN_BIT);
                y = magnitude.reinterpretAsInts().or(sign).reinterpretAsFloats();
            } else {
                // w = e^−x/2 = 2^(k−1)·(e^r − 1) + 2^(k−1); ∞ where float exp overflows
                FloatVector w = halfTwoToK.fma(expm1R, halfTwoToK);
                w = w.blend(Float.POSITIVE_INFINITY, v.compare(VectorOperators.LT, -EXP_OVERFLOW));
                y = FloatVector.broadcast(SPECIES, 0.5f).div(w.add(0.5f)); //                     1/(1 + e^−x)
            }
            if (whole) {
                y.intoArray(out, i);
            } else {
                y.intoArray(scratch, 0);
                System.arraycopy(scratch, 0, out, i, to - i);
            }
        }
    }

    /** 1/n!, the float nearest (n! is exact in a double for n ≤ 18; one rounding to double, one to float). */
    private static float inverseFactorial(int n) {
        double factorial = 1;
        for (int f = 2; f <= n; f++) {
            factorial *= f;
        }
        return (float) (1 / factorial);
    }
}

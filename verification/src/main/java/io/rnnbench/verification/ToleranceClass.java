package io.rnnbench.verification;

import io.rnnbench.core.spi.Backends;
import io.rnnbench.core.spi.Precision;

/**
 * The tolerances a backend is held to, chosen by the {@link Precision} its provider declares: {@link #FLOAT64},
 * DESIGN.md §4's figures, or {@link #FLOAT32}, derived from float32's unit roundoff (verification/README.md, "The
 * float32 tolerance class"). Both compare with {@code raw} (float64); a check passes when |a − b| ≤ atol + rtol·|b|.
 */
public enum ToleranceClass {
    /** Central differences for gradients; every agreement at the float64 tolerances of {@link Tolerances}. */
    FLOAT64(Precision.FLOAT64, new Tolerance(Tolerances.ONE_PASS_ATOL, Tolerances.ONE_PASS_RTOL, false),
            new Tolerance(Tolerances.TRAINED_ATOL, Tolerances.TRAINED_RTOL, false), new Tolerance(0, 0, false)),
    /**
     * Gradients against {@code raw}'s analytic float64 ones on the same inputs (central differences in float32 would
     * err by u·|L|/ε ≈ 6e−8·8/1e−3 = 5e−4 at any usable ε); agreement at the float32 tolerances of {@link Tolerances}.
     */
    FLOAT32(Precision.FLOAT32, new Tolerance(Tolerances.F32_ONE_PASS_ATOL, Tolerances.F32_ONE_PASS_RTOL, true),
            new Tolerance(Tolerances.F32_TRAINED_ATOL, Tolerances.F32_TRAINED_RTOL, true),
            new Tolerance(Tolerances.F32_GOLDEN_ATOL, Tolerances.F32_GOLDEN_RTOL, true));

    /**
     * |a − b| ≤ atol + rtol·|b| for every entry of a tensor; with {@code normwise}, atol is relative to the tensor's
     * scale, |a − b| ≤ atol·max(1, max<sub>j</sub>|b<sub>j</sub>|) + rtol·|b|: a float32 error bound is normwise
     * (u·n·‖x‖‖y‖ for a dot product), and an entry that cancels to near 0 keeps the absolute error of its terms.
     */
    public record Tolerance(double atol, double rtol, boolean normwise) {
        /** The absolute part for a tensor whose reference entries are {@code expected}. */
        public double atolFor(double[] expected) {
            if (!normwise) {
                return atol;
            }
            double scale = 1;
            for (double b : expected) {
                if (Double.isFinite(b)) {
                    scale = Math.max(scale, Math.abs(b));
                }
            }
            return atol * scale;
        }
    }

    private final Precision precision;
    private final Tolerance onePass;
    private final Tolerance trained;
    private final Tolerance goldenFloor;

    ToleranceClass(Precision precision, Tolerance onePass, Tolerance trained, Tolerance goldenFloor) {
        this.precision = precision;
        this.onePass = onePass;
        this.trained = trained;
        this.goldenFloor = goldenFloor;
    }

    /** The class of the backend registered as {@code backendName}, by its declared precision. */
    public static ToleranceClass of(String backendName) {
        return Backends.precision(backendName) == Precision.FLOAT32 ? FLOAT32 : FLOAT64;
    }

    /** Whether gradients are checked against central differences (float64), or else against {@code raw}'s analytic ones. */
    public boolean centralDifferences() {
        return precision == Precision.FLOAT64;
    }

    /**
     * One primitive operation against {@code raw}, each entry of whose result sums {@code terms} rounded products
     * (a GEMM's k, a column sum's rows; 1 for an element-wise operation). Float64: DESIGN.md §4's one-pass tolerance
     * whatever the count. Float32: atol = rtol = (terms + {@value Tolerances#F32_PRIMITIVE_ROUNDINGS})·
     * {@value Tolerances#F32_PRIMITIVE_SAFETY}·u, the bound γ<sub>n</sub> ≈ n·u of a sum of n rounded terms with the
     * inputs' and the result's roundings counted, and a safety factor for the operations whose inputs' rounding is
     * amplified (1 − y for y near 1).
     */
    public Tolerance primitive(int terms) {
        if (precision == Precision.FLOAT64) {
            return onePass;
        }
        double bound = (terms + Tolerances.F32_PRIMITIVE_ROUNDINGS) * Tolerances.F32_PRIMITIVE_SAFETY * precision.unitRoundoff();
        return new Tolerance(bound, bound, true);
    }

    /** Logits, loss, gradients and initial-state gradients after one forward/backward, against {@code raw}. */
    public Tolerance onePass() {
        return onePass;
    }

    /** Every parameter after training, against {@code raw}. */
    public Tolerance trained() {
        return trained;
    }

    /**
     * A golden fixture's own tolerance, widened to this class's floor: float64 keeps the fixture's, float32 takes at
     * least {@link Tolerances#F32_GOLDEN_ATOL}·max(1, max|b|) + {@link Tolerances#F32_GOLDEN_RTOL}·|b|.
     *
     * @param expected the reference entries of the tensor compared
     */
    public Tolerance golden(double atol, double rtol, double[] expected) {
        return new Tolerance(Math.max(atol, goldenFloor.atolFor(expected)), Math.max(rtol, goldenFloor.rtol()), false);
    }

    /**
     * How many steps of a chaotic recurrence stay comparable with a float64 reference, given that a float64
     * backend's stay comparable for {@code float64Prefix}: rounding differences of the order of u grow by some factor
     * g per step until they reach the margin a decision has (a sampled index), g<sup>P</sup> ≈ margin/u, so the
     * prefix scales as log(u): P·log(u)/log(u<sub>64</sub>), 19 of 43 steps for float32.
     */
    public int robustPrefix(int float64Prefix) {
        return (int) Math.floor(float64Prefix * Math.log(precision.unitRoundoff()) / Math.log(Precision.FLOAT64.unitRoundoff()));
    }

    /**
     * A hand-derived check's float64 tolerance of a few roundings (1e−15 on values near 1, 4 ulps), as the same number
     * of roundings at this precision: {@code float64Tolerance}·u/u<sub>64</sub> (× 2<sup>29</sup> for float32).
     */
    public double scaled(double float64Tolerance) {
        return float64Tolerance * (precision.unitRoundoff() / Precision.FLOAT64.unitRoundoff());
    }

    /** {@code values} as this precision stores them (rounded to float for float32), for exact comparisons. */
    public double[] representable(double[] values) {
        double[] out = values.clone();
        if (precision == Precision.FLOAT32) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) out[i];
            }
        }
        return out;
    }
}

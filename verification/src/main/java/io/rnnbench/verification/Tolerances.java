package io.rnnbench.verification;

/** One named constant per numerical claim of DESIGN.md §4. A check passes when |a − b| ≤ atol + rtol·|b|. */
public final class Tolerances {
    private Tolerances() {
    }

    /** Central-difference step ε of the gradient check. */
    public static final double GRADIENT_CHECK_EPSILON = 1e-6;
    /** Gradient check: relative error |a − n| / max(|a|, |n|) at most this … */
    public static final double GRADIENT_CHECK_RELATIVE = 1e-6;
    /** … or absolute error |a − n| at most this. */
    public static final double GRADIENT_CHECK_ABSOLUTE = 1e-8;

    /**
     * Central-difference step ε for networks with a per-step sigmoid head (verification/README.md, "Choosing ε for
     * the per-step sigmoid head"): its loss sums V binary cross-entropies per step, ≈ 19 on the grid's networks
     * against ≈ 8 for a softmax head, so at ε = 1e−6 the rounding error c·u·|L|/ε reaches 9e−9 of the 1e−8
     * absolute tolerance; the truncation error ε²·|L‴|/6 (measured |L‴|/6 ≤ 1.2) is 1e−9 at 3e−5, near the
     * optimum ε* = (c·u·|L| / (2·|L‴|/6))^(1/3) ≈ 1.4e−5. Worst measured error at 3e−5: 1.2e−9, 3 % of the tolerance.
     */
    public static final double SIGMOID_HEAD_EPSILON = 3e-5;

    /** Cross-backend agreement after one forward/backward: atol. */
    public static final double ONE_PASS_ATOL = 1e-12;
    /** Cross-backend agreement after one forward/backward: rtol. */
    public static final double ONE_PASS_RTOL = 1e-10;

    /** Cross-backend agreement of every parameter after {@link #TRAINING_STEPS} training steps: atol. */
    public static final double TRAINED_ATOL = 1e-9;
    /** Cross-backend agreement of every parameter after {@link #TRAINING_STEPS} training steps: rtol. */
    public static final double TRAINED_RTOL = 1e-7;
    /** Training steps before comparing parameters across backends. */
    public static final int TRAINING_STEPS = 100;

    // ---- the float32 tolerance class (verification/README.md, "The float32 tolerance class") ------------------------
    // u = 2^-24. A float32 result errs by about n·u relative to the scale of its terms, n the longest chain of
    // roundings behind it; the class's tolerances are normwise (ToleranceClass.Tolerance): atol·max(1, max|b|) + rtol·|b|.

    /** Primitive operations, float32: roundings counted besides the n summed terms (two inputs, the result). */
    public static final int F32_PRIMITIVE_ROUNDINGS = 3;
    /** Primitive operations, float32: the factor on γ = (n + 3)·u (the bound of a sum of n rounded terms). */
    public static final int F32_PRIMITIVE_SAFETY = 2;

    /**
     * Agreement with raw after one forward/backward, float32: n·T·u with n = X + H the longest dot product and T the
     * steps the recurrence carries an error through; the largest of the suites' cases is X + H = 98, T = 9 (awkward
     * shapes): 882·u = 5.3e−5, rounded up to 2<sup>−14</sup> = 6.1e−5. Also the tolerance of the float32 gradient check
     * (analytic gradients against raw's) and of truncated against full BPTT.
     */
    public static final double F32_ONE_PASS_ATOL = 0x1p-14;
    /** … and rtol. */
    public static final double F32_ONE_PASS_RTOL = 0x1p-14;

    /**
     * Agreement with raw after training, float32: each step moves a weight by at most the learning rate times the
     * normalised gradient (Adagrad, Adam), so a one-pass error ε adds at most lr·ε per step: N·lr·ε = 100·0.03·6.1e−5
     * (the 100 Adagrad steps; 30·0.05 for the other configurations) = 1.8e−4, rounded up to 2<sup>−12</sup> = 2.4e−4.
     */
    public static final double F32_TRAINED_ATOL = 0x1p-12;
    /** … and rtol. */
    public static final double F32_TRAINED_RTOL = 0x1p-12;

    /**
     * Golden values, float32, the least tolerance a fixture comparison gets: n·T·u for the seeds' char RNN, n = X + H =
     * 27 + 100, T = 6, is 4.5e−5; the seeds draw their weights N(0, 1) unscaled, so pre-activations reach |z| ≈ 10 from
     * terms of Σ|w·a| ≈ 80 (errors grow with Σ|w·a|, not |z|): × 4, rounded up to 2<sup>−12</sup> = 2.4e−4. NumPy's own
     * float32 run of the {@code optimize} case errs by 4.7e−5 of the largest gradient.
     */
    public static final double F32_GOLDEN_ATOL = 0x1p-12;
    /** … and rtol. */
    public static final double F32_GOLDEN_RTOL = 0x1p-12;
}

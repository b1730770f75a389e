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
}

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

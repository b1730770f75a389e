package io.rnnbench.verification.golden;

/**
 * Tolerances of the golden checks that the fixtures do not carry themselves (each seed-002 case and each dinos
 * checkpoint has its own). A check passes when |a − b| ≤ atol + rtol·|b|.
 */
public final class GoldenTolerances {
    private GoldenTolerances() {
    }

    /**
     * Regenerated inputs vs the stored ones: |a − b| ≤ DRAW_ULPS·2<sup>−52</sup>·|b|. Uniform draws are bit-exact; a
     * Gaussian differs by a relative 1–2·2<sup>−53</sup> where Java's {@code Math.log} and glibc's {@code log} round
     * differently (see {@code NumpyRandomState}), which counts as up to 3 ulps just below a power of two (seed 2,
     * Gaussian #3248 of the {@code sample} case); a scaled draw ({@code randn·scale}) is one rounded multiply of that.
     */
    public static final long DRAW_ULPS = 2;

    /**
     * {@code sample}: softmax probabilities of the first steps (the fixture's {@code probs_first_steps}), before the
     * recurrence with unscaled weights amplifies rounding: atol.
     */
    public static final double SAMPLE_PROBS_ATOL = 1e-12;
    /** … and rtol. */
    public static final double SAMPLE_PROBS_RTOL = 1e-9;

    /**
     * Dinos run: the core's loss of a step against the seed's definition Σ_t −log(softmax(z_t)[Y_t]) recomputed from
     * the core's logits (log-sum-exp vs log of a normalised exponential: a few ulps per step): rtol.
     */
    public static final double LOSS_DEFINITION_RTOL = 1e-13;

    /** Dinos run: the starting smoothed loss −ln(1/V)·7 against the fixture's {@code initial_loss}: rtol. */
    public static final double INITIAL_LOSS_RTOL = 1e-15;
}

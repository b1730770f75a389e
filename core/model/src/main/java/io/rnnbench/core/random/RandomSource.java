package io.rnnbench.core.random;

/**
 * A seeded stream of random draws. Every random choice of the core (initial weights, shuffles, sampling)
 * goes through an instance passed in explicitly; there is no global generator.
 */
public interface RandomSource {

    /** A uniform draw in [0, 1). */
    double nextDouble();

    /** A standard normal draw. */
    double nextGaussian();

    /** A uniform integer in [0, bound); bound ≥ 1. */
    int nextInt(int bound);
}

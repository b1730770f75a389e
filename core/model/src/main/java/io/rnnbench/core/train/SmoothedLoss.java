package io.rnnbench.core.train;

/** The seeds' running loss: starts at the loss of a uniform guess, then L ← 0.999·L + 0.001·l per step. */
public final class SmoothedLoss {
    private double value;

    public SmoothedLoss(double initial) {
        this.value = initial;
    }

    /** −ln(1/V)·T: the loss of guessing uniformly over V classes for T steps, the seeds' starting value. */
    public static SmoothedLoss fromUniformGuess(int classes, int steps) {
        return new SmoothedLoss(-Math.log(1.0 / classes) * steps);
    }

    /** Folds in one step's loss and returns the new smoothed value. */
    public double update(double loss) {
        value = 0.999 * value + 0.001 * loss;
        return value;
    }

    public double value() {
        return value;
    }
}

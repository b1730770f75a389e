package io.rnnbench.core.train;

/** Checks of training hyperparameters, with messages that name the parameter and the value. */
final class Hyperparameters {
    private Hyperparameters() {
    }

    static double requirePositive(String name, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }

    static double requireFraction(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
        return value;
    }
}

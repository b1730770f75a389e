package io.rnnbench.verification;

import static org.junit.jupiter.api.Assertions.fail;

/** Elementwise comparison |a − b| ≤ atol + rtol·|b| with a failure message that says where and by how much. */
public final class Agreement {
    private Agreement() {
    }

    /**
     * Fails unless every entry of {@code actual} is within tolerance of {@code expected}; the message names the
     * backend, the check, the tensor, the worst index (row, column), both values and the relative error.
     *
     * @param cols columns of the tensor, to report a row-major index as (row, column)
     * @return the worst error as a fraction of its allowance (≤ 1 when the assertion passes)
     */
    public static double assertClose(String backend, String check, String tensor, int cols, double[] actual,
                                   double[] expected, double atol, double rtol) {
        if (actual.length != expected.length) {
            fail(backend + ", " + check + ", " + tensor + ": " + actual.length + " entries, reference has " + expected.length);
        }
        int worst = -1;
        double worstExcess = 0.0;
        for (int i = 0; i < actual.length; i++) {
            double allowed = atol + rtol * Math.abs(expected[i]);
            double error = Math.abs(actual[i] - expected[i]);
            double excess = Double.isFinite(actual[i]) && Double.isFinite(expected[i]) ? error / allowed : Double.POSITIVE_INFINITY;
            if (excess > worstExcess) {
                worst = i;
                worstExcess = excess;
            }
        }
        if (worstExcess > 1.0) {
            double a = actual[worst];
            double b = expected[worst];
            fail(String.format("%s, %s, %s: worst at (%d, %d): %s %.17g, reference %.17g, |a−b| %.3e, relative %.3e "
                            + "(allowed %.1e + %.1e·|b|)", backend, check, tensor, worst / cols, worst % cols, backend, a, b,
                    Math.abs(a - b), Math.abs(a - b) / Math.max(Math.abs(b), Double.MIN_NORMAL), atol, rtol));
        }
        return worstExcess;
    }

    /** {@link #assertClose} to a {@link ToleranceClass.Tolerance} (its atol scaled to the tensor when it is normwise). */
    public static double assertClose(String backend, String check, String tensor, int cols, double[] actual,
                                     double[] expected, ToleranceClass.Tolerance tolerance) {
        return assertClose(backend, check, tensor, cols, actual, expected, tolerance.atolFor(expected), tolerance.rtol());
    }

    /** {@link #assertClose} for one number. */
    public static double assertClose(String backend, String check, String what, double actual, double expected, double atol, double rtol) {
        return assertClose(backend, check, what, 1, new double[] {actual}, new double[] {expected}, atol, rtol);
    }
}

package io.rnnbench.benchmarks.rnn;

import java.util.function.IntToDoubleFunction;

/**
 * The check every benchmark passes before it is timed: the backend's forward pass (logits and loss) agrees with
 * the raw backend's on the same seeded network and batch, entrywise |a − b| ≤ {@value #ABSOLUTE} +
 * {@value #RELATIVE}·|b| (DESIGN §4's tolerance after training; bits are not expected to match, since summation
 * orders differ). A backend that computes something else gets no number.
 */
public final class AgreementCheck {
    /** Absolute part of the tolerance. */
    public static final double ABSOLUTE = 1e-9;
    /** Relative part of the tolerance. */
    public static final double RELATIVE = 1e-7;

    private AgreementCheck() {
    }

    /**
     * Runs one forward on each network and compares loss and logits.
     *
     * @param candidate the backend to be benchmarked
     * @param reference the same network and batch on the raw backend
     * @throws IllegalStateException naming the backend, the worst entry and both values when they disagree
     */
    public static void requireAgreement(BenchmarkNetwork<?> candidate, BenchmarkNetwork<?> reference) {
        double loss = candidate.forward();
        double referenceLoss = reference.forward();
        if (!within(loss, referenceLoss)) {
            throw new IllegalStateException(disagreement(candidate, reference, "loss", loss, referenceLoss));
        }
        double[] logits = candidate.logitsArray();
        double[] referenceLogits = reference.logitsArray();
        if (logits.length != referenceLogits.length) {
            throw new IllegalStateException("backend " + candidate.backendName() + " returned " + logits.length
                    + " logits, " + reference.backendName() + " " + referenceLogits.length);
        }
        int worst = worstEntry(logits, referenceLogits, i -> tolerance(referenceLogits[i]));
        if (worst >= 0) {
            throw new IllegalStateException(disagreement(candidate, reference, "logit " + worst, logits[worst],
                    referenceLogits[worst]));
        }
    }

    /**
     * The entry that misses its tolerance by the most, |values[i] − reference[i]| − tolerance(i); a NaN misses by
     * infinitely much.
     *
     * @return its index, or −1 when every entry is within its tolerance
     */
    public static int worstEntry(double[] values, double[] reference, IntToDoubleFunction tolerance) {
        int worst = -1;
        double worstExcess = 0;
        for (int i = 0; i < values.length; i++) {
            double excess = Math.abs(values[i] - reference[i]) - tolerance.applyAsDouble(i);
            if (!(excess <= worstExcess)) { // NaN counts as a disagreement
                worst = i;
                worstExcess = Double.isNaN(excess) ? Double.POSITIVE_INFINITY : excess;
            }
        }
        return worst;
    }

    static boolean within(double value, double reference) {
        return Math.abs(value - reference) <= tolerance(reference);
    }

    private static double tolerance(double reference) {
        return ABSOLUTE + RELATIVE * Math.abs(reference);
    }

    private static String disagreement(BenchmarkNetwork<?> candidate, BenchmarkNetwork<?> reference, String what, double value,
                                       double referenceValue) {
        return "backend " + candidate.backendName() + " disagrees with " + reference.backendName() + " on the forward pass, "
                + "so it is not benchmarked: " + what + " is " + value + ", expected " + referenceValue + " ± "
                + tolerance(referenceValue) + " (|a − b| ≤ " + ABSOLUTE + " + " + RELATIVE + "·|b|)";
    }
}

package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.stats.PairwiseVerdict.Kind;
import io.rnnbench.benchmarks.stats.PairwiseVerdict;

import java.util.Locale;

/**
 * One backend's place in its comparison group: its measurement, its time over the fastest one's, and the pairwise
 * verdict of the fastest against it.
 *
 * @param measurement    the backend's result
 * @param ratioToFastest time(this) / time(fastest): the verdict's Hodges–Lehmann ratio when it has one, else the ratio
 *                       of the medians; 1 for the fastest
 * @param versusFastest  the verdict on the fastest (A) against this backend (B); null for the fastest itself
 * @param <M>            the kind of measurement
 */
public record Standing<M extends TimedScore>(M measurement, double ratioToFastest, PairwiseVerdict versusFastest) {

    /** Whether this is the group's fastest backend (the lowest median time). */
    public boolean isFastest() {
        return versusFastest == null;
    }

    /** Whether the fastest is decided faster than this backend. */
    public boolean slower() {
        return versusFastest != null && versusFastest.kind() == Kind.A_FASTER;
    }

    /** Whether this backend is decided the same as the fastest within the band. */
    public boolean same() {
        return versusFastest != null && versusFastest.kind() == Kind.SAME;
    }

    /** Whether the run could not tell this backend from the fastest. */
    public boolean undecided() {
        return versusFastest != null && versusFastest.kind() == Kind.UNDECIDED;
    }

    /** Whether this backend is a choice as good as the fastest as far as the run can tell: not decided slower. */
    public boolean contender() {
        return !slower();
    }

    /**
     * The "× fastest" cell: "1 (fastest)"; "1.43× [1.38, 1.49]" decided slower; "≈ 1.01× [0.98, 1.03]" the same within
     * the band; "? 1.04× [0.97, 1.12]" undecided; "? 1.04×, 1 + 1 forks" without an interval.
     */
    public String timesFastest() {
        if (isFastest()) {
            return "1 (fastest)";
        }
        if (!Double.isFinite(versusFastest.low()) || !Double.isFinite(versusFastest.high()) || versusFastest.low() <= 0) {
            return shortTimesFastest() + String.format(Locale.ROOT, ", %d + %d forks", versusFastest.forksA(), versusFastest.forksB());
        }
        return shortTimesFastest() + " [" + number(versusFastest.low()) + ", " + number(versusFastest.high()) + "]";
    }

    /** The ratio with its mark only: "1 (fastest)", "1.43×", "≈ 1.01×", "? 1.04×". */
    public String shortTimesFastest() {
        if (isFastest()) {
            return "1 (fastest)";
        }
        return (same() ? "≈ " : slower() ? "" : "? ") + times(ratioToFastest);
    }

    /** "1.8×", "12×". */
    static String times(double ratio) {
        return String.format(Locale.ROOT, ratio >= 10 ? "%.0f×" : "%.2f×", ratio);
    }

    private static String number(double x) {
        return String.format(Locale.ROOT, x >= 10 ? "%.0f" : "%.2f", x);
    }
}

package io.rnnbench.benchmarks.stats;

import java.util.Locale;

/**
 * Which of two backends is faster, from their per-fork times: the Hodges–Lehmann estimate of the time ratio B / A
 * with its distribution-free interval ({@link RankStatistics#shift} on the logarithms), and a verdict that never says
 * more than the interval does:
 * <ul>
 *   <li>{@link Kind#SAME}: the whole interval lies within ±{@code sameWithin} (e.g. 5%) of 1;</li>
 *   <li>{@link Kind#A_FASTER} / {@link Kind#B_FASTER}: the interval excludes 1 (and is not {@code SAME});</li>
 *   <li>{@link Kind#UNDECIDED}: the interval holds 1 and reaches beyond the band: more forks could decide it.</li>
 * </ul>
 * So a pair is never "faster" while its interval includes 1.0, and never "the same" while it reaches beyond the band.
 * When to look at the forks and with which α is {@link VerdictPolicy}'s business.
 *
 * @param ratio  time(B) / time(A): above 1 when A is faster
 * @param low    lower end of the ratio's interval
 * @param high   upper end
 * @param forksA forks of A behind it
 * @param forksB forks of B
 */
public record PairwiseVerdict(Kind kind, double ratio, double low, double high, int forksA, int forksB) {

    /** The verdict on A against B. */
    public enum Kind { A_FASTER, B_FASTER, SAME, UNDECIDED }

    /**
     * The verdict on per-fork times (any one time unit, positive).
     *
     * @param alpha      1 − the interval's level
     * @param sameWithin the band of "the same", e.g. 0.05 for ±5%
     * @throws IllegalArgumentException for a time that is not positive and finite
     */
    public static PairwiseVerdict of(double[] timesA, double[] timesB, double alpha, double sameWithin) {
        RankStatistics.Shift shift = RankStatistics.shift(logs(timesA, "A"), logs(timesB, "B"), alpha);
        double ratio = Math.exp(shift.estimate());
        double low = Math.exp(shift.low());
        double high = Math.exp(shift.high());
        Kind kind;
        if (low >= 1 / (1 + sameWithin) && high <= 1 + sameWithin) {
            kind = Kind.SAME;
        } else if (low > 1) {
            kind = Kind.A_FASTER;
        } else if (high < 1) {
            kind = Kind.B_FASTER;
        } else {
            kind = Kind.UNDECIDED;
        }
        return new PairwiseVerdict(kind, ratio, low, high, timesA.length, timesB.length);
    }

    /** The same verdict on B against A: the ratio and interval inverted, A and B swapped. */
    public PairwiseVerdict reversed() {
        Kind swapped = switch (kind) {
            case A_FASTER -> Kind.B_FASTER;
            case B_FASTER -> Kind.A_FASTER;
            default -> kind;
        };
        return new PairwiseVerdict(swapped, 1 / ratio, 1 / high, 1 / low, forksB, forksA);
    }

    /** Whether more forks are wanted (the interval holds 1 and reaches beyond the band). */
    public boolean undecided() {
        return kind == Kind.UNDECIDED;
    }

    /**
     * The verdict in words, from the faster one's side: "raw-simd is 1.42× faster than raw [1.30, 1.55]",
     * "raw-simd and raw-simd-mt are the same within ±5% (0.98× [0.96, 1.01])", "raw and ejml: undecided (1.04×
     * [0.92, 1.18], 5 + 5 forks)".
     */
    public String describe(String a, String b, double sameWithin) {
        if (!Double.isFinite(ratio)) {
            return String.format(Locale.ROOT, "%s and %s: undecided (%d + %d forks, too few for an interval)", a, b, forksA, forksB);
        }
        return switch (kind) {
            case A_FASTER -> String.format(Locale.ROOT, "%s is %s faster than %s [%s, %s]", a, times(ratio), b, number(low), number(high));
            case B_FASTER -> String.format(Locale.ROOT, "%s is %s faster than %s [%s, %s]", b, times(1 / ratio), a, number(1 / high),
                    number(1 / low));
            case SAME -> String.format(Locale.ROOT, "%s and %s are the same within ±%s (%s [%s, %s])", a, b, percent(sameWithin),
                    times(ratio), number(low), number(high));
            case UNDECIDED -> String.format(Locale.ROOT, "%s and %s: undecided (%s [%s, %s], %d + %d forks)", a, b, times(ratio),
                    number(low), number(high), forksA, forksB);
        };
    }

    private static double[] logs(double[] times, String which) {
        double[] out = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            if (!(times[i] > 0) || !Double.isFinite(times[i])) {
                throw new IllegalArgumentException("pairwise verdict: time " + i + " of " + which + " is " + times[i]
                        + "; times must be positive and finite");
            }
            out[i] = Math.log(times[i]);
        }
        return out;
    }

    private static String times(double r) {
        return number(r) + "×";
    }

    private static String number(double x) {
        return Double.isInfinite(x) ? (x > 0 ? "∞" : "−∞") : String.format(Locale.ROOT, x >= 10 ? "%.3g" : "%.2f", x);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }
}

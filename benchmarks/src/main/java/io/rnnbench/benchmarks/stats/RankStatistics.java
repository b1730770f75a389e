package io.rnnbench.benchmarks.stats;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rank statistics of two small samples (per-fork scores): the two-sided Mann–Whitney U test, the Hodges–Lehmann
 * shift estimate and its distribution-free confidence interval, all from one exact null distribution of U.
 *
 * <p>Why these. Forks are the independent units of a JMH run (each has its own JIT decisions, code and heap
 * layout), and a small CI machine produces one-sided outlier forks (a neighbour's burst). The rank test uses only
 * the order of the per-fork scores, so one outlier fork moves it by one rank, where it would widen a t-interval
 * enough to hide a real shift. The Hodges–Lehmann estimate, the median of all m·n pairwise differences
 * y<sub>j</sub> − x<sub>i</sub>, is the shift estimate that belongs to this test, and its interval
 * [D<sub>(c+1)</sub>, D<sub>(mn−c)</sub>] of the sorted differences, with c the largest U such that
 * P(U ≤ c) ≤ α/2, is the set of shifts the test does not reject (Bauer 1972): the interval excludes 0 exactly when
 * the test rejects at α (without ties), so the estimate, the interval and the test never contradict each other. A
 * seeded bootstrap of the median ratio was the alternative; with 8 forks a side it has only a handful of distinct
 * resamples of the median, and its coverage at 99% is poor.
 *
 * <p>The null distribution is counted exactly by the recurrence N(m, n, u) = N(m−1, n, u−n) + N(m, n−1, u) (the
 * largest value is an x, above all n y's, or a y) for m·n ≤ {@value #EXACT_PAIRS}, and approximated by the normal
 * distribution (continuity-corrected) beyond. With m = n = 3 the smallest two-sided p is 2/C(6, 3) = 0.1: such a
 * comparison can never be significant at α = 0.01, and the comparison says so.
 */
public final class RankStatistics {
    /** Largest m·n with the exact null distribution (e.g. 50 forks a side). */
    static final int EXACT_PAIRS = 2500;
    /** Null distributions by (m, n): the synthetic tests compare thousands of samples of one size. */
    private static final Map<Long, double[]> CDFS = new ConcurrentHashMap<>();

    private RankStatistics() {
    }

    /**
     * A shift of y against x.
     *
     * @param estimate the Hodges–Lehmann estimate: the median of the pairwise differences y<sub>j</sub> − x<sub>i</sub>
     * @param low      lower end of the (1 − α) interval; −∞ when the samples are too small for one
     * @param high     upper end; +∞ when the samples are too small
     * @param pValue   two-sided Mann–Whitney p-value of "x and y come from one distribution"
     * @param minP     the smallest two-sided p-value these sample sizes can give, 2/C(m+n, m)
     */
    public record Shift(double estimate, double low, double high, double pValue, double minP) {
    }

    /** The shift of {@code y} against {@code x} with its (1 − {@code alpha}) interval and the test's p-value. */
    public static Shift shift(double[] x, double[] y, double alpha) {
        int m = x.length, n = y.length;
        if (m == 0 || n == 0) {
            throw new IllegalArgumentException("a shift needs both samples, got " + m + " and " + n + " values");
        }
        double[] d = new double[m * n];
        int k = 0;
        double u = 0; // #(x < y), ties ½
        for (double a : x) {
            for (double b : y) {
                d[k++] = b - a;
                u += a < b ? 1 : a == b ? 0.5 : 0;
            }
        }
        Arrays.sort(d);
        double[] cdf = (long) m * n > EXACT_PAIRS ? null : CDFS.computeIfAbsent(((long) m << 32) | n, key -> nullCdf(m, n));
        double tail = Math.min(u, (double) m * n - u);
        double p = Math.min(1, 2 * lowerTail(cdf, m, n, tail));
        double minP = Math.min(1, 2 * lowerTail(cdf, m, n, 0));
        int c = -1; // largest c with P(U ≤ c) ≤ α/2
        for (int j = 0; j <= m * n; j++) {
            if (lowerTail(cdf, m, n, j) <= alpha / 2) {
                c = j;
            } else {
                break;
            }
        }
        double low = c < 0 ? Double.NEGATIVE_INFINITY : d[c];
        double high = c < 0 ? Double.POSITIVE_INFINITY : d[m * n - 1 - c];
        return new Shift(median(d), low, high, p, minP);
    }

    /** Two-sided p-value of the Mann–Whitney U test; 1 when a sample is empty. */
    public static double pValue(double[] x, double[] y) {
        if (x.length == 0 || y.length == 0) {
            return 1;
        }
        return shift(x, y, 0.05).pValue();
    }

    /**
     * A distribution-free interval of a median.
     *
     * @param low   lower end
     * @param high  upper end
     * @param level its confidence: P(low ≤ median ≤ high) for any continuous distribution
     */
    public record Interval(double low, double high, double level) {
    }

    /**
     * The order-statistic interval [x<sub>(k)</sub>, x<sub>(n+1−k)</sub>] of the median of {@code values} (the sign
     * test's interval), with the largest k whose level 1 − 2·P(B ≤ k − 1), B ~ Binomial(n, ½), is at least
     * 1 − {@code alpha}; with fewer values than that needs (n &lt; 6 at α = 0.05), [min, max] and its lower level
     * 1 − 2<sup>1−n</sup> (0 for one value).
     */
    public static Interval medianInterval(double[] values, double alpha) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("a median interval needs at least one value");
        }
        double[] s = values.clone();
        Arrays.sort(s);
        double[] cdf = new double[n + 1]; // cdf[j] = P(B ≤ j)
        double p = Math.pow(0.5, n);
        for (int j = 0; j <= n; j++) {
            cdf[j] = (j == 0 ? 0 : cdf[j - 1]) + p;
            p = p * (n - j) / (j + 1);
        }
        int k = 1;
        while (k + 1 <= (n + 1) / 2 && 1 - 2 * cdf[k] >= 1 - alpha) {
            k++;
        }
        return new Interval(s[k - 1], s[n - k], Math.max(0, 1 - 2 * cdf[k - 1]));
    }

    /** The median of {@code values} (the mean of the middle two for an even count); NaN when empty. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : (s[h - 1] + s[h]) / 2;
    }

    /** P(U ≤ u) under the null: from the exact cumulative counts, or the normal approximation when cdf is null. */
    private static double lowerTail(double[] cdf, int m, int n, double u) {
        if (u < 0) {
            return 0;
        }
        if (cdf != null) {
            int k = (int) Math.floor(u);
            return cdf[Math.min(k, cdf.length - 1)];
        }
        double mean = m * (double) n / 2;
        double sd = Math.sqrt(m * (double) n * (m + n + 1) / 12);
        return standardNormalCdf((u + 0.5 - mean) / sd);
    }

    /** P(U ≤ k) for k = 0 … mn, exact; null when m·n is beyond {@value #EXACT_PAIRS}. */
    static double[] nullCdf(int m, int n) {
        if ((long) m * n > EXACT_PAIRS) {
            return null;
        }
        int max = m * n;
        // counts[j][k]: arrangements of i x's and j y's with U = k, for the current i
        double[][] counts = new double[n + 1][max + 1];
        for (int j = 0; j <= n; j++) {
            counts[j][0] = 1; // i = 0: U = 0 whatever j
        }
        for (int i = 1; i <= m; i++) {
            double[][] next = new double[n + 1][max + 1];
            next[0][0] = 1;
            for (int j = 1; j <= n; j++) {
                for (int k = 0; k <= i * j; k++) {
                    next[j][k] = (k >= j ? counts[j][k - j] : 0) + next[j - 1][k];
                }
            }
            counts = next;
        }
        double total = 0;
        for (double c : counts[n]) {
            total += c;
        }
        double[] cdf = new double[max + 1];
        double running = 0;
        for (int k = 0; k <= max; k++) {
            running += counts[n][k];
            cdf[k] = running / total;
        }
        return cdf;
    }

    /** Φ(z). */
    private static double standardNormalCdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /** erfc(x) with relative error below 1.2e−7 (Numerical Recipes' Chebyshev fit). */
    private static double erfc(double x) {
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double r = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}

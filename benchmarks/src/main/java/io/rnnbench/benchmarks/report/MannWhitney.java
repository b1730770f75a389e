package io.rnnbench.benchmarks.report;

import java.util.Collection;

/**
 * The two-sided Mann–Whitney U test (Wilcoxon rank-sum): do two samples of per-iteration times come from the same
 * distribution? It uses ranks only, so one slow iteration (a GC, a neighbour's burst on a shared machine) cannot
 * hide a difference that every other iteration shows, as it can widen a t-interval.
 *
 * <p>U counts the pairs (x, y) with x &lt; y, ties counting ½. The p-value is exact (the distribution of U under the
 * null, counted by the recurrence N(m, n, u) = N(m−1, n, u−n) + N(m, n−1, u)) for samples of up to
 * {@value #EXACT_LIMIT} each, and from the normal approximation with continuity correction beyond.
 */
final class MannWhitney {
    /** Largest sample size with the exact distribution. */
    static final int EXACT_LIMIT = 50;

    private MannWhitney() {
    }

    /** Two-sided p-value of "x and y come from one distribution"; 1 when either sample is empty. */
    static double pValue(Collection<Double> x, Collection<Double> y) {
        int m = x.size(), n = y.size();
        if (m == 0 || n == 0) {
            return 1;
        }
        double u = 0;
        for (double a : x) {
            for (double b : y) {
                u += a < b ? 1 : a == b ? 0.5 : 0;
            }
        }
        double tail = Math.min(u, (double) m * n - u); // the smaller tail
        double p = m <= EXACT_LIMIT && n <= EXACT_LIMIT ? 2 * exactLowerTail(m, n, tail) : 2 * normalLowerTail(m, n, tail);
        return Math.min(1, p);
    }

    /** P(U ≤ u) under the null, from the exact count of rank arrangements. */
    private static double exactLowerTail(int m, int n, double u) {
        int max = m * n;
        // counts[j][k]: arrangements of i x's and j y's with U = k, for the current i
        double[][] counts = new double[n + 1][];
        for (int j = 0; j <= n; j++) {
            counts[j] = new double[max + 1];
            counts[j][0] = 1; // i = 0: U = 0 whatever j
        }
        for (int i = 1; i <= m; i++) {
            double[][] next = new double[n + 1][max + 1];
            next[0][0] = 1; // j = 0: U = 0
            for (int j = 1; j <= n; j++) {
                for (int k = 0; k <= i * j; k++) {
                    // counts U' = #(x > y), distributed as U: the largest value is an x (above all j y's) or a y
                    next[j][k] = (k >= j ? counts[j][k - j] : 0) + next[j - 1][k];
                }
            }
            counts = next;
        }
        double total = 0, below = 0;
        for (int k = 0; k <= max; k++) {
            total += counts[n][k];
            if (k <= u) {
                below += counts[n][k];
            }
        }
        return below / total;
    }

    private static double normalLowerTail(int m, int n, double u) {
        double mean = m * (double) n / 2;
        double sd = Math.sqrt(m * (double) n * (m + n + 1) / 12);
        return standardNormalCdf((u + 0.5 - mean) / sd);
    }

    /** Φ(z), the standard normal distribution function. */
    private static double standardNormalCdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /** erfc(x) with relative error below 1.2e−7 everywhere (Numerical Recipes' Chebyshev fit). */
    private static double erfc(double x) {
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double r = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}

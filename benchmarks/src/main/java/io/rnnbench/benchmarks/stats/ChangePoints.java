package io.rnnbench.benchmarks.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where a series of benchmark scores (one per commit, in commit order) stepped: E-divisive means (Matteson and James
 * 2014) with a permutation significance test, the detector of Apache Otava and MongoDB's "hunter".
 *
 * <p>For a segment Z of n points and a split τ into X = Z[0, τ) and Y = Z[τ, n), the divergence is
 * <pre>
 * Ê(X, Y) = 2/(m·k) Σ|x − y| − 1/C(m, 2) Σ_{i<j} |x_i − x_j| − 1/C(k, 2) Σ_{i<j} |y_i − y_j|     m = τ, k = n − τ
 * Q̂(τ)    = m·k/n · Ê(X, Y)
 * </pre>
 * (the energy distance with exponent 1: it sees a change of the mean and of the spread, and assumes no distribution).
 * The most divergent split τ̂ = argmax Q̂ over splits leaving at least {@code minSegment} points on each side is
 * tested by permutation: its Q̂ against the largest Q̂ of each of {@code permutations} random reorderings of the
 * segment (the same search, so the test accounts for having picked the best τ). With p = (1 + #{permuted ≥ observed})
 * / (1 + permutations) ≤ α the split is a change point. The search repeats on the pieces, always testing the piece
 * whose best split diverges most, and stops at the first split that is not significant (as hunter does).
 *
 * <p>Each change point reports how far the series stepped, as the ratio of the level after it to the level before it
 * (the neighbouring pieces in the final segmentation): the Hodges–Lehmann estimate of the shift of the logarithms
 * with its distribution-free interval ({@link RankStatistics#shift}).
 */
public final class ChangePoints {
    private ChangePoints() {
    }

    /**
     * A step at {@code index}: the first point of the new level.
     *
     * @param pValue the permutation test's p-value of the split
     * @param ratio  level after / level before (Hodges–Lehmann, on logarithms)
     * @param low    lower end of the ratio's (1 − α) interval
     * @param high   upper end
     */
    public record ChangePoint(int index, double pValue, double ratio, double low, double high) {
    }

    /**
     * The change points of {@code series} (positive scores, in order), by index.
     *
     * @param alpha        significance level of each split, and 1 − the ratios' interval level
     * @param permutations reorderings per test (e.g. 199)
     * @param minSegment   the fewest points a level may have (≥ 2)
     * @param seed         of the permutations: the same inputs give the same answer
     * @throws IllegalArgumentException for a non-positive or non-finite score or impossible settings
     */
    public static List<ChangePoint> find(double[] series, double alpha, int permutations, int minSegment, long seed) {
        if (!(alpha > 0 && alpha < 1) || permutations < 1 || minSegment < 2) {
            throw new IllegalArgumentException("change points: need 0 < α < 1, permutations ≥ 1 and minSegment ≥ 2; got α = "
                    + alpha + ", permutations = " + permutations + ", minSegment = " + minSegment);
        }
        for (int i = 0; i < series.length; i++) {
            if (!(series[i] > 0) || !Double.isFinite(series[i])) {
                throw new IllegalArgumentException("change points: score " + i + " is " + series[i] + "; scores must be positive and finite");
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> cuts = new ArrayList<>(List.of(0, series.length)); // piece boundaries, sorted
        List<Double> pValues = new ArrayList<>();
        List<Integer> found = new ArrayList<>();
        while (true) {
            Split best = null;
            for (int p = 0; p + 1 < cuts.size(); p++) {
                Split s = bestSplit(series, cuts.get(p), cuts.get(p + 1), minSegment);
                if (s != null && (best == null || s.q() > best.q())) {
                    best = s;
                }
            }
            if (best == null) {
                break;
            }
            double p = permutationP(series, best, minSegment, permutations, random);
            if (p > alpha) {
                break;
            }
            found.add(best.at());
            pValues.add(p);
            cuts.add(best.at());
            cuts.sort(Comparator.naturalOrder());
        }
        List<ChangePoint> points = new ArrayList<>();
        for (int c = 1; c + 1 < cuts.size(); c++) {
            int at = cuts.get(c);
            double[] before = logs(series, cuts.get(c - 1), at);
            double[] after = logs(series, at, cuts.get(c + 1));
            RankStatistics.Shift shift = RankStatistics.shift(before, after, alpha);
            points.add(new ChangePoint(at, pValues.get(found.indexOf(at)), Math.exp(shift.estimate()), Math.exp(shift.low()),
                    Math.exp(shift.high())));
        }
        return points;
    }

    /** The split of series[from, to) with the largest Q̂. */
    private record Split(int from, int to, int at, double q) {
    }

    private static Split bestSplit(double[] series, int from, int to, int minSegment) {
        if (to - from < 2 * minSegment) {
            return null;
        }
        double[] best = maxQ(Arrays.copyOfRange(series, from, to), minSegment);
        return new Split(from, to, from + (int) best[0], best[1]);
    }

    private static double permutationP(double[] series, Split split, int minSegment, int permutations, SplittableRandom random) {
        double[] z = Arrays.copyOfRange(series, split.from(), split.to());
        int atLeast = 0;
        for (int r = 0; r < permutations; r++) {
            for (int i = z.length - 1; i > 0; i--) { // Fisher–Yates
                int j = random.nextInt(i + 1);
                double t = z[i];
                z[i] = z[j];
                z[j] = t;
            }
            if (maxQ(z, minSegment)[1] >= split.q()) {
                atLeast++;
            }
        }
        return (1.0 + atLeast) / (1.0 + permutations);
    }

    /**
     * {τ, Q̂(τ)} of the largest Q̂ over τ ∈ [minSegment, n − minSegment], in O(n²): moving point τ from Y to X adds its
     * distances to X's points to X's within-sum, removes its distances to the rest of Y from Y's, and trades the
     * first for the second in the between-sum.
     */
    static double[] maxQ(double[] z, int minSegment) {
        int n = z.length;
        double withinX = 0;
        double withinY = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                withinY += Math.abs(z[i] - z[j]);
            }
        }
        double between = 0;
        double[] best = {minSegment, Double.NEGATIVE_INFINITY};
        for (int tau = 1; tau <= n - minSegment; tau++) {
            int moved = tau - 1; // the point that has just joined X
            double toX = 0;
            double toY = 0;
            for (int i = 0; i < moved; i++) {
                toX += Math.abs(z[i] - z[moved]);
            }
            for (int j = moved + 1; j < n; j++) {
                toY += Math.abs(z[moved] - z[j]);
            }
            withinX += toX;
            withinY -= toY;
            between += toY - toX;
            if (tau >= minSegment) {
                int m = tau;
                int k = n - tau;
                double e = 2 * between / ((double) m * k) - withinX / pairs(m) - withinY / pairs(k);
                double q = (double) m * k / n * e;
                if (q > best[1]) {
                    best[0] = tau;
                    best[1] = q;
                }
            }
        }
        return best;
    }

    /** C(m, 2), or 1 for m < 2 (a one-point side has no within-distance). */
    private static double pairs(int m) {
        return m < 2 ? 1 : m * (m - 1) / 2.0;
    }

    private static double[] logs(double[] series, int from, int to) {
        double[] out = new double[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = Math.log(series[i]);
        }
        return out;
    }
}
